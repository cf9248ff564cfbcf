package dev.redoubt.ui.vaults;

import dev.redoubt.findings.access.VaultLock;
import java.util.Objects;
import javafx.scene.Parent;

/** The vaults screen's stylesheet (vaults.css) and its class names. */
final class VaultsStyles {
    static final String STYLESHEET = "/dev/redoubt/ui/vaults/vaults.css";
    static final String DESTROY_PANEL = "vault-destroy-panel";
    static final String QUESTION = "vault-question";
    static final String ANSWER = "vault-answer";
    static final String URGENT = "vault-urgent";
    static final String SUBHEADING = "vault-subheading";
    static final String OK_TEXT = "vault-ok-text";
    static final String BAD_TEXT = "vault-bad-text";
    static final String WHY = "vault-why";

    private VaultsStyles() {
    }

    static void apply(Parent root) {
        String url = Objects.requireNonNull(VaultsStyles.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(url)) {
            root.getStylesheets().add(url);
        }
    }

    /** The chip colour of a lock: green when nobody can remove it, amber when it can be removed, red when there is none. */
    static String lockClass(VaultLock lock) {
        return switch (lock.mode()) {
            case COMPLIANCE_IMMUTABLE, AIR_GAPPED -> "lock-immutable";
            case GOVERNANCE, COMPLIANCE_GRACE -> "lock-removable";
            case NONE -> "lock-none";
            case NOT_READ -> "lock-unknown";
        };
    }

    static String levelIcon(VaultDetail.Level level) {
        return "vault-level-" + level.css();
    }
}

package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.settings.SettingsFile;
import java.util.Optional;

/** The journal key's fingerprint, pinned in settings.json as {"journal": {"keyFingerprint": "sha256:..."}} when the journal is created. */
public final class KeyPin {
    static final String MEMBER = "journal";
    static final String FINGERPRINT = "keyFingerprint";

    private KeyPin() {
    }

    public static Optional<String> read(SettingsFile settings) {
        JsonNode fp = settings.read().path(MEMBER).path(FINGERPRINT);
        return fp.isTextual() && !fp.textValue().isBlank() ? Optional.of(fp.textValue()) : Optional.empty();
    }

    /** Pins the fingerprint, keeping every other setting as it is. */
    static void pin(SettingsFile settings, String fingerprint) {
        settings.update(root -> {
            JsonNode journal = root.get(MEMBER);
            ObjectNode node = journal instanceof ObjectNode o ? o : root.putObject(MEMBER);
            node.put(FINGERPRINT, fingerprint);
        });
    }
}

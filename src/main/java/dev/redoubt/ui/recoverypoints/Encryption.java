package dev.redoubt.ui.recoverypoints;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;

/** Whether a recovery point is encrypted, as the table and its filter say it. */
public enum Encryption {
    ENCRYPTED("Encrypted"),
    NOT_ENCRYPTED("Not encrypted"),
    NOT_READ("Encryption not read");

    private final String label;

    Encryption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** IsEncrypted false: not encrypted; true, a key or an AWS-owned key: encrypted; else not read. */
    public static Encryption of(RecoveryPoint p) {
        if (Boolean.FALSE.equals(p.isEncrypted())) {
            return NOT_ENCRYPTED;
        }
        if (Boolean.TRUE.equals(p.isEncrypted()) || p.encryptionKeyArn() != null || EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType())) {
            return ENCRYPTED;
        }
        return NOT_READ;
    }
}

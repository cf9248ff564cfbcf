package dev.redoubt.findings.access;

import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.findings.EstateIndex;

/**
 * Who holds a KMS key ("AWS KMS keys", https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt):
 * AWS owns it (no policy anyone in the organization can read or change), AWS manages it for one
 * service of the account ({@code aws/backup}: its policy is AWS's), or the customer manages it.
 */
public enum KeyKind {
    AWS_OWNED("AWS-owned"),
    AWS_MANAGED("AWS-managed"),
    CUSTOMER_MANAGED("Customer-managed"),
    /** The key's manager was not read (no KeyManager in its metadata, no alias that says). */
    NOT_READ("Not read");

    private final String text;

    KeyKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The kind of a key the estate holds: its KeyManager, else an {@code alias/aws/...} alias. */
    public static KeyKind of(KmsKey key) {
        String manager = key.keyMetadata() == null ? null : key.keyMetadata().keyManager();
        if ("AWS".equals(manager)) {
            return AWS_MANAGED;
        }
        if ("CUSTOMER".equals(manager)) {
            return CUSTOMER_MANAGED;
        }
        if (key.aliases() != null) {
            for (KeyAlias a : key.aliases()) {
                if (a != null && a.aliasName() != null && a.aliasName().startsWith("alias/aws/")) {
                    return AWS_MANAGED;
                }
            }
        }
        return NOT_READ;
    }

    /**
     * The kind of a key a vault or a recovery point names: AWS-owned when its EncryptionKeyType says
     * so (or it names no key with that type), else as the estate holds it, else NOT_READ.
     */
    public static KeyKind of(EstateIndex x, String keyArn, String encryptionKeyType) {
        if (EstateIndex.AWS_OWNED_KEY.equals(encryptionKeyType)) {
            return AWS_OWNED;
        }
        EstateIndex.KeyRef k = x.key(keyArn);
        return k == null ? NOT_READ : of(k.key());
    }
}

package dev.redoubt.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Ed25519 from the JDK: the per-installation signing key, its PEM files and its fingerprint. */
public final class JournalKeys {
    private static final String ALGORITHM = "Ed25519";

    private JournalKeys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    /** "sha256:" and the SHA-256 of the public key's X.509 (SubjectPublicKeyInfo) DER encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        return "sha256:" + Canonical.hex(Canonical.sha256().digest(key.getEncoded()));
    }

    /** What a fingerprint looks like, in words, for messages. */
    public static final String FINGERPRINT_FORM = "\"sha256:\" and 64 hexadecimal digits";

    /** {@code text} as a fingerprint ("sha256:" and 64 hex digits, in either case; returned in lower case), or empty when it is not one. */
    public static Optional<String> parseFingerprint(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.matches("sha256:[0-9a-f]{64}") ? Optional.of(t) : Optional.empty();
    }

    public static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
    }

    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the journal key", e);
        }
    }

    static String signText(PrivateKey key, String text) {
        return Base64.getEncoder().encodeToString(sign(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean verifyText(PublicKey key, String text, String base64Signature) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(key, text.getBytes(StandardCharsets.UTF_8), sig);
    }

    /** PEM text: the DER in base64, 64 characters a line, between BEGIN and END lines of {@code type}. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The DER inside PEM text of {@code type}. */
    public static byte[] fromPem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }
}

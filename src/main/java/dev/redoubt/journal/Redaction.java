package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps secrets out of the journal: members whose names say they hold a secret (SecretAccessKey,
 * SessionToken, Password, AccessToken, RefreshToken, ClientSecret, ...) are replaced by
 * {@value #REDACTED} wherever they are in the details, and so are strings that carry a private key
 * or an AWS security token. The journal can never be un-written, so this happens before it is.
 */
public final class Redaction {
    public static final String REDACTED = "[redacted]";
    /** Compared with member names lower-cased and stripped of everything but letters and digits. */
    private static final List<String> SECRET_WORDS = List.of("secret", "password", "passwd", "passphrase", "privatekey",
            "sessiontoken", "securitytoken", "accesstoken", "refreshtoken", "idtoken", "bearertoken", "authtoken",
            "authorization", "apikey");
    /** A credentials object (AWS's has AccessKeyId, SecretAccessKey, SessionToken) is searched, not dropped; a credential string is redacted. */
    private static final String CREDENTIAL = "credential";
    private static final List<String> SECRET_MARKERS = List.of("private key-----", "x-amz-security-token", "aws_secret_access_key",
            "aws_session_token");

    private Redaction() {
    }

    /** True for a member name that, by its name, holds a secret. */
    public static boolean isSecretName(String name) {
        String n = normalized(name);
        if (n.contains(CREDENTIAL)) {
            return true;
        }
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** True for a value that carries a secret whatever its member is called. */
    public static boolean isSecretValue(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String m : SECRET_MARKERS) {
            if (v.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** Redacts {@code node} in place (the caller passes a copy) and returns it. */
    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            object.fields().forEachRemaining(members::add);
            for (Map.Entry<String, JsonNode> m : members) {
                boolean searchable = m.getValue().isContainerNode() && normalized(m.getKey()).equals(CREDENTIAL + "s");
                if (isSecretName(m.getKey()) && !m.getValue().isNull() && !searchable) {
                    object.set(m.getKey(), TextNode.valueOf(REDACTED));
                } else {
                    object.set(m.getKey(), redact(m.getValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        } else if (node.isTextual() && isSecretValue(node.textValue())) {
            return TextNode.valueOf(REDACTED);
        }
        return node;
    }
}

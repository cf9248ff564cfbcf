package dev.redoubt.findings.policy;

import java.util.List;
import java.util.Locale;

/**
 * One operator-key-values triple of a Condition block, e.g. {@code ArnNotEquals aws:PrincipalArn
 * [arn:aws:iam::1:role/BreakGlass]}. {@code operator} is as written (with any IfExists suffix or
 * ForAnyValue:/ForAllValues: prefix).
 */
public record Condition(String operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }

    /** The operator without set prefix and IfExists suffix, e.g. "StringNotLike". */
    public String baseOperator() {
        String op = operator;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
    }

    public boolean ifExists() {
        return operator.endsWith("IfExists");
    }

    /** "ForAnyValue" or "ForAllValues" when the operator has that set prefix, else null. */
    public String setOperator() {
        int colon = operator.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String prefix = operator.substring(0, colon);
        if (prefix.equalsIgnoreCase("ForAnyValue")) {
            return "ForAnyValue";
        }
        return prefix.equalsIgnoreCase("ForAllValues") ? "ForAllValues" : null;
    }

    public boolean forAnyValue() {
        return "ForAnyValue".equals(setOperator());
    }

    public boolean forAllValues() {
        return "ForAllValues".equals(setOperator());
    }

    /**
     * Negated operators (StringNotEquals, ArnNotLike, NotIpAddress, ...): they hold when no value
     * matches, and when the key is absent (IAM "Condition" element page).
     */
    public boolean negated() {
        String b = baseOperator();
        return b.startsWith("StringNot") || b.startsWith("ArnNot") || b.equals("NumericNotEquals") || b.equals("DateNotEquals")
                || b.equals("NotIpAddress");
    }

    public String keyLower() {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return operator + " " + key + " " + (values.size() == 1 ? values.get(0) : values.toString());
    }
}

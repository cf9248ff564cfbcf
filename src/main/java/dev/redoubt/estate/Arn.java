package dev.redoubt.estate;

/** The parts of an ARN ({@code arn:partition:service:region:account:resource}). */
public record Arn(String partition, String service, String region, String account, String resource) {
    /** Parses an ARN, or returns null when the text is not one. */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** The account that owns the resource an ARN names, or null when it names none (S3 buckets, EC2 snapshots). */
    public static String accountOf(String text) {
        Arn arn = parse(text);
        return arn == null || arn.account().isEmpty() ? null : arn.account();
    }
}

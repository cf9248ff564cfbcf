package dev.redoubt.ui.recoverypoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the recovery points are filtered by; null (or false) for each filter not set. The text is
 * matched, word by word, against the resource's name and ARN, the recovery point's ARN, the vault's
 * name and ARN, its account's name and the key's alias and ARN (each word somewhere). {@code status} {@link #NOT_READ}
 * picks the points whose status was not read.
 */
public record PointFilter(String text, String type, String vaultArn, String accountId, String status, Encryption encryption,
                          String keyArn, LocalDate createdFrom, LocalDate createdTo, Integer olderThanDays, boolean noCopyElsewhere,
                          String resourceArn) {
    /** The status "choice" for points whose status was not read. */
    public static final String NOT_READ = "\u0000not read";
    /** The key "choice" for points encrypted with an AWS-owned key. */
    public static final String AWS_OWNED = "\u0000aws-owned";
    public static final PointFilter NONE = new PointFilter("", null, null, null, null, null, null, null, null, null, false, null);

    public PointFilter {
        text = text == null ? "" : text;
    }

    public boolean isEmpty() {
        return terms().isEmpty() && type == null && vaultArn == null && accountId == null && status == null && encryption == null
                && keyArn == null && createdFrom == null && createdTo == null && olderThanDays == null && !noCopyElsewhere && resourceArn == null;
    }

    /** The words of the text, lower-cased. */
    public List<String> terms() {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * True when every point this filter lets through, {@code wider} lets through too: the same
     * filters but the text, and each of {@code wider}'s words inside one of this one's. Then this
     * filter can run over the rows {@code wider} left, which is what typing does.
     */
    public boolean narrows(PointFilter wider) {
        if (wider == null || !sameButText(wider)) {
            return false;
        }
        List<String> mine = terms();
        for (String w : wider.terms()) {
            if (mine.stream().noneMatch(m -> m.contains(w))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameButText(PointFilter o) {
        return java.util.Objects.equals(type, o.type) && java.util.Objects.equals(vaultArn, o.vaultArn)
                && java.util.Objects.equals(accountId, o.accountId) && java.util.Objects.equals(status, o.status) && encryption == o.encryption
                && java.util.Objects.equals(keyArn, o.keyArn) && java.util.Objects.equals(createdFrom, o.createdFrom)
                && java.util.Objects.equals(createdTo, o.createdTo) && java.util.Objects.equals(olderThanDays, o.olderThanDays)
                && noCopyElsewhere == o.noCopyElsewhere && java.util.Objects.equals(resourceArn, o.resourceArn);
    }

    public PointFilter withText(String t) {
        return new PointFilter(t, type, vaultArn, accountId, status, encryption, keyArn, createdFrom, createdTo, olderThanDays, noCopyElsewhere, resourceArn);
    }
}

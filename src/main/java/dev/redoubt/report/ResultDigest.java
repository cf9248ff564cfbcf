package dev.redoubt.report;

import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Suppression;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * The results' digest ({@link ResultJson#sha256}) without a JSON generator: the same bytes Jackson writes for the
 * sorted compact JSON (its escapes: {@code \" \\ \b \t \n \f \r}, other controls and every UTF-16 surrogate as
 * {@code \}{@code uXXXX} in upper-case hex, the rest as UTF-8), encoded straight into one buffer that is hashed
 * in large blocks. A 200,000-point audit hashes 350 MB; going through a generator and a String per value made
 * the digest a third of the audit's time. {@code ResultDigestTest} holds it to Jackson's bytes.
 */
final class ResultDigest {
    private static final int BUFFER = 1 << 18;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII character: 0 written as is, -1 as {@code \}{@code u00XX}, else the letter after a backslash. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = -1;
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
    }

    private static final byte[] ACCOUNT_ID = ascii("{\"AccountId\":");
    private static final byte[] CHECK_ID = ascii(",\"CheckId\":");
    private static final byte[] EVIDENCE = ascii(",\"Evidence\":{\"EvaluatedAt\":");
    private static final byte[] FIELDS = ascii(",\"Fields\":{");
    private static final byte[] SUMMARY = ascii("},\"Summary\":");
    private static final byte[] THRESHOLDS = ascii(",\"Thresholds\":{");
    private static final byte[] FACET = ascii("}},\"Facet\":");
    private static final byte[] REGION = ascii(",\"Region\":");
    private static final byte[] REMEDIATION = ascii(",\"Remediation\":");
    private static final byte[] ACTION = ascii("{\"Action\":");
    private static final byte[] AWS_CLI = ascii(",\"AwsCli\":");
    private static final byte[] SNIPPET = ascii(",\"Snippet\":");
    private static final byte[] SNIPPET_LANGUAGE = ascii(",\"SnippetLanguage\":");
    private static final byte[] RESOURCE_ARN = ascii(",\"ResourceArn\":");
    private static final byte[] SEVERITY = ascii(",\"Severity\":");
    private static final byte[] STATUS = ascii(",\"Status\":");
    private static final byte[] SUPPRESSION = ascii(",\"Suppression\":{\"Author\":");
    private static final byte[] SUPPRESSION_CHECK_ID = CHECK_ID;
    private static final byte[] EXPIRES = ascii(",\"Expires\":");
    private static final byte[] JUSTIFICATION = ascii(",\"Justification\":");
    private static final byte[] RESOURCE = ascii(",\"Resource\":");
    private static final byte[] TITLE = ascii(",\"Title\":");
    private static final byte[] NULL = ascii("null");

    private final MessageDigest md;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    /** The last instant written and its text: every result of an audit has the same EvaluatedAt. */
    private Instant lastInstant;
    private byte[] lastInstantText;
    /** Fact order scratch: a result has a handful of facts. */
    private Fact[] order = new Fact[16];

    private ResultDigest(MessageDigest md) {
        this.md = md;
    }

    static String sha256(List<Result> results) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ResultDigest d = new ResultDigest(md);
        d.raw((byte) '[');
        boolean first = true;
        for (Result r : results) {
            if (!first) {
                d.raw((byte) ',');
            }
            first = false;
            d.result(r);
        }
        d.raw((byte) ']');
        d.flush();
        return HexFormat.of().formatHex(md.digest());
    }

    private void result(Result r) {
        raw(ACCOUNT_ID);
        string(r.accountId());
        raw(CHECK_ID);
        string(r.checkId());
        evidence(r.evidence());
        raw(FACET);
        string(r.facet().name());
        raw(REGION);
        string(r.region());
        raw(REMEDIATION);
        remediation(r.remediation());
        raw(RESOURCE_ARN);
        string(r.resourceArn());
        raw(SEVERITY);
        string(r.severity().name());
        raw(STATUS);
        string(r.status().name());
        suppression(r.suppression());
        raw(TITLE);
        string(r.title());
        raw((byte) '}');
    }

    private void evidence(Evidence e) {
        raw(EVIDENCE);
        instant(e.evaluatedAt());
        raw(FIELDS);
        facts(e.fields());
        raw(SUMMARY);
        string(e.summary());
        raw(THRESHOLDS);
        facts(e.thresholds());
        // FACET closes Thresholds and Evidence
    }

    /** An object of facts with members sorted by name (stably); a repeated name keeps its last value, as a JSON object does. */
    private void facts(List<Fact> facts) {
        int n = facts.size();
        if (n > order.length) {
            order = new Fact[Math.max(n, order.length * 2)];
        }
        Fact[] a = order;
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            int j = i;
            while (j > 0 && a[j - 1].name().compareTo(f.name()) > 0) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = f;
        }
        boolean first = true;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && a[i + 1].name().equals(a[i].name())) {
                continue;
            }
            if (!first) {
                raw((byte) ',');
            }
            first = false;
            string(a[i].name());
            raw((byte) ':');
            factValue(a[i]);
        }
        java.util.Arrays.fill(a, 0, n, null);
    }

    /** A fact's value() as a JSON string, without building it for the common kinds. */
    private void factValue(Fact f) {
        Object raw = f.raw();
        if (raw instanceof String s) {
            string(s);
        } else if (raw instanceof Boolean b) {
            raw((byte) '"');
            raw(b ? TRUE : FALSE);
            raw((byte) '"');
        } else if (raw instanceof Long || raw instanceof Integer) {
            raw((byte) '"');
            number(((Number) raw).longValue());
            raw((byte) '"');
        } else if (raw instanceof Instant t) {
            instant(t);
        } else {
            string(f.value());
        }
    }

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private void remediation(Remediation r) {
        if (r == null) {
            raw(NULL);
            return;
        }
        raw(ACTION);
        string(r.action());
        raw(AWS_CLI);
        string(r.awsCli());
        raw(SNIPPET);
        string(r.snippet());
        raw(SNIPPET_LANGUAGE);
        string(r.snippetLanguage());
        raw((byte) '}');
    }

    private void suppression(Suppression s) {
        if (s == null) {
            return;
        }
        raw(SUPPRESSION);
        string(s.author());
        raw(SUPPRESSION_CHECK_ID);
        string(s.checkId());
        raw(EXPIRES);
        instant(s.expires());
        raw(JUSTIFICATION);
        string(s.justification());
        raw(RESOURCE);
        string(s.resource());
        raw((byte) '}');
    }

    /** An instant as its toString() in quotes (null as null); the common whole-second form is formatted here. */
    private void instant(Instant t) {
        if (t == null) {
            raw(NULL);
            return;
        }
        if (t.equals(lastInstant)) {
            raw(lastInstantText);
            return;
        }
        byte[] text = instantText(t);
        lastInstant = t;
        lastInstantText = text;
        raw(text);
    }

    static byte[] instantText(Instant t) {
        long s = t.getEpochSecond();
        // 0000-01-01 .. 9999-12-31 in whole seconds: Instant.toString prints yyyy-MM-ddTHH:mm:ssZ
        if (t.getNano() == 0 && s >= -62_167_219_200L && s <= 253_402_300_799L) {
            LocalDateTime d = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
            byte[] b = new byte[22];
            b[0] = '"';
            put(b, 1, d.getYear(), 4);
            b[5] = '-';
            put(b, 6, d.getMonthValue(), 2);
            b[8] = '-';
            put(b, 9, d.getDayOfMonth(), 2);
            b[11] = 'T';
            put(b, 12, d.getHour(), 2);
            b[14] = ':';
            put(b, 15, d.getMinute(), 2);
            b[17] = ':';
            put(b, 18, d.getSecond(), 2);
            b[20] = 'Z';
            b[21] = '"';
            return b;
        }
        return ("\"" + t + "\"").getBytes(StandardCharsets.UTF_8); // ISO-8601 text is plain ASCII: no escapes
    }

    private static void put(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private void number(long v) {
        if (v < 0 || v > 999_999_999_999_999_999L) {
            raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ensure(20);
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos = end;
    }

    /**
     * A JSON string (null as null), escaped as Jackson's UTF-8 generator does. Most strings of an audit are the same
     * objects again and again (titles, check IDs, account IDs, key ARNs, fact names, remediation text): one seen twice
     * in its slot keeps its encoded bytes, so it is encoded once and copied after.
     */
    private void string(String s) {
        if (s == null) {
            raw(NULL);
            return;
        }
        if (s.length() < CACHED_FROM) {
            encode(s);
            return;
        }
        int slot = System.identityHashCode(s) & (SLOTS - 1);
        if (cachedString[slot] == s) {
            byte[] bytes = cachedBytes[slot];
            if (bytes != null) {
                raw(bytes);
                return;
            }
            if (buf.length - pos >= s.length() * 6 + 2) { // encoded here in one piece: keep a copy
                int from = pos;
                encode(s);
                cachedBytes[slot] = java.util.Arrays.copyOfRange(buf, from, pos);
                return;
            }
        } else {
            cachedString[slot] = s;
            cachedBytes[slot] = null;
        }
        encode(s);
    }

    private static final int CACHED_FROM = 16;
    private static final int SLOTS = 1 << 12;
    private final String[] cachedString = new String[SLOTS];
    private final byte[][] cachedBytes = new byte[SLOTS][];

    private void encode(String s) {
        int n = s.length();
        raw((byte) '"');
        int i = 0;
        while (i < n) {
            // Room for a run of at most 6 bytes a character; flush between runs.
            int room = (buf.length - pos) / 6;
            if (room < 1) {
                flush();
                room = buf.length / 6;
            }
            int end = Math.min(n, i + room);
            byte[] b = buf;
            int p = pos;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    byte esc = ESCAPE[c];
                    if (esc == 0) {
                        b[p++] = (byte) c;
                    } else if (esc > 0) {
                        b[p++] = '\\';
                        b[p++] = esc;
                    } else {
                        p = unicodeEscape(b, p, c);
                    }
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    p = unicodeEscape(b, p, c);
                } else {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            pos = p;
        }
        raw((byte) '"');
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void raw(byte b) {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = b;
    }

    private void raw(byte[] bytes) {
        if (bytes.length > buf.length - pos) {
            flush();
            if (bytes.length > buf.length) {
                md.update(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            flush();
        }
    }

    private void flush() {
        md.update(buf, 0, pos);
        pos = 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

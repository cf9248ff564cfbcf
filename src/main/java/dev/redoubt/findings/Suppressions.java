package dev.redoubt.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted risks (checks.md, "Suppressions"): a JSON list of {CheckId, Resource, Justification,
 * Author, Expires}. A FAIL covered by an active suppression becomes SUPPRESSED (never hidden);
 * once it expires the result is FAIL again, with the expired suppression in its evidence.
 * Expiry is judged against the audit's clock, not the estate's CapturedAt: accepting a risk is
 * a decision about today, so reopening an old capture never revives an acceptance that has lapsed.
 */
public final class Suppressions {
    /** A suppressions file is a list of flat objects; anything nested deeper is refused before it is walked. */
    static final int MAX_NESTING_DEPTH = 32;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build()).build()).build();
    /** The expiries a file may give: what a four-digit year can spell, from the Unix epoch on. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private final List<Suppression> entries;

    public Suppressions(List<Suppression> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public List<Suppression> entries() {
        return entries;
    }

    /** A suppressions file that cannot be used, with a one-line message naming the file and the entry. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reads and validates a file; a missing file is an error when {@code required}, else no suppressions. */
    public static Suppressions read(Path file, boolean required) throws Invalid {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            if (!required) {
                return none();
            }
            throw new Invalid(file + ": no such file; check the suppressions file path", e);
        } catch (IOException e) {
            throw new Invalid(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    public static Suppressions parse(String text, String name) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new Invalid(name + ": nested more than " + MAX_NESTING_DEPTH + " levels deep; a suppressions file is a list of flat objects"
                    + " ([{\"CheckId\": ..., \"Resource\": ..., ...}]): fix the file", e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? "" : ": line " + loc.getLineNr();
            throw new Invalid(name + where + ": not valid JSON (" + firstLine(e.getOriginalMessage()) + "); fix the file", e);
        }
        if (root == null || root.isMissingNode()) {
            return none();
        }
        if (!root.isArray()) {
            throw new Invalid(name + ": expected a JSON list of suppressions ([{\"CheckId\": ..., \"Resource\": ..., \"Justification\": ..., \"Author\": ..., \"Expires\": ...}])", null);
        }
        List<Suppression> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String where = name + ": [" + i + "]";
            if (!n.isObject()) {
                throw new Invalid(where + ": expected an object with CheckId, Resource, Justification, Author and Expires, found " + found(n), null);
            }
            String checkId = text(n, "CheckId", where, "name a check of the catalogue (for example IMM-02)");
            if (checkId == null) {
                throw new Invalid(where + ": CheckId is missing; name a check of the catalogue (for example IMM-02)", null);
            }
            if (Checks.byId(checkId).isEmpty()) {
                throw new Invalid(where + ": CheckId \"" + checkId + "\" is not a check of the catalogue; known IDs: "
                        + String.join(", ", Checks.all().stream().map(Check::id).toList()), null);
            }
            String resource = text(n, "Resource", where + " (" + checkId + ")", "give the resource ARN (* wildcards allowed)");
            if (resource == null) {
                throw new Invalid(where + " (" + checkId + "): Resource is missing; give the resource ARN (* wildcards allowed)", null);
            }
            String entry = where + " (" + checkId + " " + resource + ")";
            String justification = text(n, "Justification", entry, "say why the risk is accepted");
            if (justification == null) {
                throw new Invalid(entry + ": Justification is missing; an accepted risk must say why it is accepted", null);
            }
            String author = text(n, "Author", entry, "say who accepted the risk");
            if (author == null) {
                throw new Invalid(entry + ": Author is missing; say who accepted the risk", null);
            }
            String expires = text(n, "Expires", entry, "give an ISO-8601 date-time such as 2027-03-31T00:00:00Z");
            if (expires == null) {
                throw new Invalid(entry + ": Expires is missing; give an ISO-8601 date-time such as 2027-03-31T00:00:00Z", null);
            }
            Instant at = parseExpires(expires);
            if (at == null) {
                throw new Invalid(entry + ": Expires \"" + expires
                        + "\" is not an ISO-8601 date-time (for example 2027-03-31T00:00:00Z)", null);
            }
            if (!inRange(at)) {
                throw new Invalid(entry + ": Expires \"" + expires + "\" is outside 1970-01-01 to 9999-12-31; give the date the acceptance"
                        + " lapses (for example 2027-03-31T00:00:00Z)", null);
            }
            out.add(new Suppression(checkId, resource, justification, author, at));
        }
        return new Suppressions(out);
    }

    /** True when an expiry is one a suppressions file may hold (1970-01-01 to 9999-12-31). */
    public static boolean inRange(Instant expires) {
        return !expires.isBefore(EARLIEST) && !expires.isAfter(LATEST);
    }

    /** An expiry as the file may give it: an ISO-8601 date-time with offset, or a date (midnight UTC); null when neither. */
    public static Instant parseExpires(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A member's text; null when it is missing, null or blank; refused when it is there but not a string. */
    private static String text(JsonNode n, String member, String where, String fix) throws Invalid {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Invalid(where + ": " + member + " must be a string (found " + found(v) + "); " + fix, null);
        }
        return v.asText().isBlank() ? null : v.asText();
    }

    private static String found(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isNumber()) {
            String s = v.asText();
            return "the number " + (s.length() > 40 ? s.substring(0, 37) + "..." : s);
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "a string";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replaceAll("\\s*\\[Source:.*", "").trim();
    }

    /** What applying the suppressions did: the results, and per suppression how many results it covered and whether it had expired. */
    public record Applied(List<Result> results, List<Use> uses) {
    }

    /** One suppression's effect on an audit. */
    public record Use(Suppression suppression, boolean expired, int results) {
    }

    /** Applies the suppressions to FAIL results as of {@code now} (the audit's clock). */
    public Applied apply(List<Result> results, Instant now) {
        if (entries.isEmpty()) {
            return new Applied(results, List.of());
        }
        Map<Suppression, Integer> counts = new LinkedHashMap<>();
        entries.forEach(s -> counts.put(s, 0));
        List<Result> out = new ArrayList<>(results.size());
        for (Result r : results) {
            Suppression match = null;
            if (r.status() == Status.FAIL) {
                for (Suppression s : entries) {
                    if (s.covers(r.checkId(), r.resourceArn()) && (match == null || isActive(s, now) && !isActive(match, now))) {
                        match = s;
                    }
                }
            }
            if (match == null) {
                out.add(r);
                continue;
            }
            counts.merge(match, 1, Integer::sum);
            if (isActive(match, now)) {
                out.add(r.withStatus(Status.SUPPRESSED, r.evidence().withSummary(r.evidence().summary()
                        + " [accepted risk until " + match.expires() + " by " + match.author() + ": " + match.justification() + "]"), match));
            } else {
                out.add(r.withStatus(Status.FAIL, r.evidence().withSummary(r.evidence().summary()
                        + " [suppression expired on " + match.expires() + "; it was accepted by " + match.author() + ": " + match.justification() + "]"), match));
            }
        }
        List<Use> uses = new ArrayList<>();
        counts.forEach((s, n) -> uses.add(new Use(s, !isActive(s, now), n)));
        return new Applied(out, uses);
    }

    static boolean isActive(Suppression s, Instant now) {
        return now.isBefore(s.expires());
    }
}

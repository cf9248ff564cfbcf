package dev.redoubt.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        } catch (JsonProcessingException e) {
            throw new Invalid(name + ": line " + e.getLocation().getLineNr() + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
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
                throw new Invalid(where + ": expected an object with CheckId, Resource, Justification, Author and Expires", null);
            }
            String checkId = text(n, "CheckId");
            if (checkId == null) {
                throw new Invalid(where + ": CheckId is missing; name a check of the catalogue (for example IMM-02)", null);
            }
            if (Checks.byId(checkId).isEmpty()) {
                throw new Invalid(where + ": CheckId \"" + checkId + "\" is not a check of the catalogue; known IDs: "
                        + String.join(", ", Checks.all().stream().map(Check::id).toList()), null);
            }
            String resource = text(n, "Resource");
            if (resource == null) {
                throw new Invalid(where + " (" + checkId + "): Resource is missing; give the resource ARN (* wildcards allowed)", null);
            }
            String justification = text(n, "Justification");
            if (justification == null) {
                throw new Invalid(where + " (" + checkId + " " + resource + "): Justification is missing; an accepted risk must say why it is accepted", null);
            }
            String author = text(n, "Author");
            if (author == null) {
                throw new Invalid(where + " (" + checkId + " " + resource + "): Author is missing; say who accepted the risk", null);
            }
            String expires = text(n, "Expires");
            if (expires == null) {
                throw new Invalid(where + " (" + checkId + " " + resource + "): Expires is missing; give an ISO-8601 date-time such as 2027-03-31T00:00:00Z", null);
            }
            Instant at = parseExpires(expires);
            if (at == null) {
                throw new Invalid(where + " (" + checkId + " " + resource + "): Expires \"" + expires
                        + "\" is not an ISO-8601 date-time (for example 2027-03-31T00:00:00Z)", null);
            }
            out.add(new Suppression(checkId, resource, justification, author, at));
        }
        return new Suppressions(out);
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

    private static String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
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

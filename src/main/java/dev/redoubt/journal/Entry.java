package dev.redoubt.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * One journal entry as stored. {@code hash} is SHA-256 over the entry's RFC 8785 canonical JSON
 * without the hash member (so it covers every field, including {@code prev}, the previous entry's
 * hash); {@code details} is that canonical JSON's details object, as text.
 */
public record Entry(long seq, Instant time, String actor, String session, Mode mode, String target, String action,
                    String subject, String details, String prev, String hash) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The canonical JSON of the entry with its hash: one line of an export, or of {@code journal show --json}. */
    public String json() {
        return Canonical.entry(new StringBuilder(256 + details.length()), seq, Canonical.time(time), actor, session, mode.wire(),
                target, action, subject, details, prev, hash);
    }

    /** The details as a tree. */
    public JsonNode detailsTree() {
        try {
            return MAPPER.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not JSON at seq " + seq, e);
        }
    }
}

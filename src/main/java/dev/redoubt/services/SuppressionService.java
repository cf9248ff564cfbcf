package dev.redoubt.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.files.SafeFiles;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.Suppression;
import dev.redoubt.findings.Suppressions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Accepted risks: suppressions.json read, added to and lifted from, each change journaled. A
 * suppression needs a check of the catalogue, a resource (ARN, * allowed), a justification, an
 * author and an expiry in the future: an accepted risk is a dated, signed decision, never a mute button.
 */
public final class SuppressionService {
    private final Path file;
    private final Clock clock;
    private final ActivityJournal journal;
    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public SuppressionService(Path file, Clock clock, ActivityJournal journal) {
        this.file = file;
        this.clock = clock;
        this.journal = journal;
    }

    public Path file() {
        return file;
    }

    /** The suppressions now in the file (none when there is no file). */
    public Suppressions load() {
        try {
            return Suppressions.read(file, false);
        } catch (Suppressions.Invalid e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, e.getMessage(), ServiceFailure.facts("file", file.toString()), e);
        }
    }

    /** Adds a suppression to the file and journals it; refuses one that is incomplete, already expired or already there. */
    public Suppression add(Actor actor, String checkId, String resource, String justification, String author, Instant expires) {
        String id = checkId == null ? "" : checkId.trim().toUpperCase(java.util.Locale.ROOT);
        if (Checks.byId(id).isEmpty()) {
            throw invalid("check", checkId, "\"" + checkId + "\" is not a check of the catalogue");
        }
        if (blank(resource)) {
            throw invalid("resource", resource, "the resource is missing: give its ARN (* wildcards allowed)");
        }
        if (blank(justification)) {
            throw invalid("justification", justification, "the justification is missing: an accepted risk must say why it is accepted");
        }
        if (blank(author)) {
            throw invalid("author", author, "the author is missing: say who accepts the risk");
        }
        if (expires == null || !expires.isAfter(clock.instant())) {
            throw invalid("expires", String.valueOf(expires), "the expiry must be in the future (it was " + expires + ")");
        }
        Suppression s = new Suppression(id, resource.trim(), justification.trim(), author.trim(), expires);
        change(list -> {
            for (Suppression existing : load().entries()) {
                if (same(existing, s)) {
                    throw invalid("resource", s.resource(), "this suppression is already in " + file);
                }
            }
            ObjectNode n = list.addObject();
            n.put("CheckId", s.checkId()).put("Resource", s.resource()).put("Justification", s.justification()).put("Author", s.author())
                    .put("Expires", s.expires().toString());
        });
        journal.suppressionAdded(actor, s);
        return s;
    }

    /** Lifts a suppression (its results count as failures again) and journals it with the reason given. */
    public Suppression remove(Actor actor, Suppression s, String why) {
        boolean[] found = {false};
        change(list -> {
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (s.checkId().equals(n.path("CheckId").asText()) && s.resource().equals(n.path("Resource").asText())
                        && s.justification().equals(n.path("Justification").asText())
                        && sameInstant(n.path("Expires").asText(), s.expires())) {
                    list.remove(i);
                    found[0] = true;
                    return;
                }
            }
        });
        if (!found[0]) {
            throw invalid("suppression", s.checkId() + " " + s.resource(), "no such suppression in " + file + " (it may have been removed already)");
        }
        journal.suppressionRemoved(actor, s, why);
        return s;
    }

    /** Read-modify-write under a lock file, so the window and a command line never lose each other's change. */
    private void change(Consumer<ArrayNode> edit) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            SafeFiles.ownerOnly(lockFile);
            load(); // refuse to rewrite a file that is broken: the user fixes it first
            ArrayNode list;
            if (Files.isRegularFile(file)) {
                JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
                list = root instanceof ArrayNode a ? a : mapper.createArrayNode();
            } else {
                list = mapper.createArrayNode();
            }
            edit.accept(list);
            byte[] bytes = (mapper.writeValueAsString(list) + "\n").getBytes(StandardCharsets.UTF_8);
            SafeFiles.writeAtomically(file, out -> out.write(bytes), true);
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": cannot be written (" + e.getMessage() + ")",
                    ServiceFailure.facts("file", file.toString()), e);
        }
    }

    private static boolean same(Suppression a, Suppression b) {
        return a.checkId().equals(b.checkId()) && a.resource().equals(b.resource()) && a.expires().equals(b.expires())
                && a.justification().equals(b.justification());
    }

    private static boolean sameInstant(String text, Instant at) {
        return at.equals(Suppressions.parseExpires(text));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ServiceFailure invalid(String field, String value, String message) {
        return new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, message, ServiceFailure.facts("field", field, "value", value), null);
    }

    /** The suppressions as a list (for listing with numbers). */
    public List<Suppression> list() {
        return load().entries();
    }
}

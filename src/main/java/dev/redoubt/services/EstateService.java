package dev.redoubt.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateProblem;
import dev.redoubt.estate.EstateReadStopped;
import dev.redoubt.estate.EstateValidator;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.AwsShapes;
import dev.redoubt.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Estates to look at: capture files (read and checked), the built-in demo, and what was opened recently. */
public final class EstateService {
    static final String MEMBER = "console";
    private static final int RECENT = 8;

    private final SettingsFile settings;
    private final Clock clock;

    public EstateService(SettingsFile settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reads a capture and checks its references; a file that is not JSON, not redoubt-estate/1, or
     * whose references are broken is BAD_INPUT naming the file, the JSON path and the problem.
     */
    public LoadedEstate open(Path file) {
        return open(file, null, Cancellation.none());
    }

    /** How far an open has come: the bytes of the file read so far, then the estate's check. */
    public interface OpenProgress {
        void reading(long done, long total);

        void checking();
    }

    /**
     * {@link #open(Path)}, telling {@code progress} (if not null) how far it has come; {@code cancel} stops the read
     * (CANCELLED, saying how much had been read) or, once read, the open before its check.
     */
    public LoadedEstate open(Path file, OpenProgress progress, Cancellation cancel) {
        if (!Files.isRegularFile(file)) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": no such file",
                    ServiceFailure.facts("file", file.toString(), "problem", "missing"), null);
        }
        Estate estate;
        long[] read = new long[2];
        try {
            estate = new EstateFile().read(file, (done, total) -> {
                read[0] = done;
                read[1] = total;
                if (progress != null) {
                    progress.reading(done, total);
                }
                return !cancel.isCancelled();
            });
        } catch (EstateReadStopped stopped) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, file.getFileName() + " was not opened: cancelled with "
                    + megabytes(read[0]) + " of " + megabytes(read[1]) + " MB of the file read",
                    ServiceFailure.facts("file", file.toString(), "read", Long.toString(read[0]), "size", Long.toString(read[1])), stopped);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        if (cancel.isCancelled()) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, file.getFileName() + " was not opened: cancelled once read, before its check",
                    ServiceFailure.facts("file", file.toString()), null);
        }
        if (progress != null) {
            progress.checking();
        }
        List<EstateProblem> problems = check(estate);
        long errors = problems.stream().filter(p -> p.severity() == EstateProblem.Severity.ERROR).count();
        for (EstateProblem p : problems) {
            if (p.severity() == EstateProblem.Severity.ERROR) {
                throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": " + p.path() + ": " + p.message(),
                        ServiceFailure.facts("file", file.toString(), "where", p.path(), "problem", p.message(), "problems", Long.toString(errors)),
                        null);
            }
        }
        return new LoadedEstate(estate, EstateOrigin.file(file));
    }

    /**
     * Everything wrong with an estate that was read: its references (EstateValidator) and the members it keeps as
     * free JSON against AWS's shapes (AwsShapes). An estate with no ERROR here can be audited and served.
     */
    public static List<EstateProblem> check(Estate estate) {
        List<EstateProblem> problems = new ArrayList<>(new EstateValidator().validate(estate));
        problems.addAll(AwsShapes.check(estate));
        return problems;
    }

    /** Bytes as megabytes with one decimal ("12.5"), as the progress of an open gives them. */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }

    /** The Northwind demo organization, built in memory. */
    public LoadedEstate demo() {
        return new LoadedEstate(NorthwindDemo.build(), EstateOrigin.demo());
    }

    /** The captures opened or written lately, newest first; files that are gone are left out. */
    public List<RecentCapture> recentCaptures() {
        List<RecentCapture> out = new ArrayList<>();
        for (JsonNode n : recentArray("recentCaptures")) {
            Path file = Path.of(n.path("file").asText());
            if (Files.isRegularFile(file)) {
                Instant at = n.hasNonNull("usedAt") ? Instant.parse(n.path("usedAt").asText()) : null;
                out.add(new RecentCapture(file, n.path("name").asText(null), at));
            }
        }
        return out;
    }

    /** Puts a capture at the top of the recent list. */
    public void rememberCapture(Path file, String estateName) {
        String path = file.toAbsolutePath().normalize().toString();
        settings.update(root -> {
            ArrayNode list = array(root, "recentCaptures");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (path.equals(list.get(i).path("file").asText())) {
                    list.remove(i);
                }
            }
            ObjectNode n = list.insertObject(0);
            n.put("file", path);
            if (estateName != null) {
                n.put("name", estateName);
            }
            n.put("usedAt", clock.instant().toString());
            while (list.size() > RECENT) {
                list.remove(list.size() - 1);
            }
        });
    }

    /** The profiles signed in with lately, newest first. */
    public List<String> recentProfiles() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : recentArray("recentProfiles")) {
            out.add(n.asText());
        }
        return out;
    }

    public void rememberProfile(String profile) {
        settings.update(root -> {
            ArrayNode list = array(root, "recentProfiles");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (profile.equals(list.get(i).asText())) {
                    list.remove(i);
                }
            }
            list.insert(0, profile);
            while (list.size() > RECENT) {
                list.remove(list.size() - 1);
            }
        });
    }

    private List<JsonNode> recentArray(String name) {
        JsonNode list;
        try {
            list = settings.read().path(MEMBER).path(name);
        } catch (RuntimeException e) {
            // A broken settings file is reported where settings are used; recents are a convenience.
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }

    private static ArrayNode array(ObjectNode root, String name) {
        JsonNode console = root.get(MEMBER);
        ObjectNode c = console instanceof ObjectNode o ? o : root.putObject(MEMBER);
        JsonNode list = c.get(name);
        return list instanceof ArrayNode a ? a : c.putArray(name);
    }
}

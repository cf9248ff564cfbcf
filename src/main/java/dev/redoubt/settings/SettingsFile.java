package dev.redoubt.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.redoubt.files.SafeFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * settings.json in Redoubt's home: one JSON object that several features share. Each feature reads
 * and changes only its own members; an update is read-modify-write under a lock file, so members
 * other features (or a newer Redoubt) wrote are kept as they are.
 */
public final class SettingsFile {
    private final Path file;
    /** settings.json nests a few levels; a file nested deeper is refused before anything walks it. */
    static final int MAX_NESTING_DEPTH = 64;
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build()).build())
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public SettingsFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The settings as they are now; an empty object when the file does not exist yet. */
    public ObjectNode read() {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return mapper.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /** Applies {@code change} to the current settings and writes them back atomically; returns what was written. */
    public ObjectNode update(Consumer<ObjectNode> change) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.lock()) {
            SafeFiles.ownerOnly(lockFile);
            ObjectNode settings = read();
            change.accept(settings);
            write(settings);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written (" + e.getMessage() + "); check the folder's permissions", e);
        }
    }

    private ObjectNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                return mapper.createObjectNode();
            }
            if (!node.isObject()) {
                throw invalid(file + ": not a JSON object; fix the file (Redoubt never rewrites it while it is broken)", null);
            }
            return (ObjectNode) node;
        } catch (StreamConstraintsException e) {
            throw invalid(file + ": nested more than " + MAX_NESTING_DEPTH + " levels deep; fix the file (Redoubt never rewrites it while it is broken)", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ": line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw invalid(file + where + ": not valid JSON; fix the file (Redoubt never rewrites it while it is broken)", e);
        }
    }

    /** A broken settings file is bad input, reported in one line like an unreadable one. */
    private static UncheckedIOException invalid(String message, Exception cause) {
        return new UncheckedIOException(message, new IOException(message, cause));
    }

    private void write(ObjectNode settings) throws IOException {
        byte[] bytes = (mapper.writeValueAsString(settings) + "\n").getBytes(StandardCharsets.UTF_8);
        SafeFiles.writeAtomically(file, out -> out.write(bytes), true);
    }

}

package dev.redoubt.estate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.redoubt.files.OutputFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and writes estate files ({@code redoubt-estate/1}), refusing malformed ones with a one-line message. */
public final class EstateFile {
    public static final String FORMAT = "redoubt-estate/1";

    private final ObjectMapper mapper;

    public EstateFile() {
        this.mapper = EstateJson.mapper();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Estate read(Path file) {
        return read(file, null);
    }

    /** How often a read tells its {@link ReadProgress} how far it has come: every MiB. */
    public static final long PROGRESS_STEP = 1 << 20;

    /**
     * Reads an estate file, telling {@code progress} (if not null) how far it has come every {@link #PROGRESS_STEP}
     * bytes and once at the end; when it answers false the read stops with {@link EstateReadStopped}.
     */
    public Estate read(Path file, ReadProgress progress) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new EstateFormatException(name, null, "is a directory, not an estate file; name a .json file", null);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            long size = progress == null ? 0 : Files.size(file);
            Estate estate = read(new BufferedInputStream(progress == null ? raw : new Counting(raw, size, progress), 1 << 16), name);
            if (progress != null && !progress.at(size, size)) {
                throw new EstateReadStopped(name, size, size);
            }
            return estate;
        } catch (Counting.Stopped e) {
            throw new EstateReadStopped(name, e.done, e.total);
        } catch (NoSuchFileException e) {
            throw new EstateFormatException(name, null, "no such file; check the path", e);
        } catch (AccessDeniedException e) {
            throw new EstateFormatException(name, null, "cannot be read (permission denied); check its permissions", e);
        } catch (IOException e) {
            throw new EstateFormatException(name, null, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads an estate from a stream; {@code name} is used in messages (a file name, or "standard input"). */
    public Estate read(InputStream in, String name) throws IOException {
        byte[] head = null;
        InputStream source = in;
        if (!in.markSupported()) {
            source = new BufferedInputStream(in, 1 << 16);
        }
        Estate estate;
        ObjectReader reader = mapper.readerFor(Estate.class).withAttribute(EstateJson.STRING_POOL, EstateJson.newPool());
        try (JsonParser parser = mapper.createParser(source)) {
            try {
                estate = reader.readValue(parser);
            } catch (JsonProcessingException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof Counting.Stopped stopped) {
                        throw stopped; // a stop the reader asked for, wrapped by the object it was reading: not a problem of the file
                    }
                }
                throw translate(e, name); // while the parser is open, so the message can quote what it found
            }
        }
        if (estate == null) {
            throw new EstateFormatException(name, "$", "expected an estate object, found null", null);
        }
        checkFormat(estate.format(), name);
        return estate;
    }

    /** Reads an estate from a JSON tree (the demo and generators build trees in AWS's shapes). */
    public Estate fromTree(JsonNode tree, String name) {
        try {
            try (JsonParser parser = mapper.treeAsTokens(tree)) {
                try {
                    Estate estate = mapper.readerFor(Estate.class)
                            .withAttribute(EstateJson.STRING_POOL, EstateJson.newPool())
                            .readValue(parser);
                    checkFormat(estate.format(), name);
                    return estate;
                } catch (JsonProcessingException e) {
                    throw translate(e, name);
                }
            }
        } catch (IOException e) {
            throw new EstateFormatException(name, null, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public JsonNode toTree(Estate estate) {
        return mapper.valueToTree(estate);
    }

    /**
     * Writes atomically: to a temporary file beside the target, then moved over it, so a failure loses nothing;
     * a device or a named pipe is written through, a symbolic link followed ({@link OutputFile}).
     */
    public void write(Estate estate, Path file) throws IOException {
        OutputFile.write(file, out -> write(estate, out), false);
    }

    public void write(Estate estate, OutputStream out) throws IOException {
        mapper.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, estate);
        out.write('\n');
        out.flush();
    }

    public String writeString(Estate estate) {
        try {
            return mapper.writeValueAsString(estate) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("estate cannot be serialized", e);
        }
    }

    private static void checkFormat(String format, String name) {
        if (format == null) {
            throw new EstateFormatException(name, "$.Format", "missing; an estate file starts with \"Format\": \""
                    + FORMAT + "\"", null);
        }
        if (!FORMAT.equals(format)) {
            throw new EstateFormatException(name, "$.Format", "unknown format \"" + format + "\"; this Redoubt reads "
                    + FORMAT + " (upgrade Redoubt, or convert the file)", null);
        }
    }

    static EstateFormatException translate(JsonProcessingException e, String name) {
        StreamReadException syntax = e instanceof StreamReadException sre ? sre
                : e.getCause() instanceof StreamReadException sre2 ? sre2 : null;
        StreamConstraintsException limit = e instanceof StreamConstraintsException sce ? sce
                : e.getCause() instanceof StreamConstraintsException sce2 ? sce2 : null;
        if (limit != null) {
            var loc = limit.getLocation();
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? jsonPath(m.getPath())
                    : loc != null && loc.getLineNr() > 0 ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() : null;
            String problem = firstLine(limit.getOriginalMessage()).toLowerCase(Locale.ROOT).contains("nesting depth")
                    ? "nested more than " + EstateJson.MAX_NESTING_DEPTH + " levels deep; AWS's shapes nest a dozen levels at most,"
                    + " so this is not an estate file (fix or regenerate it)"
                    : "too large to read (" + syntaxProblem(limit.getOriginalMessage()) + ")";
            return new EstateFormatException(name, where, problem, e);
        }
        if (syntax instanceof InputCoercionException coercion && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // A whole number too large for its member: the path says which member, the message what fits.
            return new EstateFormatException(name, jsonPath(m.getPath()), "the number " + abbreviate(numberText(coercion))
                    + " is too large for this member (" + describeRange(coercion.getTargetType()) + ")", e);
        }
        if (syntax != null) {
            var loc = syntax.getLocation();
            String where = loc != null ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() : null;
            return new EstateFormatException(name, where, "not valid JSON (" + syntaxProblem(syntax.getOriginalMessage())
                    + "); fix the file or regenerate it", e);
        }
        if (e instanceof JsonMappingException de) {
            String path = jsonPath(de.getPath());
            if (e instanceof InvalidNullException) {
                Class<?> element = ((InvalidNullException) e).getTargetType();
                return new EstateFormatException(name, path, "null is not " + describeElement(element)
                        + "; remove it from the list (or give the " + (element == String.class ? "value" : "object") + ")", e);
            }
            if (e instanceof MismatchedInputException mie && mie.getTargetType() == Instant.class
                    && String.valueOf(mie.getOriginalMessage()).contains(EstateJson.OUT_OF_RANGE)) {
                return new EstateFormatException(name, path, firstLine(mie.getOriginalMessage()), e);
            }
            if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                String expected = describeExpected(mie.getTargetType());
                String found = describeFound(mie);
                String problem = "expected " + expected + (found != null ? ", found " + found : "");
                if (mie.getOriginalMessage() != null && mie.getOriginalMessage().startsWith("Trailing token")) {
                    problem = "unexpected content after the estate object";
                }
                return new EstateFormatException(name, path, problem, e);
            }
            if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
                return new EstateFormatException(name, path, vie.getCause().getMessage(), e);
            }
            return new EstateFormatException(name, path, firstLine(e.getOriginalMessage()), e);
        }
        var loc = e.getLocation();
        String where = loc != null ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() : null;
        return new EstateFormatException(name, where, "not valid JSON (" + firstLine(e.getOriginalMessage())
                + "); fix the file or regenerate it", e);
    }

    /** Formats Jackson's reference chain as a JSON path: {@code $.Accounts[2].Regions.eu-west-1.BackupVaults[0].Locked}. */
    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String numberText(InputCoercionException e) {
        try {
            return e.getProcessor() != null ? e.getProcessor().getText() : "given";
        } catch (IOException | RuntimeException ex) {
            return "given";
        }
    }

    private static String describeRange(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "at most " + Integer.MAX_VALUE;
        }
        return "at most " + Long.MAX_VALUE;
    }

    /** What an element of a list (or a value of a map) is, for "null is not ...": a recovery point, a string. */
    static String describeElement(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "a timestamp";
        }
        String special = switch (type.getSimpleName()) {
            case "BackupVault" -> "a vault";
            case "KmsKey" -> "a key";
            case "AccountRole" -> "a role";
            case "SsoUser" -> "an SSO user";
            case "SsoAssignment" -> "an assignment";
            case "ApprovalTeam" -> "an approval team";
            case "ApprovalSession" -> "an approval session";
            case "RestoreAccessVault" -> "a restore-access vault";
            case "ReadError" -> "a read error";
            case "KeyAlias" -> "an alias";
            case "KeyGrant" -> "a grant";
            case "JsonNode" -> "a value";
            default -> null;
        };
        if (special != null) {
            return special;
        }
        String words = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    private static String describeExpected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "a timestamp (ISO-8601 such as \"2026-11-02T04:10:00Z\", or epoch seconds)";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String describeFound(MismatchedInputException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return null;
        }
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the file";
        }
        try {
            return switch (t) {
                case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_ARRAY, END_ARRAY -> "an array";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                default -> t.asString();
            };
        } catch (IOException ex) {
            return null;
        }
    }

    /** Jackson's "expected close marker for Array (start marker at [Source: ...; line: 1, column: 40])": a file cut short. */
    private static final java.util.regex.Pattern CUT_SHORT = java.util.regex.Pattern.compile(
            "(?s).*expected close marker for (\\w+) \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\).*");

    private static String syntaxProblem(String message) {
        java.util.regex.Matcher cut = message == null ? null : CUT_SHORT.matcher(message);
        if (cut != null && cut.matches()) {
            return "the file ends inside the " + cut.group(1).toLowerCase(java.util.Locale.ROOT) + " opened at line " + cut.group(2) + ", column "
                    + cut.group(3) + ": it may have been cut short";
        }
        if (message != null && message.startsWith("Unexpected end-of-input")) {
            String inside = message.contains("VALUE_STRING") || message.contains("string value") ? "inside a string"
                    : message.contains("field name") || message.contains("Object entries") ? "inside an object" : "too early";
            return "the file ends " + inside + ": it may have been cut short";
        }
        String s = firstLine(message);
        int source = s.indexOf(" (for ");
        if (source > 0) {
            s = s.substring(0, source);
        }
        return s.replaceAll("\\s*\\[Source:.*", "").trim();
    }

    private static String abbreviate(String s) {
        return EstateJson.abbreviate(s);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A quick look at the top-level Format member without reading the rest (for tools that must not load a large file). */
    public static String peekFormat(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("Format".equals(field)) {
                    return v == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        }
    }

    /** Counts the bytes read from a file and tells the progress every step; stops the read when it answers false. */
    private static final class Counting extends java.io.FilterInputStream {
        private final long total;
        private final ReadProgress progress;
        private long done;
        private long next = PROGRESS_STEP;

        Counting(InputStream in, long total, ReadProgress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) throws Stopped {
            done += n;
            if (done >= next) {
                next = (done / PROGRESS_STEP + 1) * PROGRESS_STEP;
                if (!progress.at(done, Math.max(total, done))) {
                    throw new Stopped(done, Math.max(total, done));
                }
            }
        }

        /** Thrown through the parser as an IOException; databind may wrap it in the object it was reading, and read unwraps it. */
        static final class Stopped extends IOException {
            private static final long serialVersionUID = 1L;
            final long done;
            final long total;

            Stopped(long done, long total) {
                super("stopped");
                this.done = done;
                this.total = total;
            }
        }
    }
}

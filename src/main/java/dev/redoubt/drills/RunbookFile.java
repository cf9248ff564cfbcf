package dev.redoubt.drills;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A runbook as a JSON file (format {@value #FORMAT}; docs/drills.md): read strictly (unknown members,
 * duplicate keys, wrong types and trailing text are refused, each with where it is and what to do) and
 * written atomically.
 */
public final class RunbookFile {
    public static final String FORMAT = "redoubt-runbook/1";
    /** A runbook file bigger than this is not a runbook. */
    static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RunbookFile() {
    }

    /** A runbook file that cannot be used: which file, where in it (or null), what is wrong, and what to do. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String where;
        private final String problem;

        Problem(Path file, String where, String problem, Throwable cause) {
            super(file + (where == null ? "" : ": " + where) + ": " + problem, cause);
            this.file = file;
            this.where = where;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        public String where() {
            return where;
        }

        public String problem() {
            return problem;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FileMember(@JsonProperty("resourceArn") String resourceArn, @JsonProperty("iamRoleArn") String iamRoleArn,
                      @JsonProperty("metadata") Map<String, String> metadata, @JsonProperty("checks") List<String> checks) {
        @JsonCreator
        FileMember {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileRunbook(@JsonProperty("format") String format, @JsonProperty("name") String name,
                       @JsonProperty("description") String description, @JsonProperty("members") List<FileMember> members) {
        @JsonCreator
        FileRunbook {
        }
    }

    /** Reads a runbook; {@link Problem} when it cannot be used. */
    public static Runbook read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Problem(file, null, "is larger than 1 MiB: not a runbook", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Problem(file, null, "does not exist; check the path, or save a runbook there first", e);
        } catch (IOException e) {
            throw new Problem(file, null, "cannot be read (" + e.getMessage() + "); check its permissions", e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new Problem(file, null, "is empty; a runbook is a JSON object with format, name and members (docs/drills.md)", null);
        }
        FileRunbook f;
        try {
            f = MAPPER.readValue(text, FileRunbook.class);
        } catch (JsonMappingException e) {
            throw new Problem(file, where(e), mappingProblem(e), e);
        } catch (JsonProcessingException e) {
            throw new Problem(file, where(e), "is not valid JSON (" + e.getOriginalMessage() + "); fix the file, it is read as "
                    + FORMAT + " (docs/drills.md)", e);
        }
        if (f == null) {
            throw new Problem(file, null, "is empty; a runbook is a JSON object with format, name and members (docs/drills.md)", null);
        }
        if (!FORMAT.equals(f.format())) {
            throw new Problem(file, "format", f.format() == null ? "has no \"format\"; add \"format\": \"" + FORMAT + "\""
                    : "is \"" + f.format() + "\", which this Redoubt does not read; it reads \"" + FORMAT + "\"", null);
        }
        if (f.name() == null || f.name().isBlank()) {
            throw new Problem(file, "name", "is missing or empty; give the runbook a name (e.g. the application's)", null);
        }
        if (f.members() == null || f.members().isEmpty()) {
            throw new Problem(file, "members", "is missing or empty; list the resources to restore, in order, each with its resourceArn", null);
        }
        List<Runbook.Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.members().size(); i++) {
            FileMember m = f.members().get(i);
            String at = "members[" + i + "]";
            if (m == null) {
                throw new Problem(file, at, "is null; each member is an object with a resourceArn", null);
            }
            if (m.resourceArn() == null || !m.resourceArn().startsWith("arn:")) {
                throw new Problem(file, at + ".resourceArn", m.resourceArn() == null ? "is missing; give the ARN of the resource to restore"
                        : "\"" + m.resourceArn() + "\" is not an ARN; give the resource's ARN (arn:aws:...)", null);
            }
            if (!seen.add(m.resourceArn())) {
                throw new Problem(file, at + ".resourceArn", m.resourceArn() + " is listed twice; list each resource once", null);
            }
            if (m.iamRoleArn() != null && !m.iamRoleArn().matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
                throw new Problem(file, at + ".iamRoleArn", "\"" + m.iamRoleArn() + "\" is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)", null);
            }
            if (m.metadata() != null) {
                for (Map.Entry<String, String> e : m.metadata().entrySet()) {
                    if (e.getValue() == null) {
                        throw new Problem(file, at + ".metadata." + e.getKey(), "is null; give a text value or leave the key out", null);
                    }
                }
            }
            if (m.checks() != null && m.checks().stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new Problem(file, at + ".checks", "holds an empty check; write each check as a sentence, or remove it", null);
            }
            members.add(new Runbook.Member(m.resourceArn(), m.iamRoleArn(), m.metadata(), m.checks()));
        }
        return new Runbook(f.name().strip(), f.description(), members);
    }

    /** Writes a runbook atomically (a reader never sees half a file). */
    public static void write(Runbook runbook, Path file) throws IOException {
        List<FileMember> members = new ArrayList<>();
        for (Runbook.Member m : runbook.members()) {
            members.add(new FileMember(m.resourceArn(), m.iamRoleArn(), m.metadata().isEmpty() ? null : new LinkedHashMap<>(new java.util.TreeMap<>(m.metadata())),
                    m.checks().isEmpty() ? null : m.checks()));
        }
        byte[] bytes = (MAPPER.writeValueAsString(new FileRunbook(FORMAT, runbook.name(), runbook.description(), members)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        SafeFiles.writeAtomically(file, out -> out.write(bytes), false);
    }

    private static String where(JsonProcessingException e) {
        StringBuilder sb = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            sb.append("line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = path(m);
            if (!path.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " (").append(path).append(sb.length() == 0 || sb.charAt(0) != 'l' ? "" : ")");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String mappingProblem(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "\"" + u.getPropertyName() + "\" is not a runbook member; a runbook has format, name, description and members, "
                    + "each member resourceArn, iamRoleArn, metadata and checks (docs/drills.md)";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
            return "has the wrong type (" + e.getOriginalMessage().replaceAll("\\s*\\(.*", "").replaceAll("`[a-zA-Z.$]*\\.", "`")
                    + "); names and ARNs are text, members a list of objects, metadata an object of text values, checks a list of text";
        }
        return e.getOriginalMessage() + "; fix the file (docs/drills.md)";
    }
}

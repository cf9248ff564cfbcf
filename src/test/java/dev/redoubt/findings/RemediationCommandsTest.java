package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.demo.NorthwindDemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every remediation's AWS CLI command names an operation, and only parameters, that exist in
 * AWS's service models: botocore's, snapshotted in src/test/resources/botocore/cli-operations.txt
 * by scripts/botocore-operations.py.
 */
class RemediationCommandsTest {
    private static final Set<String> GLOBAL_OPTIONS = Set.of("--region", "--profile", "--output");

    static Map<String, Set<String>> operations() throws IOException {
        Map<String, Set<String>> ops = new HashMap<>();
        try (InputStream in = RemediationCommandsTest.class.getResourceAsStream("/botocore/cli-operations.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                ops.put(parts[0] + " " + parts[1], new HashSet<>(List.of(parts).subList(2, parts.length)));
            }
        }
        return ops;
    }

    /** Splits a command line as a POSIX shell would for single quotes (the only quoting remediations use). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void everyRemediationCommandExistsInTheServiceModels() throws IOException {
        Map<String, Set<String>> ops = operations();
        assertThat(ops).containsKey("backup put-backup-vault-lock-configuration");
        List<Result> results = new Auditor(Checks.all()).run(NorthwindDemo.build(), FindingsSettings.DEFAULTS, Instant.now()).results();
        Set<String> checksWithCommands = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (Result r : results) {
            if (r.remediation() == null) {
                continue;
            }
            for (String line : r.remediation().awsCli().split("\n")) {
                checksWithCommands.add(r.checkId());
                if (!seen.add(line)) {
                    continue;
                }
                List<String> w = words(line);
                assertThat(w.get(0)).as(r.checkId() + ": " + line).isEqualTo("aws");
                String op = w.get(1) + " " + w.get(2);
                assertThat(ops).as(r.checkId() + " names an operation that does not exist: " + line).containsKey(op);
                for (String word : w.subList(3, w.size())) {
                    if (word.startsWith("--")) {
                        assertThat(GLOBAL_OPTIONS.contains(word) || ops.get(op).contains(word))
                                .as(r.checkId() + ": " + op + " has no parameter " + word + " (" + line + ")").isTrue();
                    }
                }
            }
        }
        assertThat(checksWithCommands).as("every check's remediation was checked on the demo").hasSize(41);
    }

    @Test
    void splitsSingleQuotedWords() {
        assertThat(words("aws backup x --policy '{\"a\": 1}' --name 'it'\\''s'"))
                .containsExactly("aws", "backup", "x", "--policy", "{\"a\": 1}", "--name", "it\\s");
    }
}

package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Fix snippets and commands built from a hostile estate: every name is a value of its destination
 * (a quoted HCL string, a YAML scalar, a shell word), never code, and no remediation carries a
 * character that hides or reorders text (terminal escapes, bidi overrides).
 */
class RemediationInjectionTest {
    private static List<Result> results;

    @BeforeAll
    static void audit() {
        results = new Auditor(Checks.all()).run(HostileEstate.build(), FindingsSettings.DEFAULTS, Instant.parse("2026-11-28T09:00:00Z"))
                .results().stream().filter(r -> r.remediation() != null).toList();
    }

    @Test
    void theHostileDemoStillGivesMostChecksARemediation() {
        Set<String> checks = new TreeSet<>();
        results.forEach(r -> checks.add(r.checkId()));
        assertThat(checks).hasSizeGreaterThan(35);
        assertThat(results).anySatisfy(r -> assertThat(r.remediation().awsCli()).contains("--backup-vault-name"));
    }

    @Test
    void noRemediationCarriesAHiddenCharacter() {
        for (Result r : results) {
            Remediation m = r.remediation();
            for (String field : List.of(m.action(), m.awsCli(), m.snippet())) {
                assertThat(HostileEstate.firstHidden(field)).as(r.checkId() + " " + r.resourceArn() + ": " + field).isNull();
            }
        }
    }

    @Test
    void everyCommandLineIsAnAwsCommandWhoseNamesAreQuotedWords() {
        for (Result r : results) {
            for (String line : r.remediation().awsCli().split("\n")) {
                assertThat(line).as(r.checkId()).startsWith("aws ");
                String unquoted = unquoted(line, r.checkId());
                for (String meta : List.of("$", "`", ";", "|", "&", "\\", "\"", "(", ")", "Malicious")) {
                    assertThat(unquoted).as(r.checkId() + ": '" + meta + "' outside quotes in " + line).doesNotContain(meta);
                }
            }
        }
    }

    @Test
    void terraformSnippetsKeepNamesInsideEscapedStrings() {
        int seen = 0;
        for (Result r : results) {
            if (r.remediation().snippetLanguage().equals("Terraform")) {
                seen++;
                String outside = hclOutsideStrings(r.remediation().snippet(), r.checkId());
                assertThat(outside).as(r.checkId() + ": " + r.remediation().snippet()).doesNotContain("Malicious").doesNotContain("$(id)");
            }
        }
        assertThat(seen).isGreaterThan(5);
    }

    @Test
    void cloudFormationSnippetsParseAndAddNoKey() {
        int seen = 0;
        Yaml yaml = new Yaml(new LoaderOptions());
        for (Result r : results) {
            if (r.remediation().snippetLanguage().equals("CloudFormation")) {
                seen++;
                String snippet = r.remediation().snippet();
                Node root;
                try {
                    root = yaml.compose(new StringReader(snippet));
                } catch (RuntimeException e) {
                    throw new AssertionError(r.checkId() + ": not YAML (" + e.getMessage() + "):\n" + snippet, e);
                }
                List<String> scalars = new ArrayList<>();
                scalars(root, scalars);
                assertThat(scalars).as(r.checkId() + ":\n" + snippet).noneMatch(s -> s.strip().startsWith("Malicious"))
                        .noneMatch(s -> s.strip().startsWith("- Malicious"));
            }
        }
        assertThat(seen).isGreaterThan(10);
    }

    @Test
    void aVaultNameStaysTheSameValueInEachDestination() {
        Result imm01 = results.stream().filter(r -> r.checkId().equals("IMM-01")).findFirst().orElseThrow();
        String vault = imm01.resourceArn().substring(imm01.resourceArn().indexOf(":backup-vault:") + ":backup-vault:".length());
        assertThat(vault).endsWith(HostileEstate.PAYLOAD);
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(imm01.remediation().snippet()));
        List<String> scalars = new ArrayList<>();
        scalars(root, scalars);
        // the snippet escapes what it must, and CloudFormation reads back exactly the vault's name
        assertThat(scalars).contains(vault);
    }

    /** The text of a shell line outside single-quoted words. */
    static String unquoted(String line, String what) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                i++; // '\'' puts a quote inside a quoted word
            } else if (!quoted) {
                out.append(c);
            }
        }
        assertThat(quoted).as(what + ": unbalanced quotes in " + line).isFalse();
        return out.toString();
    }

    /** The HCL outside quoted strings and comments; fails on a template sequence or a raw newline inside a string. */
    static String hclOutsideStrings(String hcl, String what) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        boolean comment = false;
        for (int i = 0; i < hcl.length(); i++) {
            char c = hcl.charAt(i);
            if (comment) {
                comment = c != '\n';
                continue;
            }
            if (!inString) {
                if (c == '#') {
                    comment = true;
                } else if (c == '"') {
                    inString = true;
                } else {
                    out.append(c);
                }
                continue;
            }
            assertThat(c).as(what + ": raw newline inside a string in\n" + hcl).isNotEqualTo('\n');
            if (c == '\\') {
                i++;
            } else if ((c == '$' || c == '%') && i + 2 < hcl.length() && hcl.charAt(i + 1) == c && hcl.charAt(i + 2) == '{') {
                i += 2; // $${ and %%{ are literal
            } else if ((c == '$' || c == '%') && i + 1 < hcl.length() && hcl.charAt(i + 1) == '{') {
                throw new AssertionError(what + ": a template sequence inside a string at " + i + " in\n" + hcl);
            } else if (c == '"') {
                inString = false;
            }
        }
        assertThat(inString).as(what + ": unterminated string in\n" + hcl).isFalse();
        return out.toString();
    }

    private static void scalars(Node n, List<String> out) {
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
        } else if (n instanceof SequenceNode s) {
            s.getValue().forEach(c -> scalars(c, out));
        } else if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                scalars(t.getKeyNode(), out);
                scalars(t.getValueNode(), out);
            }
        }
    }
}

package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code, the README and docs/checks.md agree with the check catalogue (the project notes' checks.md, kept as
 * a test resource): the same tier-1 IDs, the same default severities, the same count everywhere.
 */
class CatalogueAgreementTest {
    private static final String COPY = "/dev/redoubt/findings/catalogue-checks.md";
    private static final Pattern ROW = Pattern.compile("^\\| ((?:ENC|ACC|IMM|ISO|RST|MPA)-\\d\\d) \\| (\\d) \\| ([A-Z]+)", Pattern.MULTILINE);
    private static final Pattern COUNT = Pattern.compile("(\\d+) tier-1 checks");

    private static String catalogue() throws IOException {
        try (InputStream in = CatalogueAgreementTest.class.getResourceAsStream(COPY)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Tier-1 IDs of the catalogue with their default severity (the first word of the "sev" column). */
    private static Map<String, Severity> tierOne() throws IOException {
        Map<String, Severity> ids = new LinkedHashMap<>();
        Matcher m = ROW.matcher(catalogue());
        while (m.find()) {
            if (m.group(2).equals("1")) {
                ids.put(m.group(1), Severity.valueOf(m.group(3)));
            }
        }
        return ids;
    }

    @Test
    @DisplayName("the registry holds exactly the catalogue's tier-1 checks, each with the catalogue's default severity")
    void registryIsTheCatalogue() throws IOException {
        Map<String, Severity> expected = tierOne();
        Map<String, Severity> actual = new LinkedHashMap<>();
        Checks.all().forEach(c -> actual.put(c.id(), c.severity()));
        assertThat(expected).hasSizeGreaterThan(30);
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    @DisplayName("the README and docs/checks.md state the catalogue's tier-1 count, and docs/checks.md has a row for each check, in order")
    void documentsStateTheCount() throws IOException {
        int n = tierOne().size();
        for (String doc : new String[] {"README.md", "docs/checks.md"}) {
            String text = Files.readString(Path.of(doc));
            Matcher m = COUNT.matcher(text);
            assertThat(m.find()).as(doc + " states how many tier-1 checks run").isTrue();
            do {
                assertThat(Integer.parseInt(m.group(1))).as(doc + ": \"" + m.group() + "\"").isEqualTo(n);
            } while (m.find());
        }
        String docs = Files.readString(Path.of("docs/checks.md"));
        List<String> rows = docs.lines().filter(l -> l.matches("\\| [A-Z]{3}-\\d{2} \\|.*")).map(l -> l.substring(2, 8)).toList();
        assertThat(rows).as("docs/checks.md's catalogue table: one row per check, in the registry's order")
                .containsExactlyElementsOf(Checks.all().stream().map(Check::id).toList());
    }

    @Test
    @DisplayName("the kept copy of the catalogue is the project notes' current one (when the notes are beside the checkout)")
    void copyIsCurrent() throws IOException {
        Path notes = Path.of("..", "shared", "checks.md");
        assumeTrue(Files.isRegularFile(notes), "the project notes are not beside this checkout");
        assertThat(catalogue()).as("src/test/resources" + COPY + " is a copy of " + notes.toAbsolutePath().normalize()
                + "; copy it again").isEqualTo(Files.readString(notes));
    }
}

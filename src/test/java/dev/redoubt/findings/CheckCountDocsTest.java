package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and docs/checks.md state the catalogue's number of tier-1 checks, and docs/checks.md has one table row per check. */
class CheckCountDocsTest {
    private static final Pattern COUNT = Pattern.compile("(\\d+) tier-1 checks");

    private static List<Integer> counts(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void theReadmeAndTheDocsCountTheCataloguesChecks() throws IOException {
        int catalogue = Checks.all().size();
        assertThat(catalogue).isEqualTo(41);
        String readme = Files.readString(Path.of("README.md"));
        String docs = Files.readString(Path.of("docs/checks.md"));
        assertThat(counts(readme)).as("README.md").isNotEmpty().containsOnly(catalogue);
        assertThat(counts(docs)).as("docs/checks.md").isNotEmpty().containsOnly(catalogue);
        List<String> rows = docs.lines().filter(l -> l.matches("\\| [A-Z]{3}-\\d{2} \\|.*")).map(l -> l.substring(2, 8)).toList();
        assertThat(rows).as("docs/checks.md catalogue table").containsExactlyElementsOf(Checks.all().stream().map(Check::id).toList());
    }
}

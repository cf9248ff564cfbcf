package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Result result(String check, Status status, String arn) {
        return new Result(check, status, Severity.HIGH, Facet.IMM, "1", "eu-west-1", arn, "t", Evidence.at(NOW, "governance lock").build(), null, null);
    }

    @Test
    void suppressesMatchingFailuresUntilTheyExpire() throws Suppressions.Invalid {
        Suppressions s = Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"arn:aws:backup:*:1:backup-vault:shop-*\","
                + "\"Justification\":\"migration\",\"Author\":\"alice\",\"Expires\":\"2026-12-01\"}]", "s.json");
        List<Result> in = List.of(result("IMM-02", Status.FAIL, "arn:aws:backup:eu-west-1:1:backup-vault:shop-prod"),
                result("IMM-02", Status.FAIL, "arn:aws:backup:eu-west-1:1:backup-vault:erp"),
                result("IMM-01", Status.FAIL, "arn:aws:backup:eu-west-1:1:backup-vault:shop-prod"),
                result("IMM-02", Status.PASS, "arn:aws:backup:eu-west-1:1:backup-vault:shop-dev"));
        Suppressions.Applied now = s.apply(in, NOW);
        assertThat(now.results()).extracting(Result::status).containsExactly(Status.SUPPRESSED, Status.FAIL, Status.FAIL, Status.PASS);
        assertThat(now.results().get(0).evidence().summary()).contains("accepted risk until 2026-12-01T00:00:00Z by alice: migration");
        assertThat(now.uses()).singleElement().satisfies(u -> {
            assertThat(u.expired()).isFalse();
            assertThat(u.results()).isEqualTo(1);
        });
        Suppressions.Applied later = s.apply(in, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(later.results().get(0).status()).as("expired at its instant").isEqualTo(Status.FAIL);
        assertThat(later.results().get(0).suppression()).isNotNull();
        assertThat(later.results().get(0).evidence().summary()).contains("suppression expired on 2026-12-01T00:00:00Z");
        assertThat(later.uses().get(0).expired()).isTrue();
    }

    @Test
    void neverSuppressesUnknownResults() throws Suppressions.Invalid {
        Suppressions s = Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"j\",\"Author\":\"a\",\"Expires\":\"2030-01-01T00:00:00Z\"}]", "s");
        assertThat(s.apply(List.of(result("IMM-02", Status.UNKNOWN, "x")), NOW).results().get(0).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void refusesEntriesWithAClearMessage() {
        assertThatThrownBy(() -> Suppressions.parse("{}", "s.json")).hasMessageContaining("s.json: expected a JSON list");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"XYZ-1\"}]", "s.json")).hasMessageStartingWith("s.json: [0]: CheckId \"XYZ-1\" is not a check");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"  \",\"Author\":\"a\",\"Expires\":\"2030-01-01\"}]", "s.json"))
                .hasMessageContaining("Justification is missing");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"j\",\"Author\":\"a\",\"Expires\":\"next week\"}]", "s.json"))
                .hasMessageContaining("Expires \"next week\" is not an ISO-8601 date-time");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"j\",\"Expires\":\"2030-01-01\"}]", "s.json"))
                .hasMessageContaining("Author is missing");
    }

    @Test
    void refusesDeeplyNestedOrWronglyTypedFilesInOneLineNamingTheEntry() {
        // 100,000 levels: neither a NullPointerException nor a StackOverflowError, but the file and what to fix.
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Suppressions.parse(deep, "s.json")).isInstanceOf(Suppressions.Invalid.class)
                .hasMessageStartingWith("s.json: ").hasMessageContaining("nested more than").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        String deepEntry = "[{\"CheckId\":\"IMM-02\",\"Resource\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]";
        assertThatThrownBy(() -> Suppressions.parse(deepEntry, "s.json")).isInstanceOf(Suppressions.Invalid.class)
                .hasMessageStartingWith("s.json: ").hasMessageContaining("nested more than");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"j\",\"Author\":\"a\","
                + "\"Expires\":\"2030-01-01\"}, {\"CheckId\":7}]", "s.json"))
                .hasMessage("s.json: [1]: CheckId must be a string (found the number 7); name a check of the catalogue (for example IMM-02)");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":{\"arn\":\"x\"}}]", "s.json"))
                .hasMessageStartingWith("s.json: [0] (IMM-02): Resource must be a string (found an object)");
        assertThatThrownBy(() -> Suppressions.parse("[null]", "s.json"))
                .hasMessageStartingWith("s.json: [0]: expected an object with CheckId, Resource, Justification, Author and Expires, found null");
        assertThatThrownBy(() -> Suppressions.parse("[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Justification\":\"j\",\"Author\":\"a\","
                + "\"Expires\":\"+999999999-01-01T00:00:00Z\"}]", "s.json"))
                .hasMessageContaining("Expires \"+999999999-01-01T00:00:00Z\" is outside 1970-01-01 to 9999-12-31");
    }
}

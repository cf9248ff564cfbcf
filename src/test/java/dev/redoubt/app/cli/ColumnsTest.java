package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void aLongPathIsCutInTheMiddleSoItsFileNameStays() {
        String path = "/tmp/a/very/long/path/to/a/checkout/target/tmp/junit-12008670304151864236/e1.zip";
        String cut = Columns.middle(path, 40);
        assertThat(cut).hasSize(40).isEqualTo("/tmp/a/very/long/path/to/a/check…/e1.zip");
        assertThat(Columns.middle("/short/e1.zip", 40)).isEqualTo("/short/e1.zip");
        assertThat(Columns.middle(null, 40)).isEqualTo("-");
    }

    @Test
    void anArnKeepsItsResourceAndANameTooLongForTheColumnKeepsItsEnd() {
        assertThat(Columns.middle("arn:aws:backup:eu-west-1:111122223333:backup-vault:payments-prod-vault", 40))
                .hasSize(40).endsWith(":payments-prod-vault").startsWith("arn:aws:");
        String longName = "/x/" + "n".repeat(60) + ".zip";
        String cut = Columns.middle(longName, 40);
        assertThat(cut).hasSize(40).startsWith("/x/").contains("…").endsWith("nnn.zip");
    }

    @Test
    void controlCharactersAndSurrogatePairsStaySafe() {
        assertThat(Columns.middle("/a\u001b[2J/b", 40)).isEqualTo("/a\\u001b[2J/b");
        String emoji = "\uD83D\uDE00".repeat(30) + "/f";
        String cut = Columns.middle(emoji, 40);
        assertThat(cut.length()).isLessThanOrEqualTo(40);
        assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void countsAreGroupedAndSingularForOne() {
        assertThat(Columns.plural(1, "region")).isEqualTo("1 region");
        assertThat(Columns.plural(0, "region")).isEqualTo("0 regions");
        assertThat(Columns.plural(200_000, "recovery point")).isEqualTo("200,000 recovery points");
        assertThat(Columns.plural(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Columns.plural(1_234, "entry", "entries")).isEqualTo("1,234 entries");
    }
}

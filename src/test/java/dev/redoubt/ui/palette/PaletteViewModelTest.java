package dev.redoubt.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+K's search over the Northwind demo (tasks run inline). */
class PaletteViewModelTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";

    @TempDir
    Path dir;
    private TestConsole console;
    private PaletteViewModel palette;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        palette = new PaletteViewModel(console.browse());
        assertThat(palette.show()).isTrue();
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void findsAVaultByNameBeforeWhatOnlyMentionsIt() {
        palette.queryProperty().set("shop-prod");
        assertThat(palette.matches()).isNotEmpty();
        assertThat(palette.matches().get(0).title()).startsWith("shop-prod");
        assertThat(palette.matches()).anySatisfy(e -> assertThat(e.place()).isEqualTo(Place.of(Destinations.VAULTS, SHOP_PROD_VAULT)));
    }

    @Test
    void findsAnAccountByIdAndGoesThere() {
        palette.queryProperty().set("645019283746");
        PaletteEntry account = palette.matches().stream().filter(e -> e.kind().equals("Account")).findFirst().orElseThrow();
        assertThat(account.title()).isEqualTo("northwind-shop-prod");
        palette.go(account);
        assertThat(console.places).containsExactly(Place.of(Destinations.ORGANIZATION, "645019283746"));
        assertThat(palette.openProperty().get()).isFalse();
    }

    @Test
    void findsAKeyByAliasAndAResourceByItsArn() {
        var key = console.workspace.catalog().index().keys().stream().filter(k -> k.key().aliases() != null && !k.key().aliases().isEmpty())
                .findFirst().orElseThrow();
        String alias = key.key().aliases().get(0).aliasName();
        palette.queryProperty().set(alias);
        assertThat(palette.matches()).anySatisfy(e -> assertThat(e.place()).isEqualTo(Place.of(Destinations.KEYS, key.arn())));

        var resource = console.workspace.catalog().index().protectedResources().iterator().next().resource().resourceArn();
        palette.queryProperty().set(resource);
        assertThat(palette.matches()).anySatisfy(e -> assertThat(e.place()).isEqualTo(Place.of(Destinations.RECOVERY_POINTS, "resource=" + resource)));
    }

    @Test
    void aRecoveryPointIsFoundByItsExactArn() {
        var point = console.workspace.catalog().index().vaults().stream().flatMap(v -> v.points().stream()).findFirst().orElseThrow();
        palette.queryProperty().set(point.recoveryPointArn());
        assertThat(palette.matches().get(0).kind()).isEqualTo("Recovery point");
        assertThat(palette.matches().get(0).place()).isEqualTo(Place.of(Destinations.RECOVERY_POINTS, point.recoveryPointArn()));
    }

    @Test
    void saysWhenNothingMatches() {
        palette.queryProperty().set("no-such-thing-anywhere");
        assertThat(palette.matches()).isEmpty();
        assertThat(palette.statusProperty().get()).isEqualTo("No match for \u201cno-such-thing-anywhere\u201d");
    }
}

package dev.redoubt.ui.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which page an ARN opens, and which AWS console page. */
class LinksAndUrlsTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";

    @TempDir
    static Path dir;
    private static TestConsole console;
    private static EstateCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        catalog = console.workspace.catalog();
    }

    @AfterAll
    static void close() {
        console.close();
    }

    @Test
    void vaultsKeysAccountsAndRecoveryPointsOfTheEstateHaveAPage() {
        assertThat(Links.placeFor(catalog, SHOP_PROD_VAULT)).contains(Place.of(Destinations.VAULTS, SHOP_PROD_VAULT));
        assertThat(Links.placeFor(catalog, "645019283746")).contains(Place.of(Destinations.ORGANIZATION, "645019283746"));
        var key = catalog.index().keys().stream().filter(k -> k.key().aliases() != null && !k.key().aliases().isEmpty()).findFirst().orElseThrow();
        assertThat(Links.placeFor(catalog, key.key().aliases().get(0).aliasArn())).contains(Place.of(Destinations.KEYS, key.arn()));
        var point = catalog.index().vault(SHOP_PROD_VAULT).points().get(0);
        assertThat(Links.placeFor(catalog, point.recoveryPointArn())).contains(Place.of(Destinations.RECOVERY_POINTS, point.recoveryPointArn()));
        assertThat(Links.placeFor(catalog, point.resourceArn())).contains(Place.of(Destinations.RECOVERY_POINTS, "resource=" + point.resourceArn()));
    }

    @Test
    void whatTheEstateDoesNotHoldHasNoPage() {
        assertThat(Links.placeFor(catalog, "arn:aws:backup:eu-west-1:645019283746:backup-vault:no-such-vault")).isEmpty();
        assertThat(Links.placeFor(catalog, "999999999999")).isEmpty();
        assertThat(Links.placeFor(catalog, "not an arn")).isEmpty();
        assertThat(Links.placeFor(null, SHOP_PROD_VAULT)).isEmpty();
    }

    @Test
    void consoleUrlsOpenTheRegionAndTheThing() {
        assertThat(AwsConsoleUrls.of(SHOP_PROD_VAULT))
                .contains("https://eu-west-1.console.aws.amazon.com/backup/home?region=eu-west-1#/backupvaults/details/shop-prod");
        assertThat(AwsConsoleUrls.of("arn:aws:kms:eu-west-1:645019283746:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .contains("https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(AwsConsoleUrls.of("645019283746")).contains("https://console.aws.amazon.com/organizations/v2/home/accounts/645019283746");
        assertThat(AwsConsoleUrls.of("arn:aws:backup:eu-west-1:645019283746:backup-plan:abc-123"))
                .contains("https://eu-west-1.console.aws.amazon.com/backup/home?region=eu-west-1#/backupplan/details/abc-123");
        assertThat(AwsConsoleUrls.of("not an arn")).isEmpty();
        assertThat(AwsConsoleUrls.of(null)).isEmpty();
    }

    @Test
    void aRecoveryPointOpensUnderItsVaultAndTheBrowserIsAsked() {
        var point = catalog.index().vault(SHOP_PROD_VAULT).points().get(0);
        BrowseContext ctx = console.browse();
        Optional<String> url = ctx.consoleUrl(point.recoveryPointArn());
        assertThat(url).isPresent();
        assertThat(url.get()).startsWith("https://eu-west-1.console.aws.amazon.com/backup/home?region=eu-west-1#/backupvaults/details/shop-prod/arn%3Aaws");
        ctx.openInAwsConsole(point.recoveryPointArn());
        assertThat(console.pagesOpened).containsExactly(url.get());
    }

    @Test
    void openArnGoesThroughTheNavigator() {
        assertThat(console.browse().openArn(SHOP_PROD_VAULT)).isTrue();
        assertThat(console.places).endsWith(Place.of(Destinations.VAULTS, SHOP_PROD_VAULT));
        assertThat(console.browse().openArn("arn:aws:s3:::not-in-the-estate")).isFalse();
    }
}

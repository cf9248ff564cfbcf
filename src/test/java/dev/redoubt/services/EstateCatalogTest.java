package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog the browsing screens look things up in, on the Northwind demo's audit. */
class EstateCatalogTest {
    private static final String SHOP_PROD = "645019283746";
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
    void theWorkspaceHoldsTheCatalogOfTheAuditOnShow() {
        assertThat(catalog).isNotNull();
        assertThat(catalog.run()).isSameAs(console.workspace.audit());
        assertThat(console.workspace.scope()).isEqualTo(BrowseScope.ALL);
    }

    @Test
    void aVaultsWorstFindingCountsItsRecoveryPoints() {
        var vault = catalog.index().vault(SHOP_PROD_VAULT);
        Set<String> arns = vault.points().stream().map(p -> p.recoveryPointArn()).collect(Collectors.toSet());
        arns.add(SHOP_PROD_VAULT);
        Severity expected = catalog.run().results().stream().filter(r -> r.status() == Status.FAIL && arns.contains(r.resourceArn()))
                .map(Result::severity).reduce(null, EstateCatalog::worse);
        assertThat(expected).isNotNull();
        assertThat(catalog.worstFailingInVault(SHOP_PROD_VAULT)).isEqualTo(expected);
    }

    @Test
    void accountsAndRegionsTakeTheWorstOfTheirFailures() {
        Severity account = catalog.run().results().stream().filter(r -> r.status() == Status.FAIL && SHOP_PROD.equals(r.accountId()))
                .map(Result::severity).reduce(null, EstateCatalog::worse);
        assertThat(catalog.worstFailingInAccount(SHOP_PROD)).isEqualTo(account);
        Severity region = catalog.run().results().stream()
                .filter(r -> r.status() == Status.FAIL && SHOP_PROD.equals(r.accountId()) && "us-east-1".equals(r.region()))
                .map(Result::severity).reduce(null, EstateCatalog::worse);
        assertThat(catalog.worstFailingInRegion(SHOP_PROD, "us-east-1")).isEqualTo(region);
        assertThat(catalog.worstFailingInAccount("000000000000")).isNull();
    }

    @Test
    void recoveryPointsAreFoundByArnWithTheirVault() {
        var point = catalog.index().vault(SHOP_PROD_VAULT).points().get(5);
        assertThat(catalog.point(point.recoveryPointArn()).vault().arn()).isEqualTo(SHOP_PROD_VAULT);
        assertThat(catalog.point("arn:aws:backup:eu-west-1:645019283746:recovery-point:none")).isNull();
        assertThat(catalog.point(null)).isNull();
    }

    @Test
    void worseIsTheMoreSevere() {
        assertThat(EstateCatalog.worse(Severity.LOW, Severity.HIGH)).isEqualTo(Severity.HIGH);
        assertThat(EstateCatalog.worse(null, Severity.LOW)).isEqualTo(Severity.LOW);
        assertThat(EstateCatalog.worse(Severity.CRITICAL, null)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void changedSuppressionsGiveANewCatalog() {
        EstateCatalog before = console.workspace.catalog();
        console.actions.suppressionsChanged();
        assertThat(console.workspace.catalog()).isNotSameAs(before);
        assertThat(console.workspace.catalog().run()).isSameAs(console.workspace.audit());
    }
}

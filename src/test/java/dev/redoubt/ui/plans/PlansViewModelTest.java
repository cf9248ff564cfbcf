package dev.redoubt.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup plans view model over the Northwind demo (opened as a capture; tasks run inline). */
class PlansViewModelTest {
    static final String SHOP = "645019283746";
    static final String BACKUP = "536470192834";
    static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
    static final String CENTRAL_EU_WEST = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-eu-west-1";

    @TempDir
    Path dir;

    private TestConsole console;
    private PlansViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new PlansViewModel(console.browse());
        vm.activate();
    }

    @AfterEach
    void close() {
        vm.deactivate();
        console.close();
    }

    private List<String> names() {
        return vm.rows().stream().map(PlanRow::name).toList();
    }

    private PlanRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryLivePlanOfTheDemoByName() {
        assertThat(names()).containsExactly("dev-nightly", "erp-daily", "erp-weekly", "management-daily", "security-daily", "shop-daily",
                "shop-long-term", "shop-us-daily");
        assertThat(vm.countTextProperty().get()).isEqualTo("8 of 8 backup plans");
        PlanRow shop = row("shop-daily");
        assertThat(shop.accountName()).isEqualTo("northwind-shop-prod");
        assertThat(shop.region()).isEqualTo("eu-west-1");
        assertThat(shop.rules()).isEqualTo(1);
        assertThat(shop.vaultsText()).isEqualTo("shop-prod, copies to 3 vaults");
        assertThat(shop.lastExecution()).hasToString("2026-11-28T03:00:00Z");
        assertThat(row("shop-long-term").worst()).isEqualTo(Severity.MEDIUM); // IMM-06 fails on it
        assertThat(shop.worst()).isNull();
    }

    @Test
    void filtersByEveryWordOfTheTextInNamesAccountsVaultsAndSchedules() {
        vm.textProperty().set("shop");
        assertThat(names()).containsExactly("shop-daily", "shop-long-term", "shop-us-daily");
        assertThat(vm.countTextProperty().get()).isEqualTo("3 of 8 backup plans");
        vm.textProperty().set("SHOP us-east-1");
        assertThat(names()).containsExactly("shop-us-daily");
        vm.textProperty().set("every sunday");
        assertThat(names()).containsExactly("shop-long-term");
        vm.textProperty().set("central-airgap");
        assertThat(names()).containsExactly("shop-daily", "shop-long-term");
        vm.textProperty().set("northwind-erp-prod");
        assertThat(names()).containsExactly("erp-daily", "erp-weekly");
        vm.textProperty().set("nothing like this");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("0 of 8 backup plans");
        vm.textProperty().set("");
        assertThat(vm.rows()).hasSize(8);
    }

    @Test
    void sortsByAnyColumnWithBlanksLastBothWays() {
        vm.sortBy(PlanColumn.WORST, false);
        assertThat(names().subList(0, 3)).containsExactly("dev-nightly", "erp-weekly", "shop-long-term");
        assertThat(vm.rows().get(3).worst()).isNull();
        vm.sortBy(PlanColumn.WORST, true);
        assertThat(names().subList(0, 3)).containsExactly("dev-nightly", "erp-weekly", "shop-long-term");
        vm.sortBy(PlanColumn.RULES, false);
        assertThat(names().get(0)).isEqualTo("shop-long-term");
        vm.sortBy(PlanColumn.LAST_EXECUTION, false);
        assertThat(names().get(0)).isEqualTo("shop-us-daily");
        assertThat(names().get(7)).isEqualTo("shop-long-term");
        vm.sortBy(PlanColumn.ACCOUNT, true);
        assertThat(vm.rows().get(0).accountName()).isEqualTo("northwind-dev");
        vm.sortBy(PlanColumn.NAME, false);
        assertThat(names().get(0)).isEqualTo("shop-us-daily");
    }

    @Test
    void showsOnlyWhatIsInTheWorkspaceScope() {
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-shop-prod", SHOP));
        assertThat(names()).containsExactly("shop-daily", "shop-long-term", "shop-us-daily");
        console.workspace.scopeProperty().set(BrowseScope.region("us-east-1", SHOP, "us-east-1"));
        assertThat(names()).containsExactly("shop-us-daily");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 1 backup plan");
        // A vault: the plans that back up into it or copy to it, from any account.
        console.workspace.scopeProperty().set(BrowseScope.vault("central-eu-west-1", BACKUP, "eu-west-1", CENTRAL_EU_WEST));
        assertThat(names()).containsExactly("shop-daily");
        console.workspace.scopeProperty().set(BrowseScope.vault("shop-prod", SHOP, "eu-west-1", SHOP_PROD_VAULT));
        assertThat(names()).containsExactly("shop-daily", "shop-long-term");
        vm.clearScope();
        assertThat(vm.rows()).hasSize(8);
    }

    @Test
    void aRowOpensItsPlanThroughTheNavigatorSoBackReturns() {
        PlanRow shop = row("shop-daily");
        vm.show(shop);
        assertThat(console.places).containsExactly(Place.of(Destinations.PLANS, shop.arn()));
        vm.showList();
        assertThat(console.places).last().isEqualTo(Place.of(Destinations.PLANS));
    }

    @Test
    void opensAPlanInFullWithItsRulesInWordsAndAsWritten() {
        PlanRow shop = row("shop-daily");
        vm.open(shop.arn());
        PlanDetail d = vm.detail();
        assertThat(d.name()).isEqualTo("shop-daily");
        assertThat(d.accountName()).isEqualTo("northwind-shop-prod");
        assertThat(d.rules()).hasSize(1);
        PlanDetail.Rule rule = d.rules().get(0);
        assertThat(rule.name()).isEqualTo("daily-35d");
        assertThat(rule.schedule()).isEqualTo("every day at 03:00 UTC");
        assertThat(rule.scheduleAsWritten()).isEqualTo("cron(0 3 ? * * *)");
        assertThat(rule.startWindow()).isEqualTo("within 1 hour of the scheduled time");
        assertThat(rule.completionWindow()).isEqualTo("within 7 days of the start");
        assertThat(rule.deleteAfter()).isEqualTo("35 days, then deleted");
        assertThat(rule.coldStorageAfter()).isEqualTo("Never");
        assertThat(rule.continuous()).isEqualTo("Off");
        assertThat(rule.targetVaultArn()).isEqualTo(SHOP_PROD_VAULT);
        assertThat(rule.targetInCapture()).isTrue();
        assertThat(rule.copies()).extracting(PlanDetail.Copy::vaultName, PlanDetail.Copy::where, PlanDetail.Copy::deleteAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("central-eu-west-1", "another account, same region", "180 days, then deleted"),
                        org.assertj.core.groups.Tuple.tuple("central-eu-central-1", "another account and region", "35 days, then deleted"),
                        org.assertj.core.groups.Tuple.tuple("central-airgap-eu-west-1", "another account, same region", "60 days, then deleted"));
        assertThat(rule.copies().get(0).vaultArn()).isEqualTo(CENTRAL_EU_WEST);
        assertThat(d.selections()).hasSize(1);
        PlanDetail.Selection sel = d.selections().get(0);
        assertThat(sel.name()).isEqualTo("shop-daily-resources");
        assertThat(sel.iamRoleArn()).startsWith("arn:aws:iam::645019283746:role/");
        assertThat(sel.resources()).hasSize(7).anyMatch(r -> r.contains("shop-orders"));
        assertThat(d.findings()).extracting(r -> r.checkId() + " " + r.status()).containsExactly("IMM-06 PASS");
        assertThat(vm.problemProperty().get()).isNull();

        vm.open(row("shop-long-term").arn());
        assertThat(vm.detail().rules()).extracting(PlanDetail.Rule::schedule)
                .containsExactly("every Sunday at 05:00 UTC", "on the 1st of every month at 06:00 UTC");
        assertThat(vm.detail().rules().get(1).copies().get(0).deleteAfter()).isEqualTo("No expiry: kept until someone deletes them");
        assertThat(vm.detail().findings()).anyMatch(r -> r.checkId().equals("IMM-06") && r.status() == Status.FAIL);
        assertThat(vm.detail().worst()).isEqualTo(Severity.MEDIUM);

        vm.open(null);
        assertThat(vm.detail()).isNull();
        assertThat(vm.targetProperty().get()).isNull();
    }

    @Test
    void saysSoWhenTheCaptureHasNoSuchPlan() {
        vm.open("arn:aws:backup:eu-west-1:645019283746:backup-plan:no-such-plan");
        assertThat(vm.detail()).isNull();
        assertThat(vm.problemProperty().get()).contains("holds no backup plan arn:aws:backup:eu-west-1:645019283746:backup-plan:no-such-plan");
    }

    @Test
    void keepsTheFiltersWhenItGoesBackToTheList() {
        vm.textProperty().set("erp");
        vm.open(row("erp-daily").arn());
        vm.open(null);
        assertThat(vm.textProperty().get()).isEqualTo("erp");
        assertThat(names()).containsExactly("erp-daily", "erp-weekly");
    }
}

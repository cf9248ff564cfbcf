package dev.redoubt.ui.vaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.VaultLock;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import dev.redoubt.ui.vaults.VaultDetail.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vaults screen's view model over the Northwind demo (opened as a capture; tasks run inline). */
class VaultsViewModelTest {
    static final String SHOP = "645019283746";
    static final String SHOP_PROD = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
    static final String CENTRAL_EU_WEST = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-eu-west-1";
    static final String CENTRAL_EU_CENTRAL = "arn:aws:backup:eu-central-1:536470192834:backup-vault:central-eu-central-1";
    static final String CENTRAL_AIR_GAP = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    static final String DEV_NIGHTLY = "arn:aws:backup:eu-west-1:863201928374:backup-vault:dev-nightly";

    @TempDir
    Path dir;
    TestConsole console;
    VaultsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new VaultsViewModel(console.browse());
    }

    @AfterEach
    void close() {
        console.close();
    }

    EstateIndex index() {
        return console.workspace.catalog().index();
    }

    List<String> names() {
        return vm.rows().stream().map(VaultRow::name).toList();
    }

    @Nested
    @DisplayName("The table")
    class Table {
        @Test
        @DisplayName("lists every vault of the estate, the worst findings first, and counts them")
        void listsEveryVault() {
            int all = index().vaults().size();
            assertThat(vm.rows()).hasSize(all);
            assertThat(vm.countTextProperty().get()).isEqualTo(all + " of " + all + " vaults");
            assertThat(vm.badge().getValue()).isEqualTo(String.valueOf(all));
            List<Integer> ranks = vm.rows().stream().map(r -> VaultColumn.rank(r.worst())).map(r -> r == null ? 0 : r).toList();
            assertThat(ranks).isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        @DisplayName("a row says what the table shows: lock, time left in the grace time, retention, key, points, worst finding")
        void rowContents() {
            VaultRow grace = vm.rows().stream().filter(r -> r.arn().equals(CENTRAL_EU_CENTRAL)).findFirst().orElseThrow();
            assertThat(grace.lock().mode()).isEqualTo(VaultLock.Mode.COMPLIANCE_GRACE);
            assertThat(grace.graceLeft()).isPositive();
            assertThat(grace.lockText()).startsWith("Compliance · grace time: immutable on 1 Dec 2026");
            assertThat(grace.minRetentionDays()).isEqualTo(7);
            assertThat(grace.maxRetentionDays()).isEqualTo(120);
            assertThat(grace.keyText()).startsWith("alias/");
            assertThat(grace.recoveryPoints()).isPositive();
            VaultRow lag = vm.rows().stream().filter(r -> r.arn().equals(CENTRAL_AIR_GAP)).findFirst().orElseThrow();
            assertThat(lag.typeText()).isEqualTo("Air-gapped");
            assertThat(lag.search()).contains("logically air-gapped");
            assertThat(lag.keyText()).isEqualTo("AWS-owned key");
            assertThat(lag.keyArn()).isNull();
            VaultRow shop = vm.rows().stream().filter(r -> r.arn().equals(SHOP_PROD)).findFirst().orElseThrow();
            assertThat(shop.accountText()).isEqualTo("northwind-shop-prod (645019283746)");
            assertThat(shop.worst()).isEqualTo(console.workspace.catalog().worstFailingInVault(SHOP_PROD));
        }

        @Test
        @DisplayName("the filter keeps the rows that hold every word, and says so when none does")
        void filter() {
            vm.filterProperty().set("central-eu CENTRAL-1");
            assertThat(names()).containsExactly("central-eu-central-1");
            vm.filterProperty().set("eu-central-1 backup");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.region()).isEqualTo("eu-central-1"));
            vm.filterProperty().set("GOVERNANCE");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.lock().mode()).isEqualTo(VaultLock.Mode.GOVERNANCE));
            vm.filterProperty().set("northwind-dev");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.accountName()).isEqualTo("northwind-dev"));
            vm.filterProperty().set("no-such-vault");
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.placeholderProperty().get()).isEqualTo("No vault matches \u201cno-such-vault\u201d");
            vm.filterProperty().set("");
            assertThat(vm.rows()).hasSize(index().vaults().size());
        }

        @Test
        @DisplayName("sorts by any column; the same column again flips the order; unknown values stay last")
        void sort() {
            vm.sortBy(VaultColumn.NAME);
            List<String> lower = names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            assertThat(lower).isSorted();
            vm.sortBy(VaultColumn.NAME);
            assertThat(names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList()).isSortedAccordingTo(Comparator.reverseOrder());
            vm.sortBy(VaultColumn.GRACE_LEFT);
            List<VaultLock.Mode> modes = vm.rows().stream().map(r -> r.lock().mode()).toList();
            int grace = modes.indexOf(VaultLock.Mode.COMPLIANCE_GRACE);
            assertThat(modes.subList(0, grace)).as("immutable first: nothing left to wait")
                    .allMatch(m -> m == VaultLock.Mode.COMPLIANCE_IMMUTABLE || m == VaultLock.Mode.AIR_GAPPED);
            assertThat(modes.subList(grace + 1, modes.size())).as("locks that never become immutable last")
                    .allMatch(m -> m == VaultLock.Mode.GOVERNANCE || m == VaultLock.Mode.NONE);
            vm.sortBy(VaultColumn.GRACE_LEFT);
            assertThat(vm.rows().get(0).arn()).as("descending: the longest wait first").isEqualTo(CENTRAL_EU_CENTRAL);
            assertThat(vm.rows().get(vm.rows().size() - 1).lock().immutable()).as("descending keeps the never-immutable last too").isFalse();
            assertThat(vm.rows().get(vm.rows().size() - 1).graceLeft()).isNull();
            vm.sortBy(VaultColumn.RECOVERY_POINTS);
            List<Long> points = vm.rows().stream().map(VaultRow::recoveryPoints).toList();
            assertThat(points).isSortedAccordingTo(Comparator.reverseOrder());
            for (VaultColumn c : VaultColumn.values()) {
                vm.sortProperty().set(new VaultSort(c, true));
                assertThat(vm.rows()).as(c.name()).hasSize(index().vaults().size());
            }
        }

        @Test
        @DisplayName("shows only what is in the organization tree's scope: an account, a region, one vault")
        void scope() {
            console.workspace.scopeProperty().set(BrowseScope.account("northwind-shop-prod", SHOP));
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.accountId()).isEqualTo(SHOP));
            long inShop = index().vaults().stream().filter(v -> v.accountId().equals(SHOP)).count();
            assertThat(vm.rows()).hasSize((int) inShop);
            console.workspace.scopeProperty().set(BrowseScope.region("northwind-shop-prod us-east-1", SHOP, "us-east-1"));
            assertThat(names()).containsExactly("shop-us");
            console.workspace.scopeProperty().set(BrowseScope.vault("shop-prod", SHOP, "eu-west-1", SHOP_PROD));
            assertThat(names()).containsExactly("shop-prod");
            vm.filterProperty().set("central");
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.placeholderProperty().get()).isEqualTo("No vault matches \u201ccentral\u201d in shop-prod");
            vm.clearScope();
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.name() + " " + r.region()).contains("central"));
            assertThat(names()).contains("central-eu-west-1", "erp-prod");
        }

        @Test
        @DisplayName("a row opens its vault through the navigator, so back returns to the list")
        void openThroughTheNavigator() {
            vm.openVault(SHOP_PROD);
            assertThat(console.places).containsExactly(Place.of(Destinations.VAULTS, SHOP_PROD));
        }
    }

    @Nested
    @DisplayName("The page of one vault")
    class Detail {
        @Test
        @DisplayName("shop-prod: deletable by the shop account (its policy can be removed, its governance lock too), no safe copy yet")
        void shopProd() {
            vm.open(SHOP_PROD);
            VaultDetail d = vm.detail();
            assertThat(d).isNotNull();
            assertThat(vm.detailStatusProperty().get()).isEmpty();
            assertThat(d.name()).isEqualTo("shop-prod");
            assertThat(d.accountText()).isEqualTo("northwind-shop-prod (645019283746, production)");
            assertThat(d.deleted().level()).isEqualTo(Level.BAD);
            assertThat(d.deleted().answer()).startsWith("Any principal of northwind-shop-prod (645019283746, production) whose IAM policy allows"
                    + " backup:DeleteBackupVaultAccessPolicy, backup:DeleteBackupVaultLockConfiguration and backup:DeleteRecoveryPoint");
            assertThat(d.deleted().reasons().get(0)).startsWith("The vault has a governance lock");
            assertThat(d.unreadable().answer()).as(d.unreadable().toString()).contains("disable the key or schedule its deletion")
                    .contains("northwind-shop-prod");
            assertThat(d.unreadable().level()).isEqualTo(Level.BAD);
            assertThat(d.safeCopy().level()).isEqualTo(Level.BAD);
            assertThat(d.safeCopy().answer()).contains("central-eu-central-1 (northwind-backup, eu-central-1), but its compliance lock can still be removed");
            assertThat(d.accessAnswers()).extracting(AccessAnswer::question).containsExactly(AccessAnswer.Question.DELETE_RECOVERY_POINTS,
                    AccessAnswer.Question.CHANGE_LIFECYCLE, AccessAnswer.Question.CHANGE_VAULT_POLICY, AccessAnswer.Question.REMOVE_LOCK);
            assertThat(d.accessAnswers().get(0).denying()).containsExactly(0);
            assertThat(d.policyText()).contains("DenyManualDeletion");
            assertThat(d.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.within()).isTrue());
            assertThat(d.rules()).anySatisfy(r -> assertThat(r.ruleName()).isEqualTo("weekly-airgap"));
            assertThat(d.notifications().state()).isEqualTo(VaultDetail.Notifications.State.SET);
            assertThat(d.notifications().snsTopicArn()).startsWith("arn:aws:sns:eu-west-1:645019283746:");
        }

        @Test
        @DisplayName("central-eu-west-1: nobody can delete (compliance lock, immutable); copies from the shop's plan within the lock's bounds")
        void centralEuWest() {
            vm.open(CENTRAL_EU_WEST);
            VaultDetail d = vm.detail();
            assertThat(d.deleted().level()).isEqualTo(Level.GOOD);
            assertThat(d.deleted().answer()).isEqualTo("Nobody: the vault has a compliance lock, immutable since 13 Feb 2025;"
                    + " recovery points leave only when their retention ends");
            assertThat(d.rules()).anySatisfy(r -> {
                assertThat(r.planName()).isEqualTo("shop-daily");
                assertThat(r.copy()).isTrue();
                assertThat(r.deleteAfterDays()).isEqualTo(180);
                assertThat(r.verdict()).isEqualTo("Within the lock's bounds");
            });
            assertThat(d.team()).isNull();
        }

        @Test
        @DisplayName("central-eu-central-1: the grace time counts down, and only the break-glass role can delete before it ends")
        void graceTime() {
            vm.open(CENTRAL_EU_CENTRAL);
            VaultDetail d = vm.detail();
            assertThat(d.graceLeft()).isPositive();
            assertThat(d.deleted().level()).isEqualTo(Level.WARN);
            assertThat(d.deleted().answer()).startsWith("Only role BackupBreakGlass of northwind-backup (536470192834, backup)");
        }

        @Test
        @DisplayName("the air-gapped vault names its approval team, its threshold and its approvers")
        void approvalTeam() {
            vm.open(CENTRAL_AIR_GAP);
            VaultDetail.Team t = vm.detail().team();
            assertThat(t.found()).isTrue();
            assertThat(t.name()).isEqualTo("northwind-recovery");
            assertThat(t.threshold()).isEqualTo("2 of 3 approvers");
            assertThat(t.approvers()).hasSize(3).anySatisfy(a -> assertThat(a).startsWith("alice"));
            assertThat(vm.detail().unreadable().level()).isEqualTo(Level.GOOD);
        }

        @Test
        @DisplayName("dev-nightly: its key is scheduled for deletion, so its backups are being made unreadable")
        void keyPendingDeletion() {
            vm.open(DEV_NIGHTLY);
            VaultDetail d = vm.detail();
            assertThat(d.unreadable().level()).isEqualTo(Level.BAD);
            assertThat(d.unreadable().answer()).contains("scheduled for deletion");
            assertThat(d.notifications().state()).isEqualTo(VaultDetail.Notifications.State.NONE);
            assertThat(d.rules()).allSatisfy(r -> assertThat(r.within()).isNull());
        }

        @Test
        @DisplayName("findings of the vault and its recovery points, failing first, then by severity")
        void findingsFailingFirst() {
            vm.open(SHOP_PROD);
            VaultDetail d = vm.detail();
            assertThat(d.findings()).isNotEmpty();
            assertThat(d.failing()).isPositive();
            List<VaultDetail.FindingLine> lines = d.findings();
            int firstNotFailing = lines.size();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).status() != Status.FAIL) {
                    firstNotFailing = i;
                    break;
                }
            }
            assertThat(lines.subList(firstNotFailing, lines.size())).noneMatch(l -> l.status() == Status.FAIL);
            assertThat(new ArrayList<>(lines.subList(0, firstNotFailing))).isSortedAccordingTo(Comparator.comparing(VaultDetail.FindingLine::severity));
            long expected = console.workspace.catalog().resultsFor(SHOP_PROD).size() + index().vault(SHOP_PROD).points().stream()
                    .mapToLong(p -> console.workspace.catalog().resultsFor(p.recoveryPointArn()).size()).sum();
            assertThat(d.findingsTotal()).isEqualTo(expected);
            assertThat(d.findings()).anySatisfy(l -> assertThat(l.checkId()).isEqualTo("ACC-02"));
        }

        @Test
        @DisplayName("its recovery points link goes to the recovery points screen filtered by the vault; null shows the list again")
        void linksAndBack() {
            vm.open(SHOP_PROD);
            vm.showRecoveryPoints();
            assertThat(console.places).containsExactly(Place.of(Destinations.RECOVERY_POINTS, "vault=" + SHOP_PROD));
            vm.open(null);
            assertThat(vm.detail()).isNull();
            assertThat(vm.targetProperty().get()).isNull();
        }

        @Test
        @DisplayName("a vault the estate does not hold says so")
        void unknownVault() {
            vm.open("arn:aws:backup:eu-west-1:645019283746:backup-vault:gone");
            assertThat(vm.detail()).isNull();
            assertThat(vm.detailStatusProperty().get()).isEqualTo("This estate has no vault arn:aws:backup:eu-west-1:645019283746:backup-vault:gone.");
        }
    }

    @Nested
    @DisplayName("What was not read")
    class NotRead {
        @Test
        @DisplayName("a vault whose lock, policy, notifications, key and recovery points were not read says \"not read\" and UNKNOWN, never \"none\"")
        void notReadIsNeverNone() throws Exception {
            dev.redoubt.findings.EstateFixture f = new dev.redoubt.findings.EstateFixture();
            var vault = f.vault(dev.redoubt.findings.EstateFixture.PROD, "eu-west-1", "bare");
            vault.remove(List.of("Locked", "LockDate", "MinRetentionDays", "MaxRetentionDays", "AccessPolicy", "Notifications", "RecoveryPoints",
                    "NumberOfRecoveryPoints", "EncryptionKeyArn", "CreationDate", "VaultState"));
            Path file = dir.resolve("bare.json");
            new dev.redoubt.estate.EstateFile().write(f.estate(), file);
            console.actions.openCapture(file);
            String arn = dev.redoubt.findings.EstateFixture.arnOf(vault);
            VaultRow row = vm.rows().stream().filter(r -> r.arn().equals(arn)).findFirst().orElseThrow();
            assertThat(row.lock().mode()).isEqualTo(VaultLock.Mode.NOT_READ);
            assertThat(row.recoveryPoints()).isNull();
            assertThat(row.keyText()).isEqualTo("not read");
            vm.open(arn);
            VaultDetail d = vm.detail();
            assertThat(d).isNotNull();
            assertThat(List.of(d.deleted(), d.unreadable(), d.safeCopy())).allSatisfy(a -> assertThat(a.level()).isEqualTo(Level.UNKNOWN));
            assertThat(d.deleted().answer()).startsWith("Unknown: ");
            assertThat(d.accessAnswers()).allSatisfy(a -> assertThat(a.reach()).isEqualTo(AccessAnswer.Reach.UNKNOWN));
            assertThat(d.policyText()).isNull();
            assertThat(d.policyProblem()).isEqualTo("The vault's access policy was not read");
            assertThat(d.notifications().state()).isEqualTo(VaultDetail.Notifications.State.NOT_READ);
            assertThat(d.rules()).isEmpty();
            assertThat(d.properties()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("State");
                assertThat(p.value()).isEqualTo("not read");
            });
        }
    }
}

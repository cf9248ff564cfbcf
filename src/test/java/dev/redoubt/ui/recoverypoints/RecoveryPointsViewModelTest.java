package dev.redoubt.ui.recoverypoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.restorability.Outcome;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import dev.redoubt.ui.tasks.ExecutorBackgroundTasks;
import dev.redoubt.ui.workspace.ConsoleActions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery points screen's view model on the Northwind demo (opened as a capture, tasks inline):
 * each filter against what the estate holds, sorting by each column, the scope, the routing targets,
 * the detail page and its verdict; and, on small estates, what was not read and the latest keystroke
 * winning over older runs.
 */
class RecoveryPointsViewModelTest {
    private static final String SHOP = "645019283746";
    private static final String BACKUP = "536470192834";
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
    private static final String LEGACY_VAULT = "arn:aws:backup:us-east-1:972310293847:backup-vault:legacy-crm";
    private static final Instant CAPTURED = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;

    private TestConsole console;
    private RecoveryPointsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new RecoveryPointsViewModel(console.browse());
        vm.activate();
    }

    @AfterEach
    void close() {
        console.close();
    }

    private EstateIndex index() {
        return console.workspace.catalog().index();
    }

    private List<EstateIndex.PointRef> all() {
        List<EstateIndex.PointRef> out = new ArrayList<>();
        for (EstateIndex.VaultRef v : index().vaults()) {
            for (RecoveryPoint p : v.points()) {
                out.add(new EstateIndex.PointRef(v, p));
            }
        }
        return out;
    }

    private long count(Predicate<EstateIndex.PointRef> p) {
        return all().stream().filter(p).count();
    }

    private List<String> shownArns() {
        return vm.rows().stream().map(PointRow::arn).toList();
    }

    @Test
    void listsEveryRecoveryPointNewestFirst() {
        int total = all().size();
        assertThat(total).isGreaterThan(1000);
        assertThat(vm.rows()).hasSize(total);
        assertThat(vm.countTextProperty().get()).isEqualTo(String.format(Locale.ROOT, "%,d of %,d recovery points", total, total));
        assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::created, Comparator.nullsLast(Comparator.reverseOrder())));
        assertThat(vm.badge().getValue()).isEqualTo(String.format(Locale.ROOT, "%,d", total));
        assertThat(vm.filteredProperty().get()).isFalse();
    }

    @Nested
    class Filters {
        @Test
        void textMatchesTheResourceNameAndArnOfEveryPointShown() {
            vm.textProperty().set("shop-orders");
            long expected = count(p -> p.point().resourceArn().contains("shop-orders"));
            assertThat(vm.rows()).hasSize((int) expected).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.resourceArn()).contains("shop-orders"));
            assertThat(vm.filteredProperty().get()).isTrue();
        }

        @Test
        void textWordsMustAllMatchAndCaseDoesNotMatter() {
            vm.textProperty().set("SHOP-ORDERS  central-eu-central");
            long expected = count(p -> p.point().resourceArn().contains("shop-orders") && p.vault().arn().contains("central-eu-central"));
            assertThat(vm.rows()).hasSize((int) expected).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.vault().name()).isEqualTo("central-eu-central-1"));
        }

        @Test
        void textMatchesTheKeyAliasAndTheRecoveryPointArn() {
            vm.textProperty().set("alias/legacy-crm");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.vault().arn()).isEqualTo(LEGACY_VAULT));
            String arn = all().get(7).point().recoveryPointArn();
            vm.textProperty().set(arn.substring(arn.length() - 12));
            assertThat(shownArns()).contains(arn);
        }

        @Test
        void typingNarrowsToWhatFilteringAtOnceGives() {
            String query = "shop-web-data";
            for (int i = 1; i <= query.length(); i++) {
                vm.textProperty().set(query.substring(0, i));
            }
            List<String> typed = shownArns();
            vm.textProperty().set("");
            vm.textProperty().set(query);
            assertThat(typed).isEqualTo(shownArns()).isNotEmpty();
            vm.textProperty().set(query + "-2x");
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.placeholderProperty().get()).isEqualTo("No recovery point matches these filters.");
            vm.textProperty().set(query + "-2"); // deleting a character widens again
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.resourceName()).isEqualTo("shop-web-data-2"));
        }

        @Test
        void byType() {
            vm.typeProperty().set("RDS");
            assertThat(vm.rows()).hasSize((int) count(p -> "RDS".equals(p.point().resourceType())))
                    .allSatisfy(r -> assertThat(r.type()).isEqualTo("RDS"));
            assertThat(vm.typeChoices()).extracting(Choice::value).contains("RDS", "EBS", "DynamoDB", "S3", "EFS", "EC2");
        }

        @Test
        void byVault() {
            vm.vaultProperty().set(SHOP_PROD_VAULT);
            assertThat(vm.rows()).hasSize(index().vault(SHOP_PROD_VAULT).points().size())
                    .allSatisfy(r -> assertThat(r.vault().arn()).isEqualTo(SHOP_PROD_VAULT));
            assertThat(vm.vaultChoices()).anySatisfy(c -> {
                assertThat(c.value()).isEqualTo(SHOP_PROD_VAULT);
                assertThat(c.label()).isEqualTo("shop-prod · northwind-shop-prod · eu-west-1");
            });
        }

        @Test
        void byAccount() {
            vm.accountProperty().set(BACKUP);
            assertThat(vm.rows()).hasSize((int) count(p -> BACKUP.equals(p.vault().accountId())))
                    .allSatisfy(r -> assertThat(r.vault().accountId()).isEqualTo(BACKUP));
            assertThat(vm.accountChoices()).extracting(Choice::label).contains("northwind-backup (" + BACKUP + ")");
        }

        @Test
        void byEncryption() {
            vm.encryptionProperty().set(Encryption.NOT_ENCRYPTED);
            assertThat(vm.rows()).hasSize((int) count(p -> Boolean.FALSE.equals(p.point().isEncrypted()))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.resourceName()).isEqualTo("dev-build-cache"));
            vm.encryptionProperty().set(Encryption.ENCRYPTED);
            assertThat(vm.rows()).hasSize((int) count(p -> !Boolean.FALSE.equals(p.point().isEncrypted())));
        }

        @Test
        void byKeyIncludingAwsOwnedKeys() {
            String legacyKey = index().vault(LEGACY_VAULT).vault().encryptionKeyArn();
            vm.keyProperty().set(legacyKey);
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.key().arn()).isEqualTo(legacyKey));
            vm.keyProperty().set(PointFilter.AWS_OWNED);
            assertThat(vm.rows()).hasSize((int) count(p -> EstateIndex.AWS_OWNED_KEY.equals(p.point().encryptionKeyType())
                    && p.point().encryptionKeyArn() == null)).isNotEmpty();
            assertThat(vm.keyChoices().get(0).label()).isEqualTo("AWS-owned key");
        }

        @Test
        void byCreationDates() {
            vm.createdFromProperty().set(LocalDate.of(2026, 11, 20));
            vm.createdToProperty().set(LocalDate.of(2026, 11, 21));
            Instant from = Instant.parse("2026-11-20T00:00:00Z");
            Instant to = Instant.parse("2026-11-22T00:00:00Z");
            assertThat(vm.rows()).hasSize((int) count(p -> !p.point().creationDate().isBefore(from) && p.point().creationDate().isBefore(to)))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.created()).isBetween(from, to));
        }

        @Test
        void olderThanDays() {
            vm.olderThanDaysProperty().set(100);
            Instant before = CAPTURED.minus(Duration.ofDays(100));
            assertThat(vm.rows()).hasSize((int) count(p -> p.point().creationDate().isBefore(before))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.created()).isBefore(before));
        }

        @Test
        void noCopyInAnotherAccountOrRegion() {
            Restorability r = Restorability.of(index());
            vm.noCopyElsewhereProperty().set(true);
            long expected = count(p -> !r.hasCopyElsewhere(p));
            assertThat(expected).isLessThan(all().size()).isPositive();
            assertThat(vm.rows()).hasSize((int) expected).allSatisfy(row -> assertThat(row.vault().arn()).isNotEqualTo(SHOP_PROD_VAULT));
            assertThat(vm.rows()).anySatisfy(row -> assertThat(row.vault().arn()).isEqualTo(LEGACY_VAULT));
        }

        @Test
        void clearFiltersShowsEverythingAgain() {
            vm.typeProperty().set("RDS");
            vm.textProperty().set("shop");
            vm.clearFilters();
            assertThat(vm.rows()).hasSize(all().size());
            assertThat(vm.filter().isEmpty()).isTrue();
        }
    }

    @Nested
    class Sorting {
        @Test
        void byResourceNameThenTheOtherWay() {
            vm.sortBy(PointSort.Column.RESOURCE);
            assertThat(vm.sortProperty().get()).isEqualTo(new PointSort(PointSort.Column.RESOURCE, true));
            assertThat(vm.rows()).hasSize(all().size()).isSortedAccordingTo(Comparator.comparing(PointRow::resourceName, String.CASE_INSENSITIVE_ORDER));
            // ties keep the default order: newest first
            List<PointRow> orders = vm.rows().stream().filter(r -> r.resourceName().equals("shop-orders")).toList();
            assertThat(orders).isSortedAccordingTo(Comparator.comparing(PointRow::created).reversed());
            vm.sortBy(PointSort.Column.RESOURCE);
            assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::resourceName, String.CASE_INSENSITIVE_ORDER).reversed());
            assertThat(vm.shownSortProperty().get()).isEqualTo(new PointSort(PointSort.Column.RESOURCE, false));
        }

        @Test
        void byEveryColumn() {
            check(PointSort.Column.TYPE, Comparator.comparing(PointRow::type, String.CASE_INSENSITIVE_ORDER));
            check(PointSort.Column.VAULT, Comparator.comparing((PointRow r) -> r.vault().name(), String.CASE_INSENSITIVE_ORDER));
            check(PointSort.Column.ACCOUNT, Comparator.comparing((PointRow r) -> r.vault().accountName(), String.CASE_INSENSITIVE_ORDER));
            check(PointSort.Column.REGION, Comparator.comparing((PointRow r) -> r.vault().region()));
            check(PointSort.Column.STATUS, Comparator.comparing(PointRow::status));
            check(PointSort.Column.KEY, Comparator.comparing((PointRow r) -> PointTexts.key(r), String.CASE_INSENSITIVE_ORDER));
            check(PointSort.Column.ENCRYPTED, Comparator.comparing(PointRow::encryption));
            vm.sortBy(PointSort.Column.AGE); // youngest first
            assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::created).reversed());
            vm.sortBy(PointSort.Column.CREATED); // a date column starts with the newest
            assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::created).reversed());
            vm.sortBy(PointSort.Column.CREATED);
            assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing(PointRow::created));
            vm.sortBy(PointSort.Column.SIZE); // the biggest first
            assertThat(vm.rows()).isSortedAccordingTo(Comparator.comparing((PointRow r) -> r.size() >> 10).reversed());
            vm.sortBy(PointSort.Column.DELETE_AT);
            List<PointRow> withDate = vm.rows().stream().filter(r -> r.deleteAt() != null).toList();
            assertThat(withDate).isSortedAccordingTo(Comparator.comparing(PointRow::deleteAt).reversed());
            // points kept until someone deletes them have no date: last, whichever way
            assertThat(vm.rows().subList(withDate.size(), vm.rows().size())).isNotEmpty().allSatisfy(r -> assertThat(r.deleteAt()).isNull());
            vm.sortBy(PointSort.Column.DELETE_AT);
            assertThat(vm.rows().get(vm.rows().size() - 1).deleteAt()).isNull();
        }

        private void check(PointSort.Column column, Comparator<PointRow> order) {
            vm.sortBy(column);
            assertThat(vm.rows()).as(column.title()).hasSize(all().size()).isSortedAccordingTo(order);
        }

        @Test
        void sortingKeepsTheFilters() {
            vm.typeProperty().set("EFS");
            vm.sortBy(PointSort.Column.VAULT);
            assertThat(vm.rows()).hasSize((int) count(p -> "EFS".equals(p.point().resourceType())))
                    .isSortedAccordingTo(Comparator.comparing((PointRow r) -> r.vault().name(), String.CASE_INSENSITIVE_ORDER));
        }
    }

    @Test
    void showsOnlyWhatIsInScopeAndCountsTheScope() {
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-shop-prod", SHOP));
        long inScope = count(p -> SHOP.equals(p.vault().accountId()));
        assertThat(vm.rows()).hasSize((int) inScope).allSatisfy(r -> assertThat(r.vault().accountId()).isEqualTo(SHOP));
        assertThat(vm.countTextProperty().get()).isEqualTo(String.format(Locale.ROOT, "%,d of %,d recovery points", inScope, inScope));
        vm.typeProperty().set("RDS");
        assertThat(vm.countTextProperty().get()).endsWith(String.format(Locale.ROOT, " of %,d recovery points", inScope));
        console.workspace.scopeProperty().set(BrowseScope.vault("legacy", "972310293847", "us-east-1", LEGACY_VAULT));
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.vault().arn()).isEqualTo(LEGACY_VAULT));
    }

    @Test
    void aScopeChangedWhileHiddenAppliesWhenShownAgain() {
        vm.deactivate();
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-shop-prod", SHOP));
        assertThat(vm.rows()).hasSize(all().size());
        vm.activate();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.vault().accountId()).isEqualTo(SHOP));
    }

    @Nested
    class Routing {
        @Test
        void vaultTargetShowsThatVaultsPointsWithTheOtherFiltersCleared() {
            vm.typeProperty().set("EBS");
            vm.open("vault=" + LEGACY_VAULT);
            assertThat(vm.vaultProperty().get()).isEqualTo(LEGACY_VAULT);
            assertThat(vm.typeProperty().get()).isNull();
            assertThat(vm.rows()).hasSize(index().vault(LEGACY_VAULT).points().size());
            assertThat(vm.showingDetailProperty().get()).isFalse();
        }

        @Test
        void resourceTargetShowsThatResourcesPointsAndNamesIt() {
            String arn = "arn:aws:rds:eu-west-1:645019283746:db:shop-orders";
            vm.open("resource=" + arn);
            assertThat(vm.rows()).hasSize(index().pointsOf(arn).size()).allSatisfy(r -> assertThat(r.resourceArn()).isEqualTo(arn));
            assertThat(vm.resourceLabelProperty().get()).isEqualTo("shop-orders");
            vm.clearResource();
            assertThat(vm.rows()).hasSize(all().size());
        }

        @Test
        void keyTargetAcceptsAnAliasArn() {
            EstateIndex.KeyRef key = index().key(index().vault(LEGACY_VAULT).vault().encryptionKeyArn());
            String alias = key.key().aliases().get(0).aliasArn();
            vm.open("key=" + alias);
            assertThat(vm.keyProperty().get()).isEqualTo(key.arn());
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.key().arn()).isEqualTo(key.arn()));
        }

        @Test
        void theSamePresetAgainKeepsWhatTheUserAddedSinceBackReturnsThere() {
            vm.open("vault=" + SHOP_PROD_VAULT);
            vm.textProperty().set("shop-carts");
            vm.open(all().get(0).point().recoveryPointArn());
            vm.open("vault=" + SHOP_PROD_VAULT);
            assertThat(vm.textProperty().get()).isEqualTo("shop-carts");
        }

        @Test
        void anArnOpensItsPageAndNullTheListAsLeft() {
            vm.typeProperty().set("RDS");
            EstateIndex.PointRef p = all().get(3);
            vm.open(p.point().recoveryPointArn());
            assertThat(vm.showingDetailProperty().get()).isTrue();
            assertThat(vm.detailProperty().get().row().arn()).isEqualTo(p.point().recoveryPointArn());
            vm.open(null);
            assertThat(vm.showingDetailProperty().get()).isFalse();
            assertThat(vm.detailProperty().get()).isNull();
            assertThat(vm.typeProperty().get()).isEqualTo("RDS");
        }

        @Test
        void anArnTheEstateDoesNotHoldSaysSo() {
            vm.open("arn:aws:backup:eu-west-1:645019283746:recovery-point:gone");
            assertThat(vm.detailProperty().get()).isNull();
            assertThat(vm.detailProblemProperty().get()).isEqualTo("The estate on show holds no recovery point "
                    + "arn:aws:backup:eu-west-1:645019283746:recovery-point:gone.");
        }

        @Test
        void openingARowGoesThroughTheNavigator() {
            PointRow row = vm.rows().get(5);
            vm.openRow(row);
            assertThat(console.places).containsExactly(Place.of(Destinations.RECOVERY_POINTS, row.arn()));
            vm.backToList();
            assertThat(console.places).last().isEqualTo(Place.of(Destinations.RECOVERY_POINTS));
        }
    }

    @Nested
    class Verdicts {
        private PointDetail latest(String vaultArn, String resourceName) {
            EstateIndex.VaultRef v = index().vault(vaultArn);
            RecoveryPoint p = v.points().stream().filter(x -> resourceName.equals(x.resourceName()))
                    .max(Comparator.comparing(RecoveryPoint::creationDate)).orElseThrow();
            vm.open(p.recoveryPointArn());
            return vm.detailProperty().get();
        }

        @Test
        void aLegacyCrmPointIsAtRiskBecauseItsKeyIsDisabled() {
            PointDetail d = latest(LEGACY_VAULT, "legacy-crm-db");
            assertThat(d.verdict().level()).isEqualTo(Restorability.Level.AT_RISK);
            assertThat(d.verdict().reason(Restorability.Aspect.KEY).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(d.verdict().title()).contains("disabled");
        }

        @Test
        void theShopOrdersHaveCopiesRestoreTestsAndATimeline() {
            PointDetail d = latest(SHOP_PROD_VAULT, "shop-orders");
            assertThat(d.title()).isEqualTo("shop-orders");
            assertThat(d.subtitle()).startsWith("RDS · vault shop-prod · northwind-shop-prod · eu-west-1 · created ");
            assertThat(d.verdict().level()).isEqualTo(Restorability.Level.RESTORABLE);
            assertThat(d.copies()).extracting(PointDetail.CopyLine::vaultName).contains("central-eu-central-1", "central-eu-west-1");
            assertThat(d.copies()).filteredOn(c -> c.vaultName().equals("central-eu-central-1")).singleElement().satisfies(c -> {
                assertThat(c.where()).isEqualTo("Another account and region");
                assertThat(c.safeText()).isEqualTo("Lock can be removed");
                assertThat(c.lock()).isEqualTo("compliance lock, removable until 1 Dec 2026");
            });
            assertThat(d.timeline().marks()).extracting(PointDetail.Timeline.Mark::kind)
                    .contains(PointDetail.Timeline.Kind.CREATED, PointDetail.Timeline.Kind.DELETE, PointDetail.Timeline.Kind.NOW);
            assertThat(d.timeline().position(CAPTURED)).isBetween(0.0, 1.0);
            assertThat(d.facts()).extracting(PointDetail.Fact::name).contains("Recovery point ARN", "Vault lock", "Key", "Created by plan", "Tags");
            assertThat(d.facts()).filteredOn(f -> f.name().equals("Vault lock")).singleElement()
                    .satisfies(f -> assertThat(f.value()).startsWith("Governance lock"));
        }

        @Test
        void aTestedPointListsTheRestoresThatUsedIt() {
            EstateIndex.PointRef tested = all().stream().filter(p -> !Restorability.of(index()).restoresOf(p.point().recoveryPointArn()).isEmpty())
                    .findFirst().orElseThrow();
            vm.open(tested.point().recoveryPointArn());
            PointDetail d = vm.detailProperty().get();
            assertThat(d.restores()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.kind()).isIn("Restore test", "Restore by hand");
                assertThat(r.started()).isNotBlank();
            });
        }
    }

    @Nested
    class WhatWasNotRead {
        @Test
        void pointsWithNullFieldsAreListedSortedAndShownAsNotRead() throws Exception {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(EstateFixture.PROD, EstateFixture.REGION, "sparse");
            ObjectNode bare = f.point(v, EstateFixture.volume(EstateFixture.PROD, EstateFixture.REGION, "0bare"), CAPTURED.minus(Duration.ofDays(1)));
            for (String member : List.of("Status", "ResourceType", "IsEncrypted", "EncryptionKeyArn", "BackupSizeInBytes", "CalculatedLifecycle",
                    "Lifecycle")) {
                bare.remove(member);
            }
            f.point(v, EstateFixture.volume(EstateFixture.PROD, EstateFixture.REGION, "0full"), CAPTURED.minus(Duration.ofDays(2)));
            try (TestConsole c = TestConsole.create(dir.resolve("sparse"))) {
                Path file = dir.resolve("sparse.json");
                new EstateFile().write(f.estate(), file);
                c.actions.openCapture(file);
                RecoveryPointsViewModel m = new RecoveryPointsViewModel(c.browse());
                m.activate();
                assertThat(m.rows()).hasSize(2);
                PointRow row = m.rows().stream().filter(r -> r.status() == null).findFirst().orElseThrow();
                assertThat(PointTexts.status(row.status())).isEqualTo("not read");
                assertThat(PointTexts.encryption(row.encryption())).isEqualTo("not read");
                assertThat(PointTexts.key(row)).isEqualTo("not read");
                for (PointSort.Column col : PointSort.Column.values()) {
                    m.sortBy(col);
                    assertThat(m.rows()).as(col.title()).hasSize(2);
                }
                m.sortBy(PointSort.Column.STATUS);
                assertThat(m.rows().get(1).status()).isNull();
                m.statusProperty().set(PointFilter.NOT_READ);
                assertThat(m.rows()).containsExactly(row);
                assertThat(m.statusChoices()).extracting(Choice::label).containsExactly("Completed", "Status not read");
                m.open(row.arn());
                PointDetail d = m.detailProperty().get();
                assertThat(d.verdict().reason(Restorability.Aspect.POINT).outcome()).isEqualTo(Outcome.UNKNOWN);
                assertThat(d.verdict().level()).isNotIn(Restorability.Level.RESTORABLE, Restorability.Level.RESTORABLE_WITH_SAFE_COPY);
                assertThat(d.facts()).filteredOn(x -> x.name().equals("Status")).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo("not read"));
                assertThat(d.facts()).filteredOn(x -> x.name().equals("Backup size")).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo("not read"));
                assertThat(d.timeline().open()).isTrue();
            }
        }

        @Test
        void noEstateOpenSaysWhatToDo() throws Exception {
            try (TestConsole c = TestConsole.create(dir.resolve("empty"))) {
                RecoveryPointsViewModel m = new RecoveryPointsViewModel(c.browse());
                m.activate();
                assertThat(m.rows()).isEmpty();
                assertThat(m.placeholderProperty().get()).startsWith("Open the demo");
                m.open("arn:aws:backup:eu-west-1:1:recovery-point:x");
                assertThat(m.detailProblemProperty().get()).startsWith("Open an estate first");
            }
        }
    }

    @Test
    void theLatestKeystrokeWinsAndOlderRunsStop() {
        ArrayDeque<Runnable> work = new ArrayDeque<>();
        ExecutorBackgroundTasks tasks = ExecutorBackgroundTasks.on(work::add, Runnable::run);
        ConsoleActions slow = new ConsoleActions(console.context.services(), tasks, console.workspace, console.notices, d -> { }, url -> true,
                java.time.Clock.fixed(CAPTURED, ZoneOffset.UTC));
        RecoveryPointsViewModel m = new RecoveryPointsViewModel(new BrowseContext(slow, d -> { }, url -> true));
        m.activate();
        work.poll().run(); // the listing
        assertThat(m.rows()).hasSize(all().size());
        m.textProperty().set("s");
        m.textProperty().set("sh");
        m.textProperty().set("shop-carts");
        Runnable first = work.poll();
        Runnable second = work.poll();
        Runnable third = work.poll();
        third.run();
        assertThat(m.shownFilterProperty().get().text()).isEqualTo("shop-carts");
        List<String> carts = m.rows().stream().map(PointRow::arn).toList();
        first.run();
        second.run();
        assertThat(m.rows().stream().map(PointRow::arn).toList()).isEqualTo(carts);
        assertThat(m.shownFilterProperty().get().text()).isEqualTo("shop-carts");
        assertThat(m.workingProperty().get()).isFalse();
        assertThat(console.notices.shown()).isEmpty();
    }

    @Test
    void aRunThatFinishedLateDoesNotOverwriteANewerOne() {
        ArrayDeque<Runnable> work = new ArrayDeque<>();
        ArrayDeque<Runnable> ui = new ArrayDeque<>();
        ExecutorBackgroundTasks tasks = ExecutorBackgroundTasks.on(work::add, ui::add);
        ConsoleActions slow = new ConsoleActions(console.context.services(), tasks, console.workspace, console.notices, d -> { }, url -> true,
                java.time.Clock.fixed(CAPTURED, ZoneOffset.UTC));
        RecoveryPointsViewModel m = new RecoveryPointsViewModel(new BrowseContext(slow, d -> { }, url -> true));
        m.activate();
        work.poll().run();
        ui.poll().run();
        m.textProperty().set("s");
        work.poll().run(); // finished before the next keystroke: its result waits for the FX thread
        m.textProperty().set("shop-carts");
        work.poll().run();
        Runnable older = ui.poll();
        Runnable newer = ui.poll();
        newer.run();
        older.run();
        assertThat(m.shownFilterProperty().get().text()).isEqualTo("shop-carts");
        assertThat(m.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.resourceName()).isEqualTo("shop-carts"));
    }

}

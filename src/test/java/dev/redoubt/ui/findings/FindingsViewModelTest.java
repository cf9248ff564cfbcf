package dev.redoubt.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.estate.Account;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.ui.support.TestConsole;
import dev.redoubt.ui.workspace.Notice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings view model over the Northwind demo (opened as a capture; tasks run inline), its counts checked against the audit itself. */
class FindingsViewModelTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";

    @TempDir
    Path dir;

    private TestConsole console;
    private FindingsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new FindingsViewModel(console.actions);
        vm.activate();
    }

    @AfterEach
    void close() {
        vm.deactivate();
        console.close();
    }

    private List<Result> results() {
        return console.workspace.audit().results();
    }

    private long count(Predicate<Result> p) {
        return results().stream().filter(p).count();
    }

    private List<ResultRow> shownRows() {
        return vm.lines().stream().filter(l -> l instanceof ResultRow).map(l -> (ResultRow) l).toList();
    }

    private List<GroupRow> groups() {
        return vm.lines().stream().filter(l -> l instanceof GroupRow).map(l -> (GroupRow) l).toList();
    }

    private String accountName(String id) {
        return console.workspace.estate().estate().accounts().stream().filter(a -> a.id().equals(id)).map(Account::name).findFirst().orElseThrow();
    }

    private int indexOf(String checkId, String arn) {
        for (int i = 0; i < vm.lines().size(); i++) {
            if (vm.lines().get(i) instanceof ResultRow r && r.checkId().equals(checkId) && arn.equals(r.resourceArn())) {
                return i;
            }
        }
        throw new AssertionError(checkId + " " + arn + " is not listed");
    }

    @Test
    void opensOnWhatNeedsAttentionGroupedByCheckWithTheWorstFirst() {
        long attention = count(r -> r.status() != Status.PASS);

        assertThat(vm.totalProperty().get()).isEqualTo(results().size());
        assertThat(vm.shownProperty().get()).isEqualTo(attention).isPositive();
        assertThat(vm.countTextProperty().get()).isEqualTo(String.format(Locale.ROOT, "%,d of %,d results", attention, results().size()));
        assertThat(vm.lines().get(0)).isInstanceOf(GroupRow.class);
        assertThat(shownRows()).hasSize((int) attention).allMatch(r -> r.status() != Status.PASS);
        // Groups come worst first: by severity of their failures, then catalogue order.
        List<GroupRow> groups = groups();
        for (int i = 1; i < groups.size(); i++) {
            GroupRow a = groups.get(i - 1);
            GroupRow b = groups.get(i);
            assertThat(FindingsIndex.rank(a.worst()) * 10 + a.severity().ordinal())
                    .isLessThanOrEqualTo(FindingsIndex.rank(b.worst()) * 10 + b.severity().ordinal());
        }
        assertThat(groups.get(0).severity()).isEqualTo(Severity.CRITICAL);
        GroupRow imm02 = groups.stream().filter(g -> g.key().equals("IMM-02")).findFirst().orElseThrow();
        assertThat(imm02.title()).isEqualTo("Vault lock is in governance mode");
        assertThat(imm02.statusText()).isEqualTo(count(r -> r.checkId().equals("IMM-02") && r.status() == Status.FAIL) + " failing");
    }

    @Test
    void filtersBySeverityFacetAccountRegionCheckAndStatus() {
        vm.groupingProperty().set(Grouping.NONE);
        vm.clearFilters();
        assertThat(vm.shownProperty().get()).isEqualTo(results().size());

        vm.filter(FindingsFilter.none().withSeverities(Set.of(Severity.CRITICAL, Severity.HIGH)));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.severity() == Severity.CRITICAL || r.severity() == Severity.HIGH));
        assertThat(shownRows()).allMatch(r -> r.severity().atLeast(Severity.HIGH));

        vm.filter(FindingsFilter.none().withFacets(Set.of(Facet.IMM)));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.facet() == Facet.IMM));

        vm.filter(FindingsFilter.none().withAccountIds(Set.of("645019283746")));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> "645019283746".equals(r.accountId())));
        assertThat(shownRows()).extracting(ResultRow::accountName).containsOnly("northwind-shop-prod");

        vm.filter(FindingsFilter.none().withRegions(Set.of("us-east-1")));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> "us-east-1".equals(r.region())));

        vm.filter(FindingsFilter.none().withCheckIds(Set.of("ENC-04", "IMM-07")));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.checkId().equals("ENC-04") || r.checkId().equals("IMM-07")));

        vm.filter(FindingsFilter.none().withStatuses(Set.of(Status.FAIL)));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.status() == Status.FAIL));

        // Criteria combine: failing, high or worse, in the backup account.
        vm.filter(FindingsFilter.none().withStatuses(Set.of(Status.FAIL)).withSeverities(Set.of(Severity.CRITICAL, Severity.HIGH))
                .withAccountIds(Set.of("536470192834")));
        long combined = count(r -> r.status() == Status.FAIL && r.severity().atLeast(Severity.HIGH) && "536470192834".equals(r.accountId()));
        assertThat(vm.shownProperty().get()).isEqualTo(combined).isPositive();
        assertThat(vm.countTextProperty().get()).startsWith(combined + " of ");
    }

    @Test
    void textMatchesTheArnTheCheckTheEvidenceAndTheAccountName() {
        vm.clearFilters();
        vm.groupingProperty().set(Grouping.NONE);

        vm.textProperty().set("shop-prod");
        assertThat(vm.filter().text()).isEqualTo("shop-prod");
        long byArnOrAccount = count(r -> r.resourceArn().contains("shop-prod") || accountName(r.accountId()).contains("shop-prod")
                || r.evidence().summary().contains("shop-prod"));
        assertThat(vm.shownProperty().get()).isEqualTo(byArnOrAccount);
        // The account's name finds results whose ARN does not say it.
        assertThat(shownRows()).anyMatch(r -> !r.resourceArn().contains("shop-prod"));

        vm.textProperty().set("GOVERNANCE mode");
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> {
            String t = (r.title() + " " + r.evidence().summary()).toLowerCase(Locale.ROOT);
            return t.contains("governance") && t.contains("mode");
        })).isPositive();

        vm.textProperty().set("imm-02");
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.checkId().equals("IMM-02")));

        vm.textProperty().set("PendingDeletion");
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.evidence().summary().contains("PendingDeletion"))).isPositive();
        assertThat(shownRows()).allMatch(r -> r.checkId().equals("ENC-05"));

        vm.textProperty().set("no-such-thing-anywhere");
        assertThat(vm.shownProperty().get()).isZero();
        assertThat(vm.lines()).isEmpty();

        vm.clearText();
        assertThat(vm.shownProperty().get()).isEqualTo(results().size());
    }

    @Test
    void clearFiltersShowsEveryResultFailuresFirst() {
        vm.textProperty().set("shop");
        assertThat(vm.filteredProperty().get()).isTrue();

        vm.clearFilters();

        assertThat(vm.filteredProperty().get()).isFalse();
        assertThat(vm.filter().text()).isEmpty();
        assertThat(vm.textProperty().get()).isEmpty();
        assertThat(vm.shownProperty().get()).isEqualTo(results().size());
        vm.groupingProperty().set(Grouping.NONE);
        List<ResultRow> rows = shownRows();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(FindingsIndex.rank(rows.get(i - 1).status())).isLessThanOrEqualTo(FindingsIndex.rank(rows.get(i).status()));
        }
        assertThat(rows.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(rows.get(rows.size() - 1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void groupsByCheckWithEachGroupsResultsUnderIt() {
        vm.filter(FindingsFilter.none().withStatuses(Set.of(Status.FAIL)));

        Map<String, Long> failingByCheck = results().stream().filter(r -> r.status() == Status.FAIL)
                .collect(Collectors.groupingBy(Result::checkId, Collectors.counting()));
        assertThat(groups()).extracting(GroupRow::key).containsExactlyInAnyOrderElementsOf(failingByCheck.keySet());
        String current = null;
        Map<String, Long> seen = new java.util.HashMap<>();
        for (FindingsLine line : vm.lines()) {
            if (line instanceof GroupRow g) {
                current = g.key();
                assertThat(g.counts().fail()).isEqualTo(failingByCheck.get(g.key()));
            } else {
                ResultRow r = (ResultRow) line;
                assertThat(r.checkId()).isEqualTo(current);
                seen.merge(current, 1L, Long::sum);
            }
        }
        assertThat(seen).isEqualTo(failingByCheck);
    }

    @Test
    void groupsByResourceAndCollapsesAndExpandsGroups() {
        vm.filter(FindingsFilter.none().withStatuses(Set.of(Status.FAIL)));
        vm.groupingProperty().set(Grouping.RESOURCE);

        Set<String> failingResources = results().stream().filter(r -> r.status() == Status.FAIL).map(Result::resourceArn)
                .collect(Collectors.toSet());
        assertThat(groups()).extracting(GroupRow::key).containsExactlyInAnyOrderElementsOf(failingResources);
        GroupRow vault = groups().stream().filter(g -> g.key().equals(SHOP_PROD_VAULT)).findFirst().orElseThrow();
        long vaultFailures = count(r -> r.status() == Status.FAIL && SHOP_PROD_VAULT.equals(r.resourceArn()));
        assertThat(vault.counts().fail()).isEqualTo(vaultFailures).isGreaterThan(1);
        assertThat(vault.title()).isEqualTo("shop-prod");
        assertThat(vault.accounts()).isEqualTo("northwind-shop-prod");
        assertThat(vault.regions()).isEqualTo("eu-west-1");
        int before = vm.lines().size();

        vm.toggle(vault);

        assertThat(vm.lines()).hasSize(before - (int) vaultFailures);
        assertThat(shownRows()).noneMatch(r -> SHOP_PROD_VAULT.equals(r.resourceArn()));
        assertThat(vm.shownProperty().get()).isEqualTo(count(r -> r.status() == Status.FAIL)); // collapsed, still counted

        vm.collapseAll();
        assertThat(vm.lines()).hasSize(failingResources.size()).allMatch(l -> l instanceof GroupRow g && !g.expanded());

        vm.expandAll();
        assertThat(vm.lines()).hasSize(before);
    }

    @Test
    void openSetsTheFiltersAndSelectsTheResultAskedFor() {
        vm.open(FindingsQuery.result("IMM-02", SHOP_PROD_VAULT));

        assertThat(vm.filter().checkIds()).containsExactly("IMM-02");
        assertThat(vm.filter().statuses()).isEmpty();
        FindingDetail d = vm.detail();
        assertThat(d).isNotNull();
        assertThat(d.checkId()).isEqualTo("IMM-02");
        assertThat(d.resourceArn()).isEqualTo(SHOP_PROD_VAULT);
        assertThat(vm.revealProperty().get().index()).isEqualTo(indexOf("IMM-02", SHOP_PROD_VAULT));
        assertThat(vm.selectedLineProperty().get()).isSameAs(vm.lines().get(vm.revealProperty().get().index()));

        vm.open(FindingsQuery.failing("754192837465", Facet.ENC));

        assertThat(vm.filter().accountIds()).containsExactly("754192837465");
        assertThat(vm.filter().facets()).containsExactly(Facet.ENC);
        assertThat(vm.shownProperty().get())
                .isEqualTo(count(r -> "754192837465".equals(r.accountId()) && r.facet() == Facet.ENC && r.status() == Status.FAIL));
    }

    @Test
    void openBeforeTheScreenIsShownSelectsOnceTheAuditIsListed() throws Exception {
        FindingsViewModel fresh = new FindingsViewModel(console.actions);
        fresh.open(FindingsQuery.result("ENC-05", null));
        assertThat(fresh.lines()).isEmpty();

        fresh.activate();

        assertThat(fresh.detail()).isNotNull();
        assertThat(fresh.detail().checkId()).isEqualTo("ENC-05");
        fresh.deactivate();
    }

    @Test
    void detailShowsEvidenceRationaleAndRemediation() {
        Result enc05 = results().stream().filter(r -> r.checkId().equals("ENC-05") && r.status() == Status.FAIL)
                .filter(r -> "PendingDeletion".equals(r.evidence().field("KeyMetadata.KeyState"))).findFirst().orElseThrow();
        vm.open(FindingsQuery.result("ENC-05", enc05.resourceArn()));

        FindingDetail d = vm.detail();
        assertThat(d.status()).isEqualTo(Status.FAIL);
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(d.title()).isEqualTo("Key protecting backups is disabled, pending deletion or unusable");
        assertThat(d.summary()).isEqualTo(enc05.evidence().summary());
        assertThat(d.fields()).extracting(f -> f.name()).contains("KeyMetadata.KeyState");
        assertThat(d.account()).isEqualTo(accountName(enc05.accountId()) + " (" + enc05.accountId() + ")");
        assertThat(d.region()).isEqualTo(enc05.region());
        assertThat(d.evaluatedAsOf()).isEqualTo("28 Nov 2026, 09:00 UTC");
        assertThat(d.rationale()).isNotBlank();
        assertThat(d.reads()).isNotBlank();
        assertThat(d.remediation().awsCli()).startsWith("aws kms cancel-key-deletion");
        assertThat(d.remediation().snippetLanguage()).isIn("CloudFormation", "Terraform");
        assertThat(d.canAcceptRisk()).isTrue();
        assertThat(d.canLift()).isFalse();
    }

    @Test
    void acceptRiskFormStartsWithTheArnTheUserAndNinetyDaysAndSaysWhatIsMissing() {
        vm.open(FindingsQuery.result("IMM-02", SHOP_PROD_VAULT));

        AcceptRiskForm form = vm.acceptRiskForm();

        assertThat(form.resource()).isEqualTo(SHOP_PROD_VAULT);
        assertThat(form.author()).isEqualTo(System.getProperty("user.name"));
        assertThat(form.expires()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        assertThat(vm.problem(form)).contains("why");
        assertThat(vm.problem(form.withJustification("Ticket OPS-1").withExpires(LocalDate.now(ZoneOffset.UTC)))).contains("after today");
        assertThat(vm.problem(form.withJustification("Ticket OPS-1").withResource("arn:aws:backup:*:*:backup-vault:erp-*")))
                .contains("does not match");
        assertThat(vm.problem(form.withJustification("Ticket OPS-1").withResource("arn:aws:backup:*:*:backup-vault:shop-*"))).isNull();
        assertThat(vm.problem(form.withJustification("Ticket OPS-1").withAuthor(" "))).contains("who");

        assertThat(vm.acceptRisk(form)).isFalse();
        assertThat(console.context.services().suppressions().list()).isEmpty();
    }

    @Test
    void acceptingARiskSuppressesTheResultAndLiftingItBringsTheFailureBack() throws Exception {
        vm.open(FindingsQuery.result("IMM-02", SHOP_PROD_VAULT));
        String failingBefore = vm.failingBadge().getValue();
        long fails = count(r -> r.status() == Status.FAIL);
        assertThat(failingBefore).isEqualTo(String.valueOf(fails));

        assertThat(vm.acceptRisk(vm.acceptRiskForm().withJustification("Compliance lock planned in change CHG-4711").withAuthor("dana"))).isTrue();

        // Still selected, now suppressed; still listed (the default filter shows suppressed results).
        FindingDetail d = vm.detail();
        assertThat(d.key()).isEqualTo(new ResultKey("IMM-02", "645019283746", "eu-west-1", SHOP_PROD_VAULT));
        assertThat(d.status()).isEqualTo(Status.SUPPRESSED);
        assertThat(d.acceptedRisk().author()).isEqualTo("dana");
        assertThat(d.acceptedRisk().justification()).isEqualTo("Compliance lock planned in change CHG-4711");
        assertThat(d.acceptedRisk().expired()).isFalse();
        assertThat(d.summary()).doesNotContain("accepted risk until");
        assertThat(d.canLift()).isTrue();
        assertThat(d.canAcceptRisk()).isFalse();
        assertThat(vm.selectedLineProperty().get()).isInstanceOf(ResultRow.class);
        assertThat(((ResultRow) vm.selectedLineProperty().get()).status()).isEqualTo(Status.SUPPRESSED);
        assertThat(vm.failingBadge().getValue()).isEqualTo(String.valueOf(fails - 1));
        assertThat(console.workspace.audit().results()).filteredOn(r -> r.checkId().equals("IMM-02") && SHOP_PROD_VAULT.equals(r.resourceArn()))
                .extracting(Result::status).containsExactly(Status.SUPPRESSED);
        Path file = console.context.services().suppressions().file();
        assertThat(Files.readString(file)).contains("\"CheckId\" : \"IMM-02\"").contains(SHOP_PROD_VAULT).contains("CHG-4711");
        List<Entry> added = console.context.journal().read(new EntryQuery(null, null, "suppression-added", null, 0));
        assertThat(added).hasSize(1);
        assertThat(added.get(0).subject()).isEqualTo(SHOP_PROD_VAULT);
        assertThat(added.get(0).actor()).isEqualTo("offline");
        assertThat(added.get(0).target()).startsWith("capture:");
        assertThat(console.notices.shown()).extracting(Notice::title).contains("Risk accepted");

        assertThat(vm.liftSuppression("Lock is compliance mode now")).isTrue();

        d = vm.detail();
        assertThat(d.status()).isEqualTo(Status.FAIL);
        assertThat(d.acceptedRisk()).isNull();
        assertThat(vm.failingBadge().getValue()).isEqualTo(failingBefore);
        assertThat(console.context.services().suppressions().list()).isEmpty();
        List<Entry> removed = console.context.journal().read(new EntryQuery(null, null, "suppression-removed", null, 0));
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).detailsTree().path("why").asText()).isEqualTo("Lock is compliance mode now");
        assertThat(removed.get(0).detailsTree().path("rule").asText()).isEqualTo("IMM-02");
    }

    @Test
    void aSuppressedResultFilteredOutStaysOnShowInTheDetail() {
        vm.filter(FindingsFilter.none().withStatuses(Set.of(Status.FAIL)).withCheckIds(Set.of("IMM-02")));
        vm.select(indexOf("IMM-02", SHOP_PROD_VAULT));
        int listed = shownRows().size();

        vm.acceptRisk(vm.acceptRiskForm().withJustification("Accepted for the migration window"));

        assertThat(shownRows()).hasSize(listed - 1).noneMatch(r -> SHOP_PROD_VAULT.equals(r.resourceArn()));
        assertThat(vm.detail().status()).isEqualTo(Status.SUPPRESSED);
        assertThat(vm.selectedLineProperty().get()).isNull();
        assertThat(vm.revealProperty().get().index()).isEqualTo(-1);
    }

    @Test
    void failuresOfTheServiceAreNotices() {
        vm.open(FindingsQuery.result("IMM-02", SHOP_PROD_VAULT));
        assertThat(vm.acceptRisk(vm.acceptRiskForm().withJustification("first"))).isTrue();
        Result suppressed = console.workspace.audit().results().stream()
                .filter(r -> r.checkId().equals("IMM-02") && SHOP_PROD_VAULT.equals(r.resourceArn())).findFirst().orElseThrow();
        // Someone else lifts it (the command line): lifting it here again fails in the service.
        console.context.services().suppressions().remove(console.workspace.audit().subject().actor(), suppressed.suppression(), null);

        vm.liftSuppression(null);

        Notice last = console.notices.shown().get(console.notices.shown().size() - 1);
        assertThat(last.kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(last.title()).isEqualTo("Could not lift the suppression");
        assertThat(last.text()).contains("No such suppression");
    }

    @Test
    void exportsTheReportInEachFormatAndJournalsIt() throws Exception {
        String estateName = console.workspace.estate().estate().name();
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            Path file = dir.resolve("out").resolve(vm.reportFileName(f));
            Files.createDirectories(file.getParent());
            vm.export(f, file);
            assertThat(file).isNotEmptyFile();
            written.add(file);
        }

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("northwind-demo-findings-2026-11-28.json", "northwind-demo-findings-2026-11-28.csv",
                        "northwind-demo-findings-2026-11-28.html", "northwind-demo-findings-2026-11-28.sarif");
        JsonNode json = new ObjectMapper().readTree(written.get(0).toFile());
        assertThat(json.isObject()).isTrue();
        assertThat(Files.readString(written.get(2))).contains(estateName);
        assertThat(Files.readAllLines(written.get(1)).size()).isGreaterThan(results().size());
        assertThat(new ObjectMapper().readTree(written.get(3).toFile()).path("version").asText()).isEqualTo("2.1.0");
        List<Entry> exports = console.context.journal().read(new EntryQuery(null, null, "export", null, 0));
        assertThat(exports).extracting(e -> e.detailsTree().path("format").asText()).containsExactly("json", "csv", "html", "sarif");
        assertThat(console.notices.shown()).extracting(Notice::title).contains("Report exported");
    }

    @Test
    void eachChangePublishesTheLinesWithOneSetAll() {
        List<Integer> changes = new ArrayList<>();
        vm.lines().addListener((ListChangeListener<FindingsLine>) c -> changes.add(1));

        vm.filter(vm.filter().withSeverities(Set.of(Severity.HIGH)));
        vm.textProperty().set("vault");
        vm.groupingProperty().set(Grouping.RESOURCE);

        assertThat(changes).hasSize(3);
    }

    @Test
    void listsAndFiltersAsBackgroundWorkAndPublishesOnlyTheLatest() throws Exception {
        // Work waits in a queue (the "pool"); UI updates run at once (the "FX thread").
        java.util.ArrayDeque<Runnable> pool = new java.util.ArrayDeque<>();
        dev.redoubt.ui.workspace.Workspace workspace = new dev.redoubt.ui.workspace.Workspace();
        dev.redoubt.ui.workspace.ConsoleActions actions = new dev.redoubt.ui.workspace.ConsoleActions(console.context.services(),
                dev.redoubt.ui.tasks.ExecutorBackgroundTasks.on(pool::add, Runnable::run), workspace,
                new dev.redoubt.ui.workspace.Notices(), d -> { }, url -> true, java.time.Clock.systemUTC());
        Path file = dir.resolve("northwind.json");
        actions.openCapture(file);
        pool.poll().run();
        FindingsViewModel bg = new FindingsViewModel(actions);
        List<Integer> published = new ArrayList<>();
        bg.lines().addListener((ListChangeListener<FindingsLine>) c -> published.add(bg.lines().size()));

        bg.activate();
        assertThat(bg.lines()).isEmpty();
        assertThat(bg.workingProperty().get()).isTrue();
        pool.poll().run(); // listing
        assertThat(bg.lines()).isEmpty();
        pool.poll().run(); // filtering
        assertThat(published).hasSize(1);
        assertThat(bg.workingProperty().get()).isFalse();
        int first = bg.lines().size();

        bg.textProperty().set("shop");
        bg.textProperty().set("shop-prod");
        assertThat(pool).hasSize(1); // one filtering at a time; the second change waits for it
        pool.poll().run(); // "shop": outdated when done, not published; "shop-prod" starts
        assertThat(published).hasSize(1);
        assertThat(bg.lines()).hasSize(first);
        pool.poll().run();
        assertThat(published).hasSize(2);
        assertThat((long) bg.shownProperty().get()).isEqualTo(count(r -> r.status() != Status.PASS && (r.resourceArn().contains("shop-prod")
                || "645019283746".equals(r.accountId()) || r.evidence().summary().toLowerCase(Locale.ROOT).contains("shop-prod"))));
        assertThat(pool).isEmpty();
        bg.deactivate();
        workspace.close();
    }

    @Test
    void stopsListeningWhenDeactivated() throws Exception {
        vm.open(FindingsQuery.result("IMM-02", SHOP_PROD_VAULT));
        vm.deactivate();
        Set<Status> before = new LinkedHashSet<>();
        shownRows().forEach(r -> before.add(r.status()));

        console.context.services().suppressions().add(console.workspace.audit().subject().actor(), "IMM-02", SHOP_PROD_VAULT, "why",
                "dana", java.time.Instant.now().plusSeconds(86_400));
        console.actions.suppressionsChanged();

        // The hidden screen did not list the new audit...
        assertThat(vm.detail().status()).isEqualTo(Status.FAIL);
        Set<Status> after = new HashSet<>();
        shownRows().forEach(r -> after.add(r.status()));
        assertThat(after).isEqualTo(before);
        // ...and does when shown again.
        vm.activate();
        assertThat(vm.detail().status()).isEqualTo(Status.SUPPRESSED);
    }
}

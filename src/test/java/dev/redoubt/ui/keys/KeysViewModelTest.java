package dev.redoubt.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.AccessAnswer.Question;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import dev.redoubt.findings.access.KeyKind;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.findings.FindingsQuery;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The keys view model over the Northwind demo (opened as a capture; tasks run inline). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysViewModelTest {
    static final String BACKUP = "536470192834";
    static final String SHOP = "645019283746";
    static final String SECURITY = "427365019283";
    static final String US_KEY = "arn:aws:kms:us-east-1:536470192834:key/";
    static final String AIR_GAP_KEYED = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-keyed";
    static final String AIR_GAP = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";

    @TempDir
    static Path dir;

    TestConsole console;
    KeysViewModel vm;
    final List<FindingsQuery> findingsShown = new ArrayList<>();

    @BeforeAll
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new KeysViewModel(console.browse(), findingsShown::add);
        vm.activate();
    }

    @AfterAll
    void close() {
        vm.deactivate();
        console.close();
    }

    @BeforeEach
    void reset() {
        console.workspace.scopeProperty().set(BrowseScope.ALL);
        vm.textProperty().set("");
        vm.sort(KeySort.NAME, true);
        vm.open(null);
        console.places.clear();
        findingsShown.clear();
    }

    KeyRow row(String name, String account) {
        return vm.rows().stream().filter(r -> r.name().equals(name) && account.equals(r.accountId())).findFirst().orElseThrow();
    }

    KeyRow owned(String vaultArn) {
        return vm.rows().stream().filter(r -> r.id().equals("aws-owned:" + vaultArn)).findFirst().orElseThrow();
    }

    KeyRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("The list")
    class TheList {
        @Test
        @DisplayName("every key of the estate, with its kind, and the AWS-owned keys vaults use, said so")
        void listsEveryKeyWithItsKind() {
            long held = console.workspace.catalog().index().keys().size();
            assertThat(vm.rows()).filteredOn(KeyRow::inEstate).hasSize((int) held);
            assertThat(row("alias/aws/backup", SHOP).kind()).isEqualTo(KeyKind.AWS_MANAGED);
            assertThat(row("alias/central-backup-eu-west-1").kindText()).isEqualTo("Customer-managed");
            KeyRow owned = owned(AIR_GAP);
            assertThat(owned.inEstate()).isFalse();
            assertThat(owned.kind()).isEqualTo(KeyKind.AWS_OWNED);
            assertThat(owned.state()).isEqualTo("Held by AWS");
            assertThat(owned.account()).isEqualTo("AWS");
            assertThat(owned.name()).isEqualTo("AWS-owned key");
            assertThat(owned.subtitle()).isEqualTo("of vault central-airgap-eu-west-1");
            assertThat(owned.vaults()).containsExactly(AIR_GAP);
            assertThat(owned.points()).isPositive();
            assertThat(vm.countTextProperty().get()).isEqualTo(vm.rows().size() + " of " + vm.rows().size() + " keys");
            assertThat(vm.statusProperty().get()).isEmpty();
        }

        @Test
        @DisplayName("state, rotation, vaults and recovery points in words, the worst failing finding")
        void columnsInWords() {
            KeyRow dev = row("alias/dev-backup");
            assertThat(dev.state()).isEqualTo("Pending deletion");
            assertThat(dev.stateLine()).isEqualTo("Deletion on 4 Dec 2026");
            assertThat(dev.stateLevel()).isEqualTo("bad");
            assertThat(dev.rotation()).isEqualTo("Off");
            assertThat(dev.worst()).isEqualTo(Severity.CRITICAL);
            assertThat(row("alias/legacy-crm").state()).isEqualTo("Disabled");
            assertThat(row("alias/legacy-crm").stateLine()).isEqualTo("Rotates every 365 days");
            assertThat(row("alias/shop-us-data").rotation()).isEqualTo("Not possible (imported material)");
            KeyRow central = row("alias/central-backup-eu-west-1");
            assertThat(central.rotation()).isEqualTo("Every 365 days");
            assertThat(central.multiRegion()).isEqualTo("No");
            assertThat(central.vaultsText()).isEqualTo("central-eu-west-1");
            long points = console.workspace.catalog().index().vault("arn:aws:backup:eu-west-1:536470192834:backup-vault:central-eu-west-1").points().size();
            assertThat(central.points()).isEqualTo(points);
            assertThat(row("alias/erp-data").vaultsText()).isEqualTo("2 vaults");
        }

        @Test
        @DisplayName("a key the estate does not hold is listed from what uses it, marked not in the scan")
        void keysNotHeld() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(EstateFixture.BACKUP, EstateFixture.REGION, "foreign");
            String foreign = "arn:aws:kms:eu-west-1:444455556666:key/1111";
            v.put("EncryptionKeyArn", foreign);
            KeysIndex.Uses uses = KeysIndex.uses(new dev.redoubt.findings.EstateIndex(f.estate(), dev.redoubt.findings.FindingsSettings.DEFAULTS,
                    EstateFixture.NOW));
            assertThat(uses.vaultsOf(foreign)).containsExactly(EstateFixture.arnOf(v));
        }

        @Test
        @DisplayName("recovery points are counted per key when a vault holds points of several keys (copies keep their source's key)")
        void countsPointsPerKeyInAMixedVault() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(EstateFixture.BACKUP, EstateFixture.REGION, "mixed");
            String own = v.get("EncryptionKeyArn").asText();
            String other = EstateFixture.arnOfKey(f.key(EstateFixture.PROD, EstateFixture.REGION));
            String vol = EstateFixture.volume(EstateFixture.PROD, EstateFixture.REGION, "1");
            for (String key : List.of(own, own, other, own, other, other, other)) {
                f.point(v, vol, EstateFixture.NOW.minusSeconds(3600)).put("EncryptionKeyArn", key);
            }
            KeysIndex.Uses uses = KeysIndex.uses(new dev.redoubt.findings.EstateIndex(f.estate(), dev.redoubt.findings.FindingsSettings.DEFAULTS,
                    EstateFixture.NOW));
            assertThat(uses.pointsOf(own)).isEqualTo(3);
            assertThat(uses.pointsOf(other)).isEqualTo(4);
            assertThat(uses.vaultsOf(other)).containsExactly(EstateFixture.arnOf(v));
        }

        @Test
        @DisplayName("the text filter keeps the keys with every word, in any case; nothing matching says so")
        void textFilter() {
            vm.textProperty().set("SHOP-prod alias/aws");
            assertThat(vm.rows()).extracting(KeyRow::id).containsExactly(row("alias/aws/backup", SHOP).id());
            vm.textProperty().set("central-airgap-keyed");
            assertThat(vm.rows()).extracting(KeyRow::name).containsExactly("alias/central-airgap-keyed");
            vm.textProperty().set("Held by AWS");
            assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.kind()).isEqualTo(KeyKind.AWS_OWNED));
            vm.textProperty().set("no-such-key");
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("No key matches \u201cno-such-key\u201d.");
            assertThat(vm.countTextProperty().get()).startsWith("0 of ");
        }

        @Test
        @DisplayName("sorts by any column, both ways; keys with no failing finding last either way")
        void sorts() {
            vm.sort(KeySort.POINTS, false);
            assertThat(vm.rows()).extracting(KeyRow::points).isSortedAccordingTo(Comparator.reverseOrder());
            vm.sort(KeySort.ACCOUNT, true);
            assertThat(vm.rows()).extracting(KeyRow::accountText).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            vm.sort(KeySort.WORST, true);
            assertThat(vm.rows().get(0).worst()).isEqualTo(Severity.CRITICAL);
            assertThat(vm.rows().get(vm.rows().size() - 1).worst()).isNull();
            vm.sort(KeySort.WORST, false);
            assertThat(vm.rows().get(0).worst()).isNotNull().isNotEqualTo(Severity.CRITICAL);
            assertThat(vm.rows().get(vm.rows().size() - 1).worst()).isNull();
            vm.sort(KeySort.NAME, false);
            assertThat(vm.rows()).extracting(KeyRow::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        }

        @Test
        @DisplayName("scoped: an account shows its keys and the keys its vaults use; a vault only its keys; clearing shows all")
        void scoped() {
            int all = vm.rows().size();
            console.workspace.scopeProperty().set(BrowseScope.account("northwind-backup", BACKUP));
            assertThat(vm.rows()).extracting(KeyRow::name)
                    .contains("alias/central-backup-eu-west-1", "AWS-owned key",
                            // kept by the security and shop accounts, used by the backup account's vaults
                            "alias/central-airgap-keyed", "alias/central-archive")
                    .doesNotContain("alias/dev-backup", "alias/shop-prod-data");
            console.workspace.scopeProperty().set(BrowseScope.vault("central-airgap-keyed", BACKUP, "eu-west-1", AIR_GAP_KEYED));
            assertThat(vm.rows()).extracting(KeyRow::name).containsExactly("alias/central-airgap-keyed");
            assertThat(vm.rows().get(0).accountId()).isEqualTo(SECURITY);
            vm.clearScope();
            assertThat(vm.rows()).hasSize(all);
        }

        @Test
        @DisplayName("a row opens its page through the shell, so back returns")
        void selectOpensThePage() {
            KeyRow r = row("alias/shop-prod-data");
            vm.select(r);
            assertThat(console.places).containsExactly(Place.of(Destinations.KEYS, r.id()));
        }

        @Test
        @DisplayName("the badge counts the keys with a failing finding")
        void badge() {
            long failing = vm.rows().stream().filter(r -> r.inEstate() && r.worst() != null).count();
            assertThat(vm.badge().getValue()).isEqualTo(String.valueOf(failing));
        }
    }

    @Nested
    @DisplayName("The page of a key")
    class ThePage {
        @Test
        @DisplayName("the US central key: anyone can decrypt, the policy's statement marked, its vault and points, its findings")
        void usCentralKey() {
            KeyRow r = row("alias/central-backup-us-east-1");
            vm.open(r.id());
            KeyDetail d = vm.detail();
            assertThat(d.title()).isEqualTo("alias/central-backup-us-east-1");
            assertThat(d.kindLabel()).isEqualTo("Customer-managed KMS key");
            assertThat(d.answers()).extracting(AccessAnswer::question).containsExactly(Question.DECRYPT, Question.ADMINISTER_KEY,
                    Question.DISABLE_OR_DELETE_KEY);
            AccessAnswer decrypt = d.answers().get(0);
            assertThat(decrypt.reach()).isEqualTo(Reach.ANYONE);
            assertThat(decrypt.who()).first().isEqualTo("Anyone: any AWS principal, outside the organization included");
            assertThat(d.answers().get(2).reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(d.policy()).contains("AllowCrossAccountCopies");
            assertThat(d.allowing()).contains(2);
            assertThat(d.vaults()).extracting(KeyDetail.VaultUse::name).containsExactly("central-us-east-1");
            assertThat(d.vaults().get(0).vaultKey()).isTrue();
            assertThat(d.points()).isEqualTo(r.points());
            assertThat(d.findings()).isNotEmpty();
            assertThat(d.findings().get(0).status()).isEqualTo(Status.FAIL);
            assertThat(d.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        @DisplayName("the keyed air-gapped vault's key: the security account, the backup account only through AWS Backup")
        void airGapKey() {
            vm.open(row("alias/central-airgap-keyed").id());
            AccessAnswer decrypt = vm.detail().answers().get(0);
            assertThat(decrypt.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(decrypt.who()).containsExactly("Any principal of northwind-security (427365019283, security) whose IAM allows it",
                    "Any principal of northwind-backup (536470192834, backup) whose IAM allows it, only through AWS Backup in eu-west-1");
        }

        @Test
        @DisplayName("grants: grantee in words, operations, constraints, who may retire them")
        void grants() {
            vm.open(row("alias/erp-data").id());
            KeyDetail d = vm.detail();
            assertThat(d.grants()).extracting(KeyDetail.GrantLine::grantee)
                    .containsExactlyInAnyOrder("The service-linked role of AWS Backup in northwind-erp-prod (754192837465, production)",
                            "Role erp-reporting-export of northwind-erp-prod (754192837465, production)");
            KeyDetail.GrantLine export = d.grants().stream().filter(g -> g.grantee().startsWith("Role")).findFirst().orElseThrow();
            assertThat(export.operations()).isEqualTo("Decrypt, DescribeKey");
            assertThat(export.retiring()).isEqualTo("The grantee");
            assertThat(export.created()).isEqualTo("3 Jun 2025");
            assertThat(d.grantsNote()).isNull();
            assertThat(d.answers().get(0).who()).contains("Role erp-reporting-export of northwind-erp-prod (754192837465, production), through a grant");
        }

        @Test
        @DisplayName("an alias ARN opens the key's page; open(null) shows the list again")
        void aliasAndBack() {
            String alias = "arn:aws:kms:eu-west-1:645019283746:alias/shop-prod-data";
            vm.open(alias);
            assertThat(vm.detail().arn()).isEqualTo(row("alias/shop-prod-data").arn());
            vm.open(null);
            assertThat(vm.detail()).isNull();
        }

        @Test
        @DisplayName("an AWS-owned key: AWS holds it, nobody in the organization can disable it; its vault and points")
        void awsOwnedKey() {
            KeyRow r = owned(AIR_GAP);
            vm.open(r.id());
            KeyDetail d = vm.detail();
            assertThat(d.inEstate()).isFalse();
            assertThat(d.kind()).isEqualTo(KeyKind.AWS_OWNED);
            assertThat(d.policy()).isNull();
            assertThat(d.policyProblem()).contains("AWS does not show the policy");
            assertThat(d.answers()).allSatisfy(a -> assertThat(a.reach()).isEqualTo(Reach.NOBODY));
            assertThat(d.answers().get(2).answer()).contains("nobody in the organization can disable it");
            assertThat(d.points()).isEqualTo(r.points());
            vm.showRecoveryPoints();
            assertThat(console.places).containsExactly(Place.of(Destinations.RECOVERY_POINTS, "vault=" + AIR_GAP));
        }

        @Test
        @DisplayName("the recovery points link filters the recovery points screen by the key")
        void recoveryPointsLink() {
            KeyRow r = row("alias/shop-prod-data");
            vm.open(r.id());
            vm.showRecoveryPoints();
            assertThat(console.places).containsExactly(Place.of(Destinations.RECOVERY_POINTS, "key=" + r.arn()));
        }

        @Test
        @DisplayName("a finding opens the findings screen with it selected")
        void findingLink() {
            vm.open(row("alias/dev-backup").id());
            var f = vm.detail().findings().get(0);
            vm.showFinding(f);
            assertThat(findingsShown).containsExactly(FindingsQuery.result(f.checkId(), f.resourceArn()));
        }

        @Test
        @DisplayName("a key ARN the estate does not name: a page that says it was not scanned, never a stack trace")
        void unknownKey() {
            vm.open("arn:aws:kms:eu-west-1:444455556666:key/nope");
            KeyDetail d = vm.detail();
            assertThat(d.inEstate()).isFalse();
            assertThat(d.answers()).allSatisfy(a -> assertThat(a.reach()).isEqualTo(Reach.UNKNOWN));
            assertThat(d.facts()).anySatisfy(f -> assertThat(f.value()).contains("which was not scanned"));
            vm.open("aws-owned:arn:aws:backup:eu-west-1:1:backup-vault:none");
            assertThat(vm.detail()).isNull();
            assertThat(console.notices.shown()).anySatisfy(n -> assertThat(n.title()).isEqualTo("No such key"));
        }
    }

    @Nested
    @DisplayName("An estate with holes")
    class Holes {
        @Test
        @DisplayName("a key whose policy is not JSON and whose state and grants were not read: said so, never none")
        void notReadIsSaid(@TempDir Path tmp) throws Exception {
            EstateFixture f = new EstateFixture();
            ObjectNode key = f.key(EstateFixture.BACKUP, EstateFixture.REGION);
            key.put("Policy", "{not json");
            key.remove("Grants");
            key.remove("KeyRotationEnabled");
            ((ObjectNode) key.get("KeyMetadata")).remove("KeyState");
            ((ObjectNode) key.get("KeyMetadata")).remove("KeyManager");
            Path file = tmp.resolve("holes.json");
            new EstateFile().write(f.estate(), file);
            try (TestConsole t = TestConsole.create(tmp.resolve("console"))) {
                t.actions.openCapture(file);
                KeysViewModel keys = new KeysViewModel(t.browse(), q -> { });
                keys.activate();
                KeyRow r = keys.rows().get(0);
                assertThat(r.state()).isEqualTo("not read");
                assertThat(r.rotation()).isEqualTo("not read");
                assertThat(r.kindText()).isEqualTo("Not read");
                keys.open(r.id());
                KeyDetail d = keys.detail();
                assertThat(d.grantsNote()).isEqualTo("The key's grants were not read (kms:ListGrants).");
                assertThat(d.answers()).allSatisfy(a -> assertThat(a.reach()).isEqualTo(Reach.UNKNOWN));
                assertThat(d.answers().get(0).reasons()).first().asString().startsWith("The key policy cannot be evaluated: the policy is not valid JSON");
                assertThat(d.answers().get(0).reasons()).contains("The key's state was not read");
                assertThat(d.facts()).anySatisfy(fact -> assertThat(fact).isEqualTo(KeyDetail.Fact.of("State", "not read")));
            }
        }
    }
}

package dev.redoubt.estate.demo;

import static dev.redoubt.estate.demo.DemoEstate.ESTATE;
import static dev.redoubt.estate.demo.DemoEstate.accountOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.AccountRole;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Fetched;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.SsoAssignment;
import dev.redoubt.estate.SsoUser;
import dev.redoubt.estate.demo.DemoEstate.Place;
import dev.redoubt.estate.demo.DemoEstate.PointAt;
import dev.redoubt.estate.demo.DemoEstate.VaultAt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NorthwindDemoTest {
    private final EstateFile file = new EstateFile();

    @Test
    void buildsTheSameEstateEveryTime() {
        Estate again = NorthwindDemo.build();
        assertThat(again).isEqualTo(ESTATE);
        assertThat(file.writeString(again)).isEqualTo(file.writeString(ESTATE));
    }

    @Test
    void roundTripsThroughTheEstateFileUnchanged(@TempDir Path dir) throws IOException {
        Path written = dir.resolve("northwind.json");
        file.write(ESTATE, written);
        Estate read = file.read(written);
        assertThat(read).isEqualTo(ESTATE);
        String text = Files.readString(written);
        assertThat(file.writeString(read)).isEqualTo(text);
        Estate fromText = file.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "northwind.json");
        assertThat(file.writeString(fromText)).isEqualTo(text);
    }

    @Test
    void usesOnlyMembersTheModelKnows() {
        List<String> unknown = new ArrayList<>();
        collectUnknownMembers(ESTATE, "$", unknown);
        assertThat(unknown).isEmpty();
    }

    @Test
    void capturesAtTheFixedInstant() {
        assertThat(ESTATE.format()).isEqualTo(EstateFile.FORMAT);
        assertThat(ESTATE.name()).isEqualTo("Northwind (demo)");
        assertThat(ESTATE.capturedAt()).isEqualTo(NorthwindDemo.CAPTURED_AT).hasToString("2026-11-28T09:00:00Z");
    }

    @Test
    void hasTheOrganizationTheIssueDescribes() {
        assertThat(ESTATE.accounts()).hasSize(7);
        assertThat(ESTATE.accounts()).extracting(Account::organizationalUnit)
                .contains("Security", "Infrastructure/Backup", "Workloads/Production", "Workloads/Development", "Suspended");
        assertThat(ESTATE.accounts().stream().filter(a -> a.organizationalUnit().contains("Prod"))).hasSize(2);
        assertThat(ESTATE.accounts()).filteredOn(a -> a.id().equals(ESTATE.organization().masterAccountId())).hasSize(1);
        assertThat(ESTATE.accounts()).filteredOn(a -> a.state().equals("PENDING_CLOSURE"))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("PENDING_CLOSURE"));
        assertThat(DemoEstate.places().map(Place::regionName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("eu-west-1", "eu-central-1", "us-east-1");
    }

    @Test
    void holdsAboutTwentyVaultsAndThreeThousandRecoveryPoints() {
        assertThat(DemoEstate.vaults().count()).isBetween(18L, 22L);
        assertThat(DemoEstate.recoveryPoints().count()).isBetween(2500L, 3500L);
        DemoEstate.vaults().forEach(v -> assertThat(v.vault().numberOfRecoveryPoints())
                .as(v.vault().backupVaultArn()).isEqualTo((long) v.vault().recoveryPoints().size()));
    }

    @Test
    void namesEveryVaultAndRecoveryPointWhereItLives() {
        DemoEstate.vaults().forEach(v -> assertThat(v.vault().backupVaultArn()).isEqualTo("arn:aws:backup:" + v.place().regionName()
                + ":" + v.accountId() + ":backup-vault:" + v.vault().backupVaultName()));
        DemoEstate.recoveryPoints().forEach(p -> {
            RecoveryPoint rp = p.point();
            assertThat(rp.backupVaultArn()).isEqualTo(p.vault().vault().backupVaultArn());
            assertThat(rp.recoveryPointArn()).contains(":" + p.vault().place().regionName() + ":");
            String owner = accountOf(rp.recoveryPointArn());
            assertThat(owner == null || owner.equals(p.vault().accountId())).as(rp.recoveryPointArn()).isTrue();
        });
        assertThat(DemoEstate.recoveryPoints().map(p -> p.point().recoveryPointArn()).distinct().count())
                .isEqualTo(DemoEstate.recoveryPoints().count());
    }

    @Test
    void keepsRecoveryPointDatesConsistent() {
        DemoEstate.recoveryPoints().map(PointAt::point).forEach(rp -> {
            assertThat(rp.completionDate()).isAfter(rp.creationDate()).isBeforeOrEqualTo(ESTATE.capturedAt());
            if (rp.lifecycle() == null) {
                assertThat(rp.calculatedLifecycle()).isNull();
            } else {
                assertThat(rp.calculatedLifecycle().deleteAt()).as(rp.recoveryPointArn())
                        .isEqualTo(rp.creationDate().plus(Duration.ofDays(rp.lifecycle().deleteAfterDays())))
                        .isAfter(ESTATE.capturedAt());
            }
        });
    }

    @Test
    void resolvesEveryVaultKeyUnlessAwsOwned() {
        DemoEstate.vaults().map(VaultAt::vault).forEach(v -> {
            if ("AWS_OWNED_KMS_KEY".equals(v.encryptionKeyType())) {
                assertThat(v.encryptionKeyArn()).as(v.backupVaultArn()).isNull();
            } else if (v.encryptionKeyArn() != null) {
                assertThat(DemoEstate.key(v.encryptionKeyArn())).as(v.backupVaultArn()).isPresent();
            }
        });
        // the one standard vault without a key is ENC-02's failing case
        assertThat(DemoEstate.vaults().map(VaultAt::vault)
                .filter(v -> v.encryptionKeyArn() == null && v.encryptionKeyType() == null))
                .extracting(v -> v.backupVaultName()).containsExactly("dev-scratch");
        DemoEstate.recoveryPoints().map(PointAt::point).filter(rp -> rp.encryptionKeyArn() != null)
                .forEach(rp -> assertThat(DemoEstate.key(rp.encryptionKeyArn())).as(rp.recoveryPointArn()).isPresent());
    }

    @Test
    void filesEveryKeyUnderItsOwnersAccountAndRegion() {
        DemoEstate.places().forEach(p -> p.region().kmsKeys().forEach(k -> {
            assertThat(k.keyMetadata().awsAccountId()).isEqualTo(p.account().id());
            assertThat(k.keyMetadata().arn())
                    .isEqualTo("arn:aws:kms:" + p.regionName() + ":" + p.account().id() + ":key/" + k.keyMetadata().keyId());
            assertThat(k.aliases()).allSatisfy(alias -> assertThat(alias.targetKeyId()).isEqualTo(k.keyMetadata().keyId()));
        }));
        assertThat(DemoEstate.keys().map(k -> k.keyMetadata().arn()).distinct().count()).isEqualTo(DemoEstate.keys().count());
    }

    @Test
    void derivesProtectedResourcesFromTheirRecoveryPoints() {
        DemoEstate.places().forEach(p -> p.region().protectedResources().forEach(r -> {
            RecoveryPoint last = p.region().backupVaults().stream().flatMap(v -> v.recoveryPoints().stream())
                    .filter(rp -> rp.resourceArn().equals(r.resourceArn()))
                    .max((a, b) -> a.creationDate().compareTo(b.creationDate())).orElseThrow();
            assertThat(r.lastRecoveryPointArn()).as(r.resourceArn()).isEqualTo(last.recoveryPointArn());
            assertThat(r.lastBackupTime()).isEqualTo(last.creationDate());
            assertThat(r.lastBackupVaultArn()).isEqualTo(last.backupVaultArn());
        }));
    }

    @Test
    void namesSsoUsersAsEveryApprover() {
        Set<String> userIds = ESTATE.ssoUsers().stream().map(SsoUser::userId).collect(Collectors.toSet());
        assertThat(ESTATE.ssoUsers()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(u -> assertThat(u.password()).isNotBlank());
        List<Approver> approvers = DemoEstate.places().flatMap(p -> p.region().mpaApprovalTeams().stream())
                .flatMap(t -> t.approvers().stream()).toList();
        assertThat(approvers).isNotEmpty().allSatisfy(a -> assertThat(userIds).contains(a.primaryIdentityId()));
        DemoEstate.places().flatMap(p -> p.region().mpaSessions().stream()).flatMap(s -> s.approverResponses().stream())
                .forEach(r -> assertThat(userIds).contains(r.identityId()));
    }

    @Test
    void letsAliceTakeBothRolesInEveryAccount() {
        SsoUser alice = ESTATE.ssoUsers().stream().filter(u -> u.userName().equals("alice")).findFirst().orElseThrow();
        Map<String, Set<String>> roles = alice.assignments().stream().collect(
                Collectors.groupingBy(SsoAssignment::accountId, Collectors.mapping(SsoAssignment::roleName, Collectors.toSet())));
        ESTATE.accounts().forEach(a -> {
            assertThat(a.roles()).extracting(AccountRole::roleName, AccountRole::access)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("AuditReadOnly", "read-only"),
                            org.assertj.core.groups.Tuple.tuple("BackupOperator", "operator"));
            assertThat(roles.get(a.id())).as(a.name()).containsExactlyInAnyOrder("AuditReadOnly", "BackupOperator");
        });
        Set<String> accountIds = ESTATE.accounts().stream().map(Account::id).collect(Collectors.toSet());
        ESTATE.ssoUsers().forEach(u -> u.assignments().forEach(s -> assertThat(accountIds).contains(s.accountId())));
    }

    @Test
    void teamsCountTheirApprovers() {
        DemoEstate.places().flatMap(p -> p.region().mpaApprovalTeams().stream()).forEach((ApprovalTeam t) ->
                assertThat(t.numberOfApprovers()).isEqualTo(t.approvers().size()));
    }

    @Test
    void reportsProtectedResourcesOnlyWhereTheyLive() {
        DemoEstate.places().forEach(p -> p.region().protectedResources().stream().map(ProtectedResource::resourceArn)
                .map(DemoEstate::accountOf).filter(a -> a != null)
                .forEach(a -> assertThat(a).isEqualTo(p.account().id())));
    }

    @Test
    void keepsKeyPoliciesAsKmsReturnsThem() {
        assertThat(DemoEstate.keys().map(KmsKey::policy))
                .allSatisfy(policy -> assertThat(policy).startsWith("{\n  \"Version\" : \"2012-10-17\""));
    }

    /** Members that landed in a record's {@code unknown} map: names the model does not know, likely typos. */
    private static void collectUnknownMembers(Object value, String path, List<String> found) {
        if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object member = read(c, record);
                if (c.getName().equals("unknown")) {
                    if (member != null) {
                        found.add(path + " " + ((Map<?, ?>) member).keySet());
                    }
                } else {
                    collectUnknownMembers(member, path + "." + c.getName(), found);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownMembers(list.get(i), path + "[" + i + "]", found);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownMembers(v, path + "." + k, found));
        } else if (value instanceof Fetched<?> fetched) {
            fetched.value().ifPresent(v -> collectUnknownMembers(v, path, found));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

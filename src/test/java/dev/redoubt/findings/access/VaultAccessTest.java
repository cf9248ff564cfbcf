package dev.redoubt.findings.access;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who can delete, shorten, re-write the policy of, or unlock one vault, on small estates in AWS's shapes. Semantics from
 * "Vault access policies" (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html: a
 * resource policy; cross-account access refused for every action but CopyIntoBackupVault) and Vault Lock
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html: governance and grace-time locks removable,
 * compliance locks past their LockDate immutable, air-gapped vaults always compliance-locked).
 */
class VaultAccessTest {
    static final String TAMPERING = "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"]";
    static final String EVERYTHING = "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\","
            + "\"backup:DeleteBackupVaultAccessPolicy\",\"backup:DeleteBackupVaultLockConfiguration\",\"backup:DeleteBackupVault\"]";

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String deny(String sid, String actions, String resource, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":" + actions + ",\"Resource\":" + resource
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static String allow(String sid, String principal, String actions) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + actions + ",\"Resource\":\"*\"}";
    }

    static String exempt(String account, String role) {
        return "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + account + ":role/" + role + "\"}}";
    }

    /** An estate with one vault to shape; {@link #access()} answers for it. */
    static final class Case {
        final EstateFixture f = new EstateFixture();
        final ObjectNode vault;

        Case(String account) {
            vault = f.vault(account, REGION, "v");
        }

        Case unlocked() {
            vault.put("Locked", false).remove(List.of("LockDate", "MinRetentionDays", "MaxRetentionDays"));
            return this;
        }

        Case governance() {
            vault.remove("LockDate");
            return this;
        }

        Case graceUntil(Instant lockDate) {
            vault.put("LockDate", lockDate.toString());
            return this;
        }

        Case policy(String p) {
            vault.put("AccessPolicy", p);
            return this;
        }

        Case noPolicy() {
            vault.putNull("AccessPolicy");
            return this;
        }

        Case policyNotRead() {
            vault.remove("AccessPolicy");
            return this;
        }

        VaultAccess access() {
            EstateIndex x = new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
            return VaultAccess.of(x, x.vault(arnOf(vault)));
        }
    }

    static Case prodVault() {
        return new Case(PROD);
    }

    static Case backupVault() {
        return new Case(BACKUP);
    }

    @Nested
    @DisplayName("Who can delete recovery points?")
    class DeleteRecoveryPoints {
        @Test
        @DisplayName("nobody under a compliance lock past its LockDate, whatever the policy, and the answer says since when")
        void nobodyUnderAnImmutableComplianceLock() {
            AccessAnswer a = prodVault().noPolicy().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).startsWith("Nobody: the vault has a compliance lock, immutable since 12 May 2026")
                    .contains("recovery points leave only when their retention ends");
            assertThat(a.who()).isEmpty();
        }

        @Test
        @DisplayName("nobody in a logically air-gapped vault, even with a lock date the estate does not hold")
        void nobodyInAnAirGappedVault() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(PROD, REGION, "lag");
            lag.remove("LockDate");
            lag.put("Locked", false);
            lag.putNull("AccessPolicy");
            EstateIndex x = new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
            AccessAnswer a = VaultAccess.of(x, x.vault(arnOf(lag))).deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).contains("logically air-gapped");
        }

        @Test
        @DisplayName("any principal of the workload account with IAM permission, when the vault has neither lock nor policy")
        void anyPrincipalOfTheAccountWithoutLockOrPolicy() {
            AccessAnswer a = prodVault().unlocked().noPolicy().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).isEqualTo("Any principal of shop-prod (222222222222, production) whose IAM policy allows backup:DeleteRecoveryPoint:"
                    + " the vault has neither a lock nor an access policy, so IAM permissions decide");
            assertThat(a.reasons()).anyMatch(r -> r.startsWith("Other accounts cannot"));
        }

        @Test
        @DisplayName("only the exempted break-glass role when a Deny to everyone else covers deletion and the policy's own removal")
        void onlyTheBreakGlassRole() {
            AccessAnswer a = backupVault().unlocked().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly("role BreakGlass of backup (333333333333, backup), if its IAM policy allows backup:DeleteRecoveryPoint");
            assertThat(a.answer()).startsWith("Only role BreakGlass").contains("the access policy denies it to every other principal");
            assertThat(a.denying()).containsExactly(0);
            assertThat(a.reasons()).anyMatch(r -> r.equals("backup:DeleteRecoveryPoint: statement DenyDelete denies it to every principal except"
                    + " arn:aws:iam::333333333333:role/BreakGlass"));
        }

        @Test
        @DisplayName("a Deny of deletion that leaves removing the policy open stops nobody: the path goes through DeleteBackupVaultAccessPolicy")
        void aDenyThatLeavesThePolicyRemovableStopsNobody() {
            AccessAnswer a = prodVault().unlocked().policy(policy(deny("DenyTampering", TAMPERING, "\"*\"", null))).access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).startsWith("Any principal of shop-prod (222222222222, production) whose IAM policy allows"
                    + " backup:DeleteBackupVaultAccessPolicy and backup:DeleteRecoveryPoint").contains("but not removing the policy itself");
            assertThat(a.denying()).containsExactly(0);
        }

        @Test
        @DisplayName("nobody when the policy denies deletion and its own removal and replacement to every principal, root included")
        void nobodyWhenEverythingIsDeniedToAll() {
            AccessAnswer a = prodVault().unlocked().policy(policy(deny("DenyAll", EVERYTHING, "\"*\"", null))).access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).isEqualTo("Nobody: the access policy denies backup:DeleteRecoveryPoint to every principal (statement DenyAll),"
                    + " and nobody can remove or replace the policy");
        }

        @Test
        @DisplayName("a governance lock must be removed first: the break-glass role needs DeleteBackupVaultLockConfiguration too")
        void governanceLockAddsTheLockRemoval() {
            AccessAnswer a = backupVault().governance().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly("role BreakGlass of backup (333333333333, backup), if its IAM policy allows"
                    + " backup:DeleteBackupVaultLockConfiguration and backup:DeleteRecoveryPoint");
            assertThat(a.answer()).endsWith("the governance lock can be removed first");
        }

        @Test
        @DisplayName("a compliance lock in its grace time can still be removed first, until its LockDate")
        void graceTimeLockCanBeRemovedFirst() {
            AccessAnswer a = prodVault().graceUntil(NOW.plus(Duration.ofDays(2))).noPolicy().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).contains("backup:DeleteBackupVaultLockConfiguration and backup:DeleteRecoveryPoint")
                    .contains("the compliance lock can still be removed first, until it becomes immutable on 30 Nov 2026, 09:00 UTC");
        }

        @Test
        @DisplayName("unknown, with AWS's reason, when the policy was not read and the lock does not decide")
        void unknownWhenThePolicyWasNotRead() {
            Case c = prodVault().unlocked().policyNotRead();
            ObjectNode err = c.f.account(PROD).withArray("ReadErrors").addObject();
            err.put("Scope", arnOf(c.vault)).put("Operation", "backup:GetBackupVaultAccessPolicy").put("ErrorCode", "AccessDeniedException")
                    .put("Message", "not authorized");
            AccessAnswer a = c.access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).isEqualTo("Unknown: the vault's access policy was not read (AccessDeniedException: not authorized)");
            assertThat(a.who()).isEmpty();
        }

        @Test
        @DisplayName("still nobody when the policy was not read but the compliance lock is immutable: the lock decides alone")
        void theImmutableLockDecidesWithoutThePolicy() {
            AccessAnswer a = prodVault().policyNotRead().access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
        }

        @Test
        @DisplayName("unknown when the policy is not a policy, with the parser's reason")
        void unknownWhenThePolicyCannotBeParsed() {
            VaultAccess access = prodVault().unlocked().policy("{not json").access();
            AccessAnswer a = access.deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).startsWith("Unknown: the vault's access policy cannot be read as a policy");
            assertThat(access.policyProblem()).isNotBlank();
        }

        @Test
        @DisplayName("unknown, never reassuring, when the lock was not read and the policy lets someone through")
        void unknownWhenTheLockWasNotRead() {
            Case c = prodVault().noPolicy();
            c.vault.remove(List.of("Locked", "LockDate"));
            AccessAnswer a = c.access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).startsWith("Unknown: the vault's lock was not read; if it has none, any principal of shop-prod");
        }

        @Test
        @DisplayName("every principal of the account, whatever its IAM policy, when the policy allows deletion to \"*\"")
        void anyoneWhenThePolicyAllowsDeletionToEveryone() {
            AccessAnswer a = backupVault().unlocked().policy(policy(allow("OpenToAll", "\"*\"", "\"backup:DeleteRecoveryPoint\""))).access()
                    .deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.ANYONE);
            assertThat(a.answer()).startsWith("Every principal of backup (333333333333, backup), whatever its IAM policy (statement OpenToAll allows it)");
            assertThat(a.allowing()).containsExactly(0);
        }

        @Test
        @DisplayName("a Deny whose Resource misses the vault's EBS snapshots does not stop deleting them, and the reason names one")
        void aDenyThatMissesSomeRecoveryPointFormsStopsNothing() {
            Case c = prodVault().unlocked().policy(policy(deny("DenyBackupPoints", EVERYTHING, "\"arn:aws:backup:*:*:recovery-point:*\"", null),
                    deny("DenyPolicy", "[\"backup:DeleteBackupVaultAccessPolicy\",\"backup:PutBackupVaultAccessPolicy\"]", "\"*\"", null)));
            c.f.point(c.vault, EstateFixture.volume(PROD, REGION, "1"), NOW.minus(Duration.ofDays(1)))
                    .put("RecoveryPointArn", "arn:aws:ec2:eu-west-1::snapshot/snap-0aaa");
            AccessAnswer a = c.access().deleteRecoveryPoints();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.reasons()).anyMatch(r -> r.contains("the Deny does not cover recovery points such as arn:aws:ec2:eu-west-1::snapshot/snap-0aaa"));
        }

        @Test
        @DisplayName("other accounts never can, and an Allow naming one is reported as not honoured")
        void otherAccountsNeverCan() {
            AccessAnswer a = backupVault().unlocked().policy(policy(
                    deny("DenyDelete", EVERYTHING, "\"*\"", exempt(BACKUP, "BreakGlass")),
                    allow("LetProdDelete", "{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"}", "\"backup:DeleteRecoveryPoint\""))).access()
                    .deleteRecoveryPoints();
            assertThat(a.who()).noneMatch(w -> w.contains(PROD));
            assertThat(a.reasons()).anyMatch(r -> r.contains("statement LetProdDelete names shop-prod (222222222222, production)")
                    && r.endsWith("which AWS does not honour"));
        }
    }

    @Nested
    @DisplayName("Who can shorten their retention (change the lifecycle)?")
    class ChangeLifecycle {
        @Test
        @DisplayName("nobody under an immutable compliance lock")
        void nobodyUnderAnImmutableLock() {
            AccessAnswer a = backupVault().access().changeLifecycle();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).contains("immutable since");
        }

        @Test
        @DisplayName("a Deny of deletion alone leaves the lifecycle to any principal of the account with IAM permission")
        void aDenyOfDeletionAloneLeavesTheLifecycleOpen() {
            AccessAnswer a = backupVault().unlocked().policy(policy(deny("DenyDeleteOnly",
                    "[\"backup:DeleteRecoveryPoint\",\"backup:DeleteBackupVaultAccessPolicy\",\"backup:PutBackupVaultAccessPolicy\"]", "\"*\"", null)))
                    .access().changeLifecycle();
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.answer()).startsWith("Any principal of backup (333333333333, backup) whose IAM policy allows backup:UpdateRecoveryPointLifecycle:"
                    + " the access policy does not deny it; the vault is not locked");
        }

        @Test
        @DisplayName("only the break-glass role when the Deny covers lifecycle changes")
        void onlyBreakGlassWhenDenied() {
            AccessAnswer a = backupVault().unlocked().access().changeLifecycle();
            assertThat(a.who()).containsExactly("role BreakGlass of backup (333333333333, backup), if its IAM policy allows backup:UpdateRecoveryPointLifecycle");
        }

        @Test
        @DisplayName("unknown when the policy was not read under a governance lock")
        void unknownWithoutThePolicy() {
            AccessAnswer a = backupVault().governance().policyNotRead().access().changeLifecycle();
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).contains("the governance lock can be removed");
        }
    }

    @Nested
    @DisplayName("Who can change this access policy?")
    class ChangeVaultPolicy {
        @Test
        @DisplayName("only the break-glass role when Put and Delete are denied to all others; the lock does not matter")
        void onlyBreakGlassEvenUnderAnImmutableLock() {
            AccessAnswer a = backupVault().access().changeVaultPolicy();
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly("role BreakGlass of backup (333333333333, backup), if its IAM policy allows"
                    + " backup:PutBackupVaultAccessPolicy or backup:DeleteBackupVaultAccessPolicy");
            assertThat(a.denying()).containsExactly(0);
        }

        @Test
        @DisplayName("any principal allowed DeleteBackupVaultAccessPolicy when only Put is denied")
        void deletingThePolicyIsEnough() {
            AccessAnswer a = prodVault().policy(policy(deny("DenyTampering", TAMPERING, "\"*\"", null))).access().changeVaultPolicy();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).startsWith("Any principal of shop-prod (222222222222, production) whose IAM policy allows"
                    + " backup:DeleteBackupVaultAccessPolicy: the access policy does not deny it");
        }

        @Test
        @DisplayName("any principal of the account with IAM permission when there is no policy")
        void anyPrincipalWithoutAPolicy() {
            AccessAnswer a = prodVault().noPolicy().access().changeVaultPolicy();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).contains("backup:PutBackupVaultAccessPolicy or backup:DeleteBackupVaultAccessPolicy");
        }

        @Test
        @DisplayName("nobody when both are denied to every principal")
        void nobodyWhenBothAreDenied() {
            AccessAnswer a = prodVault().policy(policy(deny("Freeze", EVERYTHING, "\"*\"", null))).access().changeVaultPolicy();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).isEqualTo("Nobody: the access policy denies backup:PutBackupVaultAccessPolicy and"
                    + " backup:DeleteBackupVaultAccessPolicy to every principal (statement Freeze)");
        }

        @Test
        @DisplayName("unknown when the policy was not read, even under an immutable lock")
        void unknownWhenNotRead() {
            AccessAnswer a = prodVault().policyNotRead().access().changeVaultPolicy();
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).isEqualTo("Unknown: the vault's access policy was not read");
        }
    }

    @Nested
    @DisplayName("Who can remove the vault lock?")
    class RemoveLock {
        @Test
        @DisplayName("nobody once a compliance lock is past its LockDate")
        void nobodyOnceImmutable() {
            AccessAnswer a = prodVault().noPolicy().access().removeLock();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).startsWith("Nobody: the compliance lock is immutable since 12 May 2026");
        }

        @Test
        @DisplayName("any principal allowed DeleteBackupVaultLockConfiguration under a governance lock and no policy")
        void anyPrincipalUnderAGovernanceLock() {
            AccessAnswer a = prodVault().governance().noPolicy().access().removeLock();
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).startsWith("Any principal of shop-prod (222222222222, production) whose IAM policy allows"
                    + " backup:DeleteBackupVaultLockConfiguration").contains("a governance lock stays removable");
        }

        @Test
        @DisplayName("only the break-glass role under a grace-time lock when the policy denies it to the rest")
        void onlyBreakGlassInGraceTime() {
            AccessAnswer a = backupVault().graceUntil(NOW.plus(Duration.ofHours(30))).access().removeLock();
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.answer()).contains("the compliance lock is in its grace time until 29 Nov 2026, 15:00 UTC");
        }

        @Test
        @DisplayName("no lock to remove on an unlocked vault; unknown when Locked was not read")
        void noLockOrNotRead() {
            assertThat(prodVault().unlocked().access().removeLock().answer()).isEqualTo("There is no lock to remove: the vault is not locked");
            Case c = prodVault();
            c.vault.remove("Locked");
            assertThat(c.access().removeLock().reach()).isEqualTo(Reach.UNKNOWN);
        }

        @Test
        @DisplayName("nobody in an air-gapped vault")
        void nobodyAirGapped() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            EstateIndex x = new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
            AccessAnswer a = VaultAccess.of(x, x.vault(arnOf(lag))).removeLock();
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).contains("always compliance-locked");
        }
    }

    @Nested
    @DisplayName("The lock's state")
    class LockState {
        @Test
        @DisplayName("modes from Locked and LockDate, with the time left in the grace time")
        void modes() {
            assertThat(prodVault().access().lock().mode()).isEqualTo(VaultLock.Mode.COMPLIANCE_IMMUTABLE);
            assertThat(prodVault().governance().access().lock().mode()).isEqualTo(VaultLock.Mode.GOVERNANCE);
            assertThat(prodVault().unlocked().access().lock().mode()).isEqualTo(VaultLock.Mode.NONE);
            VaultLock grace = prodVault().graceUntil(NOW.plus(Duration.ofHours(50))).access().lock();
            assertThat(grace.mode()).isEqualTo(VaultLock.Mode.COMPLIANCE_GRACE);
            assertThat(grace.untilImmutable(NOW)).isEqualTo(Duration.ofHours(50));
            assertThat(grace.removable()).isTrue();
            assertThat(grace.stateText()).isEqualTo("grace time: immutable on 30 Nov 2026, 11:00 UTC");
            assertThat(prodVault().access().lock().untilImmutable(NOW)).isNull();
        }

        @Test
        @DisplayName("a lock date exactly now is immutable; a vault without Locked is not read")
        void edges() {
            assertThat(prodVault().graceUntil(NOW).access().lock().immutable()).isTrue();
            Case c = prodVault();
            c.vault.remove("Locked");
            assertThat(c.access().lock().mode()).isEqualTo(VaultLock.Mode.NOT_READ);
            assertThat(c.access().lock().locked()).isFalse();
        }

        @Test
        @DisplayName("retention bounds in words")
        void retention() {
            assertThat(prodVault().access().lock().retentionText()).isEqualTo("7 to 400 days");
            Case c = prodVault();
            c.vault.remove("MaxRetentionDays");
            assertThat(c.access().lock().retentionText()).isEqualTo("at least 7 days");
            assertThat(prodVault().unlocked().access().lock().retentionText()).isEqualTo("—");
        }
    }

    @Nested
    @DisplayName("Is there a safe copy elsewhere?")
    class SafeCopy {
        final EstateFixture f = new EstateFixture();
        final String vol = EstateFixture.volume(PROD, REGION, "1");
        final ObjectNode source = f.vault(PROD, REGION, "shop");

        SafeCopies judge() {
            EstateIndex x = new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
            return SafeCopies.of(x, x.vault(arnOf(source)));
        }

        @Test
        @DisplayName("yes: a copy in a compliance-locked vault of another account and another region")
        void yesInAnotherAccountAndRegion() {
            f.point(source, vol, NOW.minus(Duration.ofDays(1)));
            f.point(f.vault(BACKUP, OTHER_REGION, "dr"), vol, NOW.minus(Duration.ofDays(1)));
            SafeCopies s = judge();
            assertThat(s.verdict()).isEqualTo(SafeCopies.Verdict.ALL);
            assertThat(s.answer()).isEqualTo("Yes: its resource has a copy in dr (backup, eu-central-1), locked for good in another account and region");
        }

        @Test
        @DisplayName("no: a copy in another account but the same region does not count")
        void sameRegionDoesNotCount() {
            f.point(source, vol, NOW.minus(Duration.ofDays(1)));
            f.point(f.vault(BACKUP, REGION, "central"), vol, NOW.minus(Duration.ofDays(1)));
            assertThat(judge().verdict()).isEqualTo(SafeCopies.Verdict.NONE);
        }

        @Test
        @DisplayName("no, with the nearest: a copy under a governance lock can be removed")
        void governanceLockedCopyIsNotSafe() {
            f.point(source, vol, NOW.minus(Duration.ofDays(1)));
            ObjectNode dr = f.vault(BACKUP, OTHER_REGION, "dr");
            dr.remove("LockDate");
            f.point(dr, vol, NOW.minus(Duration.ofDays(1)));
            SafeCopies s = judge();
            assertThat(s.verdict()).isEqualTo(SafeCopies.Verdict.NONE);
            assertThat(s.answer()).endsWith("the nearest: dr (backup, eu-central-1), but its governance lock can be removed");
        }

        @Test
        @DisplayName("partly: one of two resources is copied; expired copies do not count")
        void partlyAndExpired() {
            String other = EstateFixture.volume(PROD, REGION, "2");
            f.point(source, vol, NOW.minus(Duration.ofDays(1)));
            f.point(source, other, NOW.minus(Duration.ofDays(1)));
            ObjectNode dr = f.vault(BACKUP, OTHER_REGION, "dr");
            f.point(dr, vol, NOW.minus(Duration.ofDays(1)));
            f.point(dr, other, NOW.minus(Duration.ofDays(40))); // past its 35 days
            SafeCopies s = judge();
            assertThat(s.verdict()).isEqualTo(SafeCopies.Verdict.SOME);
            assertThat(s.covered()).isEqualTo(1);
            assertThat(s.resources()).isEqualTo(2);
            assertThat(s.reasons()).anyMatch(r -> r.startsWith("Without a safe copy: volume/vol-2"));
        }

        @Test
        @DisplayName("unknown when the vault's recovery points were not read; nothing to copy in an empty vault")
        void unknownAndEmpty() {
            assertThat(judge().verdict()).isEqualTo(SafeCopies.Verdict.NO_RECOVERY_POINTS);
            source.remove("RecoveryPoints");
            assertThat(judge().verdict()).isEqualTo(SafeCopies.Verdict.UNKNOWN);
        }
    }

    @Nested
    @DisplayName("Agreement with the checks on the Northwind demo")
    class Demo {
        final EstateIndex x = new EstateIndex(NorthwindDemo.build(), FindingsSettings.DEFAULTS, Instant.now());
        final List<Result> results = new Auditor(Checks.all()).run(NorthwindDemo.build(), FindingsSettings.DEFAULTS, Instant.now()).results();

        Result result(String check, String arn) {
            return results.stream().filter(r -> r.checkId().equals(check) && arn.equals(r.resourceArn())).findFirst().orElseThrow();
        }

        @Test
        @DisplayName("ACC-01 at LOW (deletion already blocked) means nobody can delete; at HIGH, someone can")
        void acc01Agrees() {
            int compared = 0;
            for (VaultRef v : x.vaults()) {
                if (!v.isJudged() || v.vault().accessPolicy() == null) {
                    continue;
                }
                Result acc01 = result("ACC-01", v.arn());
                AccessAnswer a = VaultAccess.of(x, v).deleteRecoveryPoints();
                if (acc01.status() == Status.FAIL && acc01.severity() == Severity.LOW || acc01.status() == Status.PASS && VaultAccess.of(x, v).lock().immutable()) {
                    assertThat(a.reach()).as(v.arn()).isEqualTo(Reach.NOBODY);
                    compared++;
                } else if (acc01.status() == Status.FAIL) {
                    assertThat(a.reach()).as(v.arn()).isIn(Reach.WORKLOAD_ACCOUNTS, Reach.BACKUP_DOMAIN_ONLY, Reach.ANYONE);
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(5);
        }

        @Test
        @DisplayName("shop-prod: its governance lock and a removable policy leave deletion to the shop account")
        void shopProd() {
            VaultRef v = x.vault("arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod");
            VaultAccess access = VaultAccess.of(x, v);
            assertThat(access.deleteRecoveryPoints().reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(access.deleteRecoveryPoints().answer()).contains("backup:DeleteBackupVaultAccessPolicy, backup:DeleteBackupVaultLockConfiguration"
                    + " and backup:DeleteRecoveryPoint");
            assertThat(result("ACC-02", v.arn()).status()).isEqualTo(Status.FAIL);
            assertThat(SafeCopies.of(x, v).answer()).contains("central-eu-central-1 (northwind-backup, eu-central-1), but its compliance lock can still be removed");
        }
    }
}

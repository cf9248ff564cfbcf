package dev.redoubt.estate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks what the JSON reader cannot: references between parts of an estate (a recovery point's
 * vault, a vault's key, an SSO user's roles) and identifiers that must agree with where they are filed.
 */
public final class EstateValidator {
    public static final String AWS_OWNED_KEY = "AWS_OWNED_KMS_KEY";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{1,32}");

    public List<EstateProblem> validate(Estate estate) {
        Run run = new Run(estate);
        run.check();
        return List.copyOf(run.problems);
    }

    public static boolean hasErrors(List<EstateProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == EstateProblem.Severity.ERROR);
    }

    private static final class Run {
        private final Estate estate;
        private final List<EstateProblem> problems = new ArrayList<>();
        private final Set<String> keyArns = new HashSet<>();
        private final Set<String> unreadScopes = new HashSet<>();
        private final Set<String> vaultArns = new HashSet<>();
        private final Map<String, Set<String>> rolesByAccount = new HashMap<>();

        Run(Estate estate) {
            this.estate = estate;
        }

        void error(String path, String message) {
            problems.add(new EstateProblem(EstateProblem.Severity.ERROR, path, message));
        }

        /** The problems of one recovery point of a vault (the caller found at least one). */
        private void point(String pp, RecoveryPoint p, BackupVault vault, boolean listedTwice) {
            if (p == null) {
                error(pp, "expected a recovery point object, found null");
                return;
            }
            if (p.recoveryPointArn() == null) {
                error(pp + ".RecoveryPointArn", "missing; every recovery point needs its ARN");
            } else if (p.recoveryPointArn().isBlank()) {
                error(pp + ".RecoveryPointArn", "empty; every recovery point needs its ARN");
            } else if (listedTwice) {
                error(pp + ".RecoveryPointArn", "recovery point " + p.recoveryPointArn() + " is listed twice in this vault");
            }
            if (p.backupVaultArn() != null && vault.backupVaultArn() != null && !p.backupVaultArn().equals(vault.backupVaultArn())) {
                error(pp + ".BackupVaultArn", "names vault " + p.backupVaultArn() + " but the recovery point is filed under "
                        + vault.backupVaultArn() + "; move it to its vault");
            } else if (p.backupVaultName() != null && vault.backupVaultName() != null && !p.backupVaultName().equals(vault.backupVaultName())) {
                error(pp + ".BackupVaultName", "names vault \"" + p.backupVaultName() + "\" but the recovery point is filed under \""
                        + vault.backupVaultName() + "\"; move it to its vault");
            }
        }

        void warn(String path, String message) {
            problems.add(new EstateProblem(EstateProblem.Severity.WARNING, path, message));
        }

        void check() {
            if (estate.accounts() == null) {
                error("$.Accounts", "missing; an estate lists its accounts (an empty list is allowed)");
                return;
            }
            index();
            checkOrganization();
            Set<String> seenAccounts = new HashSet<>();
            for (int ai = 0; ai < estate.accounts().size(); ai++) {
                Account account = estate.accounts().get(ai);
                String ap = "$.Accounts[" + ai + "]";
                if (account == null) {
                    error(ap, "expected an account object, found null");
                    continue;
                }
                if (account.id() == null || !ACCOUNT_ID.matcher(account.id()).matches()) {
                    error(ap + ".Id", "expected a 12-digit account ID, found " + quote(account.id()));
                } else if (!seenAccounts.add(account.id())) {
                    error(ap + ".Id", "account " + account.id() + " is listed twice; merge the two entries");
                }
                List<AccountRole> roles = nonNull(account.roles());
                for (int i = 0; i < roles.size(); i++) {
                    require(ap + ".Roles[" + i + "]", "RoleName", roles.get(i).roleName(), "role");
                }
                if (account.regions() == null) {
                    continue;
                }
                account.regions().forEach((regionName, region) -> checkRegion(account, regionName, region, ap + ".Regions." + regionName));
            }
            checkSsoUsers();
        }

        private void index() {
            for (Account account : estate.accounts()) {
                if (account == null) {
                    continue;
                }
                collectReadErrors(account.readErrors());
                Set<String> roles = new HashSet<>();
                if (account.roles() != null) {
                    account.roles().forEach(r -> roles.add(r.roleName()));
                }
                rolesByAccount.put(account.id(), roles);
                if (account.regions() == null) {
                    continue;
                }
                for (Region region : account.regions().values()) {
                    if (region == null) {
                        continue;
                    }
                    collectReadErrors(region.readErrors());
                    for (KmsKey key : nonNull(region.kmsKeys())) {
                        if (key != null && key.keyMetadata() != null && key.keyMetadata().arn() != null) {
                            keyArns.add(key.keyMetadata().arn());
                        }
                    }
                    for (BackupVault vault : nonNull(region.backupVaults())) {
                        if (vault != null && vault.backupVaultArn() != null) {
                            vaultArns.add(vault.backupVaultArn());
                        }
                    }
                }
            }
        }

        private void checkOrganization() {
            Organization org = estate.organization();
            if (org == null) {
                return;
            }
            if (org.id() != null && !ORGANIZATION_ID.matcher(org.id()).matches()) {
                error("$.Organization.Id", "expected an organization ID such as \"o-exampleorg1\" (o- and up to 32 lowercase letters or"
                        + " digits), found " + quote(org.id()));
            }
            if (org.masterAccountId() != null && !ACCOUNT_ID.matcher(org.masterAccountId()).matches()) {
                error("$.Organization.MasterAccountId", "expected a 12-digit account ID, found " + quote(org.masterAccountId()));
            }
        }

        /**
         * An identifier AWS always returns and the sandbox serves the object by: present and not empty.
         * {@code path} is the object's, {@code member} the identifier's name in the file.
         */
        private boolean require(String path, String member, String value, String what) {
            if (value == null) {
                error(path + "." + member, "missing; every " + what + " needs its " + member);
                return false;
            }
            if (value.isBlank()) {
                error(path + "." + member, "empty; every " + what + " needs its " + member);
                return false;
            }
            return true;
        }

        /** Checks that every object of a list has its identifier; {@code id} reads it. */
        private <T> void requireAll(String listPath, List<T> list, String member, Function<T, String> id, String what) {
            for (int i = 0; i < list.size(); i++) {
                require(listPath + "[" + i + "]", member, id.apply(list.get(i)), what);
            }
        }

        private void collectReadErrors(List<ReadError> errors) {
            for (ReadError e : nonNull(errors)) {
                if (e != null && e.scope() != null) {
                    unreadScopes.add(e.scope());
                }
            }
        }

        private void checkRegion(Account account, String regionName, Region region, String rp) {
            if (!REGION.matcher(regionName).matches()) {
                error(rp, "\"" + regionName + "\" is not a region name (such as eu-west-1)");
            }
            if (region == null) {
                error(rp, "expected a region object, found null");
                return;
            }
            List<BackupVault> vaults = nonNull(region.backupVaults());
            for (int vi = 0; vi < vaults.size(); vi++) {
                checkVault(account, regionName, vaults.get(vi), rp + ".BackupVaults[" + vi + "]");
            }
            List<KmsKey> keys = nonNull(region.kmsKeys());
            for (int ki = 0; ki < keys.size(); ki++) {
                KmsKey key = keys.get(ki);
                String kp = rp + ".KmsKeys[" + ki + "]";
                if (key == null || key.keyMetadata() == null || key.keyMetadata().arn() == null) {
                    error(kp + ".KeyMetadata.Arn", "missing; every key needs its ARN");
                    continue;
                }
                expectPlacement(kp + ".KeyMetadata.Arn", key.keyMetadata().arn(), account.id(), regionName, "key");
            }
            List<BackupPlan> plans = nonNull(region.backupPlans());
            for (int i = 0; i < plans.size(); i++) {
                String pp = rp + ".BackupPlans[" + i + "]";
                require(pp, "BackupPlanId", plans.get(i).backupPlanId(), "backup plan");
                requireAll(pp + ".Selections", nonNull(plans.get(i).selections()), "SelectionId", BackupSelection::selectionId, "backup selection");
            }
            requireAll(rp + ".ProtectedResources", nonNull(region.protectedResources()), "ResourceArn", ProtectedResource::resourceArn,
                    "protected resource");
            List<RestoreTestingPlan> tests = nonNull(region.restoreTestingPlans());
            for (int i = 0; i < tests.size(); i++) {
                String tp = rp + ".RestoreTestingPlans[" + i + "]";
                require(tp, "RestoreTestingPlanName", tests.get(i).restoreTestingPlanName(), "restore testing plan");
                requireAll(tp + ".Selections", nonNull(tests.get(i).selections()), "RestoreTestingSelectionName",
                        RestoreTestingSelection::restoreTestingSelectionName, "restore testing selection");
            }
            requireAll(rp + ".RestoreJobs", nonNull(region.restoreJobs()), "RestoreJobId", RestoreJob::restoreJobId, "restore job");
            requireAll(rp + ".CopyJobs", nonNull(region.copyJobs()), "CopyJobId", CopyJob::copyJobId, "copy job");
            requireAll(rp + ".LegalHolds", nonNull(region.legalHolds()), "LegalHoldId", LegalHold::legalHoldId, "legal hold");
            requireAll(rp + ".Frameworks", nonNull(region.frameworks()), "FrameworkName", Framework::frameworkName, "framework");
            requireAll(rp + ".ReportPlans", nonNull(region.reportPlans()), "ReportPlanName", ReportPlan::reportPlanName, "report plan");
            requireAll(rp + ".MpaApprovalTeams", nonNull(region.mpaApprovalTeams()), "Arn", ApprovalTeam::arn, "approval team");
            requireAll(rp + ".MpaSessions", nonNull(region.mpaSessions()), "SessionArn", ApprovalSession::sessionArn, "approval session");
        }

        private void checkVault(Account account, String regionName, BackupVault vault, String vp) {
            if (vault == null) {
                error(vp, "expected a vault object, found null");
                return;
            }
            if (vault.backupVaultName() == null) {
                error(vp + ".BackupVaultName", "missing; every vault needs its name");
            } else if (vault.backupVaultName().isBlank()) {
                error(vp + ".BackupVaultName", "empty; every vault needs its name");
            }
            if (vault.backupVaultArn() == null) {
                error(vp + ".BackupVaultArn", "missing; every vault needs its ARN");
            } else {
                expectPlacement(vp + ".BackupVaultArn", vault.backupVaultArn(), account.id(), regionName, "vault");
            }
            String keyArn = vault.encryptionKeyArn();
            if (keyArn != null && !AWS_OWNED_KEY.equals(vault.encryptionKeyType())
                    && !keyArns.contains(keyArn) && !unreadScopes.contains(keyArn)) {
                error(vp + ".EncryptionKeyArn", "refers to key " + keyArn + ", which is not in the estate; add it under its"
                        + " account's KmsKeys, or name it in a ReadErrors entry if it could not be read");
            }
            if (vault.sourceBackupVaultArn() != null && !vaultArns.contains(vault.sourceBackupVaultArn())) {
                warn(vp + ".SourceBackupVaultArn", "refers to vault " + vault.sourceBackupVaultArn() + ", which is not in the estate");
            }
            List<RecoveryPoint> points = nonNull(vault.recoveryPoints());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < points.size(); i++) {
                RecoveryPoint p = points.get(i);
                boolean listedTwice = p != null && p.recoveryPointArn() != null && !p.recoveryPointArn().isBlank() && !seen.add(p.recoveryPointArn());
                if (p == null || p.recoveryPointArn() == null || p.recoveryPointArn().isBlank() || listedTwice
                        || p.backupVaultArn() != null && vault.backupVaultArn() != null && !p.backupVaultArn().equals(vault.backupVaultArn())
                        || p.backupVaultName() != null && vault.backupVaultName() != null && !p.backupVaultName().equals(vault.backupVaultName())) {
                    point(vp + ".RecoveryPoints[" + i + "]", p, vault, listedTwice); // its path is spelled only for a problem (200,000 points)
                }
            }
            if (vault.numberOfRecoveryPoints() != null && vault.recoveryPoints() != null
                    && vault.numberOfRecoveryPoints() != points.size() && !unreadScopes.contains(vault.backupVaultArn())) {
                warn(vp + ".NumberOfRecoveryPoints", "says " + vault.numberOfRecoveryPoints() + " but " + points.size() + " are listed");
            }
        }

        private void checkSsoUsers() {
            List<SsoUser> users = nonNull(estate.ssoUsers());
            Set<String> ids = new HashSet<>();
            for (int ui = 0; ui < users.size(); ui++) {
                SsoUser user = users.get(ui);
                String up = "$.SsoUsers[" + ui + "]";
                if (user == null || user.userId() == null) {
                    error(up + ".UserId", "missing; every SSO user needs a UserId");
                    continue;
                }
                if (!ids.add(user.userId())) {
                    error(up + ".UserId", "user " + user.userId() + " is listed twice");
                }
                List<SsoAssignment> assignments = nonNull(user.assignments());
                for (int i = 0; i < assignments.size(); i++) {
                    SsoAssignment a = assignments.get(i);
                    Set<String> roles = rolesByAccount.get(a.accountId());
                    String p = up + ".Assignments[" + i + "]";
                    if (roles == null) {
                        error(p + ".AccountId", "refers to account " + quote(a.accountId()) + ", which is not in the estate");
                    } else if (!roles.contains(a.roleName())) {
                        error(p + ".RoleName", "refers to role " + quote(a.roleName()) + ", which account " + a.accountId()
                                + " does not declare in its Roles");
                    }
                }
            }
            if (users.isEmpty()) {
                return;
            }
            for (int ai = 0; ai < estate.accounts().size(); ai++) {
                Account account = estate.accounts().get(ai);
                if (account == null || account.regions() == null) {
                    continue;
                }
                for (var entry : account.regions().entrySet()) {
                    List<ApprovalTeam> teams = entry.getValue() == null ? List.of() : nonNull(entry.getValue().mpaApprovalTeams());
                    for (int ti = 0; ti < teams.size(); ti++) {
                        List<Approver> approvers = nonNull(teams.get(ti).approvers());
                        for (int i = 0; i < approvers.size(); i++) {
                            String id = approvers.get(i).primaryIdentityId();
                            if (id != null && !ids.contains(id)) {
                                warn("$.Accounts[" + ai + "].Regions." + entry.getKey() + ".MpaApprovalTeams[" + ti + "].Approvers[" + i
                                        + "].PrimaryIdentityId", "names " + quote(id) + ", who is not among SsoUsers, so no one can vote as this approver in the sandbox");
                            }
                        }
                    }
                }
            }
        }

        private void expectPlacement(String path, String arn, String accountId, String region, String what) {
            Arn parsed = Arn.parse(arn);
            if (parsed == null) {
                error(path, quote(arn) + " is not an ARN");
                return;
            }
            if (!parsed.region().equals(region) || !parsed.account().equals(accountId)) {
                error(path, "the " + what + " ARN names account " + parsed.account() + " in " + parsed.region()
                        + ", but it is filed under account " + accountId + " in " + region);
            }
        }
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}

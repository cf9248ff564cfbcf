package dev.redoubt.findings.access;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.MGMT;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.ORG;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.arnOfKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.access.AccessAnswer.Question;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The console's answers about a key: who can decrypt, administer, disable or delete it, from the key
 * policy (KMS "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html:
 * the account's root delegates to its IAM), conditions (kms:CallerAccount, kms:ViaService,
 * aws:PrincipalOrgID), Deny statements and grants.
 */
class KeyAccessTest {
    static final String OWN_ROOT = "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + BACKUP
            + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    static final String OWN_PHRASE = "Any principal of backup (" + BACKUP + ", backup) whose IAM allows it";
    static final String PROD_NAME = "shop-prod (" + PROD + ", production)";

    final KeyAccess access = new KeyAccess();

    /** A fixture with one customer-managed key of the backup account whose policy holds these statements. */
    static final class OneKey {
        final EstateFixture f = new EstateFixture();
        final ObjectNode key = f.key(BACKUP, REGION);

        OneKey(String... statements) {
            key.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        }

        OneKey grant(String grantee, String constraints, String... operations) {
            ObjectNode g = key.withArray("Grants").addObject();
            g.put("KeyId", arnOfKey(key)).put("GrantId", "0123456789abcdef0123456789abcdef").put("Name", "")
                    .put("CreationDate", "2026-06-03T11:42:00Z").put("GranteePrincipal", grantee).put("RetiringPrincipal", grantee)
                    .put("IssuingAccount", "arn:aws:iam::" + BACKUP + ":root");
            operations(g, operations);
            if (constraints != null) {
                g.putObject("Constraints").putObject("EncryptionContextEquals").put("aws:backup:source-resource", constraints);
            }
            return this;
        }

        private static void operations(ObjectNode g, String... ops) {
            var a = g.putArray("Operations");
            for (String op : ops) {
                a.add(op);
            }
        }

        EstateIndex index() {
            return new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
        }

        AccessAnswer ask(Question q) {
            EstateIndex x = index();
            return new KeyAccess().answer(x, x.key(arnOfKey(key)), q);
        }
    }

    static String allow(String sid, String principal, String actions, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + actions + ",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static String aws(String arn) {
        return "{\"AWS\":\"" + arn + "\"}";
    }

    static String root(String account) {
        return aws("arn:aws:iam::" + account + ":root");
    }

    @Nested
    @DisplayName("Who can decrypt with the key?")
    class Decrypt {
        @Test
        @DisplayName("the account's root delegates to its IAM: any principal of the backup account whose IAM allows it; the backup domain only")
        void ownRootDelegatesToTheAccountsIam() {
            AccessAnswer a = new OneKey(OWN_ROOT).ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly(OWN_PHRASE);
            assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("Statement 'Enable IAM User Permissions' gives the account's root (arn:aws:iam::"
                    + BACKUP + ":root) kms:Decrypt").contains("IAM policies decide"));
            assertThat(a.answer()).isEqualTo("No workload account can decrypt with the key; only backup.");
            assertThat(a.allowing()).containsExactly(0);
            assertThat(a.denying()).isEmpty();
        }

        @Test
        @DisplayName("a statement that gives the production account's root: workload accounts can, named with name, ID and role")
        void productionRootIsAWorkloadAccount() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Shop", root(PROD), "\"kms:Decrypt\"", null)).ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.who()).first().isEqualTo("Any principal of " + PROD_NAME + " whose IAM allows it");
            assertThat(a.answer()).startsWith("Workload accounts can decrypt with the key: shop-prod.").contains("Also: backup.");
            assertThat(a.allowing()).containsExactlyInAnyOrder(0, 1);
        }

        @Test
        @DisplayName("\"*\" with no condition: anyone, outside the organization included; the accounts it reaches through that statement alone are not listed again")
        void anyPrincipalIsAnyone() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Open", "\"*\"", "\"kms:Decrypt\"", null)).ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.ANYONE);
            assertThat(a.who()).containsExactly("Anyone: any AWS principal, outside the organization included", OWN_PHRASE);
            assertThat(a.reasons()).contains("Statement 'Open' lets any AWS principal (\"*\") kms:Decrypt");
        }

        @Test
        @DisplayName("kms:CallerAccount confines \"*\" to the key's own account: its principals can, with no IAM policy needed")
        void callerAccountConfinesToTheOwnAccount() {
            AccessAnswer a = new OneKey(allow("Own", "\"*\"", "\"kms:Decrypt\"", "{\"StringEquals\":{\"kms:CallerAccount\":\"" + BACKUP + "\"}}"))
                    .ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly("Any principal of backup (" + BACKUP + ", backup)");
            assertThat(a.reasons()).contains("Statement 'Own' lets any AWS principal (\"*\") kms:Decrypt when kms:CallerAccount is " + BACKUP);
        }

        @Test
        @DisplayName("kms:ViaService: a principal allowed only through AWS Backup is named so, with the region")
        void viaServiceIsOnlyThroughAwsBackup() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("ShopThroughBackup", root(PROD), "\"kms:Decrypt\"",
                    "{\"StringEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\"}}")).ask(Question.DECRYPT);
            assertThat(a.who()).contains("Any principal of " + PROD_NAME + " whose IAM allows it, only through AWS Backup in eu-west-1");
            assertThat(a.answer()).contains("shop-prod (only through AWS Backup)");
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
        }

        @Test
        @DisplayName("kms:ViaService naming another service and region: probed through the service the condition names")
        void viaServiceNamesTheServiceTheConditionNames() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("ShopThroughEc2", root(PROD), "\"kms:Decrypt\"",
                    "{\"StringEquals\":{\"kms:ViaService\":\"ec2.us-east-1.amazonaws.com\"}}")).ask(Question.DECRYPT);
            assertThat(a.who()).contains("Any principal of " + PROD_NAME + " whose IAM allows it, only through Amazon EC2 in us-east-1");
        }

        @Test
        @DisplayName("aws:PrincipalOrgID of the organization: every account of it, nobody outside")
        void principalOrgIdKeepsOutsidersOut() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Org", "\"*\"", "\"kms:Decrypt\"", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}"))
                    .ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.who()).noneMatch(w -> w.startsWith("Anyone"))
                    .contains("Any principal of " + PROD_NAME + " whose IAM allows it", "Any principal of management (" + MGMT + ", management) whose IAM allows it");
        }

        @Test
        @DisplayName("aws:PrincipalOrgID of another organization: its principals, named by the organization")
        void principalOrgIdOfAnotherOrganization() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Partner", "\"*\"", "\"kms:Decrypt\"", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-partner123\"}}"))
                    .ask(Question.DECRYPT);
            assertThat(a.who()).contains("Any principal of the organization o-partner123 (not yours)");
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
        }

        @Test
        @DisplayName("a Deny statement keeps the production account out, and is marked as deciding")
        void denyStatementsCount() {
            String deny = "{\"Sid\":\"OnlyBackup\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"" + BACKUP + "\"}}}";
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Shop", root(PROD), "\"kms:Decrypt\"", null), deny).ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly(OWN_PHRASE);
            assertThat(a.denying()).containsExactly(2);
            assertThat(a.reasons()).anySatisfy(r -> assertThat(r).startsWith("Statement 'OnlyBackup' denies kms:Decrypt to ")
                    .contains("any principal of shop-prod").contains("when aws:PrincipalAccount is not " + BACKUP));
        }

        @Test
        @DisplayName("a role of the account named beside the account's root: not listed again, the account's line says it")
        void namedRoleOfAnAccountWholeAllowedIsNotRepeated() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Admin", aws("arn:aws:iam::" + BACKUP + ":role/Admin"), "\"kms:Decrypt\"", null))
                    .ask(Question.DECRYPT);
            assertThat(a.who()).containsExactly(OWN_PHRASE);
        }

        @Test
        @DisplayName("a role of another account named in the policy: that role, if its own IAM allows it")
        void namedRoleOfAnotherAccount() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Restore", aws("arn:aws:iam::" + PROD + ":role/Restore"), "\"kms:Decrypt\"", null))
                    .ask(Question.DECRYPT);
            assertThat(a.who()).contains("Role Restore of " + PROD_NAME + ", if its IAM allows it");
            assertThat(a.reasons()).contains("Statement 'Restore' names arn:aws:iam::" + PROD + ":role/Restore for kms:Decrypt");
        }

        @Test
        @DisplayName("an active grant gives its grantee Decrypt whatever the policy says, with its constraints and retiring principal")
        void grantsCount() {
            String grantee = "arn:aws:iam::" + PROD + ":role/reporting";
            AccessAnswer a = new OneKey(OWN_ROOT).grant(grantee, "arn:aws:rds:eu-west-1:" + PROD + ":db:orders", "Decrypt", "DescribeKey")
                    .ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.who()).contains("Role reporting of " + PROD_NAME + ", through a grant");
            assertThat(a.reasons()).anySatisfy(r -> assertThat(r).startsWith("Grant 0123456789ab… (created 3 Jun 2026) gives " + grantee + " Decrypt, DescribeKey")
                    .contains("only with the encryption context aws:backup:source-resource=arn:aws:rds").endsWith("the grantee may retire it"));
        }

        @Test
        @DisplayName("a grant without Decrypt gives no decryption")
        void grantWithoutDecryptDoesNotCount() {
            AccessAnswer a = new OneKey(OWN_ROOT).grant("arn:aws:iam::" + PROD + ":role/describer", null, "DescribeKey").ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly(OWN_PHRASE);
        }

        @Test
        @DisplayName("grants that were not read are said to be missing, not taken as none")
        void unreadGrantsAreSaid() {
            OneKey k = new OneKey(OWN_ROOT);
            k.key.remove("Grants");
            assertThat(k.ask(Question.DECRYPT).reasons()).anySatisfy(r -> assertThat(r).contains("grants were not read"));
        }

        @Test
        @DisplayName("a disabled key: nobody can decrypt until it is enabled again, and the answer says so first")
        void disabledKeyIsSaid() {
            OneKey k = new OneKey(OWN_ROOT);
            ((ObjectNode) k.key.get("KeyMetadata")).put("KeyState", "Disabled").put("Enabled", false);
            assertThat(k.ask(Question.DECRYPT).reasons().get(0)).startsWith("The key is disabled: nobody can decrypt with it until someone enables it again");
        }

        @Test
        @DisplayName("a policy that was not read: UNKNOWN with AWS's reason, the grantees it knows of still named")
        void unreadPolicyIsUnknown() {
            OneKey k = new OneKey(OWN_ROOT).grant("arn:aws:iam::" + BACKUP + ":role/restore", null, "Decrypt");
            k.key.remove("Policy");
            k.f.region(BACKUP, REGION).putArray("ReadErrors").addObject().put("Scope", arnOfKey(k.key)).put("Operation", "kms:GetKeyPolicy")
                    .put("ErrorCode", "AccessDeniedException").put("Message", "not authorized to perform kms:GetKeyPolicy");
            AccessAnswer a = k.ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.answer()).isEqualTo("Not known: the key policy was not read.");
            assertThat(a.reasons().get(0)).isEqualTo("The key policy could not be read: AccessDeniedException: not authorized to perform kms:GetKeyPolicy (kms:GetKeyPolicy)");
            assertThat(a.who()).containsExactly("Role restore of backup (" + BACKUP + ", backup), through a grant");
        }

        @Test
        @DisplayName("a policy that is not JSON: UNKNOWN with the parser's reason, never NOBODY")
        void unparsablePolicyIsUnknown() {
            OneKey k = new OneKey();
            k.key.put("Policy", "{not json");
            AccessAnswer a = k.ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.UNKNOWN);
            assertThat(a.reasons().get(0)).startsWith("The key policy cannot be evaluated: the policy is not valid JSON");
        }

        @Test
        @DisplayName("a policy that allows nothing to anybody: nobody, with the reason")
        void nobody() {
            AccessAnswer a = new OneKey(allow("Describe", root(BACKUP), "\"kms:DescribeKey\"", null)).ask(Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).isEqualTo("Nobody can decrypt with the key.");
            assertThat(a.who()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Who can administer the key (its policy and grants)?")
    class Administer {
        @Test
        @DisplayName("the account's root: its IAM decides, for the policy and the grants")
        void ownRoot() {
            AccessAnswer a = new OneKey(OWN_ROOT).ask(Question.ADMINISTER_KEY);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly(OWN_PHRASE);
            assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("kms:PutKeyPolicy, kms:CreateGrant, kms:RevokeGrant"));
        }

        @Test
        @DisplayName("a production role allowed only to create grants: named with what it may do, and the answer says it is only that")
        void partialPowerIsNamed() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Grants", aws("arn:aws:iam::" + PROD + ":role/app"), "\"kms:CreateGrant\"", null))
                    .ask(Question.ADMINISTER_KEY);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.who()).contains("Role app of " + PROD_NAME + ", if its IAM allows it (create grants only)");
            assertThat(a.answer()).startsWith("Workload accounts can create grants on the key: shop-prod.");
        }

        @Test
        @DisplayName("kms:GrantIsForAWSResource: creating grants only for AWS resources counts as only through the service")
        void grantIsForAwsResource() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Attach", root(PROD), "[\"kms:CreateGrant\",\"kms:RevokeGrant\"]",
                    "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}")).ask(Question.ADMINISTER_KEY);
            assertThat(a.who()).contains("Any principal of " + PROD_NAME + " whose IAM allows it, only through AWS Backup in eu-west-1 (create grants, revoke grants only)");
        }

        @Test
        @DisplayName("a multi-region key: replicating it to another region counts as administering it")
        void multiRegionReplication() {
            OneKey k = new OneKey(OWN_ROOT, allow("Replicate", root(PROD), "\"kms:ReplicateKey\"", null));
            ((ObjectNode) k.key.get("KeyMetadata")).put("MultiRegion", true);
            AccessAnswer a = k.ask(Question.ADMINISTER_KEY);
            assertThat(a.answer()).startsWith("Workload accounts can replicate the key to another region: shop-prod.")
                    .endsWith("Also: backup.");
            assertThat(a.question()).isEqualTo(Question.ADMINISTER_KEY);
            assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("kms:PutKeyPolicy, kms:CreateGrant, kms:RevokeGrant, kms:ReplicateKey"));
            assertThat(a.who()).contains("Any principal of " + PROD_NAME + " whose IAM allows it (replicate the key only)");
            ((ObjectNode) k.key.get("KeyMetadata")).put("MultiRegion", false);
            assertThat(k.ask(Question.ADMINISTER_KEY).reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
        }

        @Test
        @DisplayName("a grant that gives CreateGrant lets its grantee pass the key on")
        void grantWithCreateGrant() {
            AccessAnswer a = new OneKey(OWN_ROOT).grant("arn:aws:iam::" + PROD + ":role/app", null, "Decrypt", "CreateGrant")
                    .ask(Question.ADMINISTER_KEY);
            assertThat(a.who()).contains("Role app of " + PROD_NAME + ", through a grant");
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
        }

        @Test
        @DisplayName("an AWS-managed key: its policy cannot be changed; only its grants, as its policy allows")
        void awsManagedKeyPolicyCannotChange() {
            OneKey k = new OneKey(OWN_ROOT);
            ((ObjectNode) k.key.get("KeyMetadata")).put("KeyManager", "AWS");
            AccessAnswer a = k.ask(Question.ADMINISTER_KEY);
            assertThat(a.answer()).isEqualTo("No workload account can change the key's grants; only backup.");
            assertThat(a.reasons()).contains("KMS refuses kms:PutKeyPolicy on an AWS-managed key, whatever its policy says");
        }
    }

    @Nested
    @DisplayName("Who can disable the key or schedule its deletion?")
    class DisableOrDelete {
        @Test
        @DisplayName("the account's root: its IAM decides")
        void ownRoot() {
            AccessAnswer a = new OneKey(OWN_ROOT).ask(Question.DISABLE_OR_DELETE_KEY);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.answer()).isEqualTo("No workload account can disable the key or schedule its deletion; only backup.");
        }

        @Test
        @DisplayName("a production role that may schedule deletion: workload accounts can")
        void productionRoleCanScheduleDeletion() {
            AccessAnswer a = new OneKey(OWN_ROOT, allow("Ops", aws("arn:aws:iam::" + PROD + ":role/ops"), "\"kms:ScheduleKeyDeletion\"", null))
                    .ask(Question.DISABLE_OR_DELETE_KEY);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.who()).first().isEqualTo("Role ops of " + PROD_NAME + ", if its IAM allows it (schedule deletion only)");
        }

        @Test
        @DisplayName("imported key material (Origin EXTERNAL): deleting it counts; for other keys it does not")
        void importedKeyMaterial() {
            OneKey k = new OneKey(OWN_ROOT, allow("Material", root(PROD), "\"kms:DeleteImportedKeyMaterial\"", null));
            assertThat(k.ask(Question.DISABLE_OR_DELETE_KEY).reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            ((ObjectNode) k.key.get("KeyMetadata")).put("Origin", "EXTERNAL");
            AccessAnswer a = k.ask(Question.DISABLE_OR_DELETE_KEY);
            assertThat(a.reach()).isEqualTo(Reach.WORKLOAD_ACCOUNTS);
            assertThat(a.answer()).startsWith("Workload accounts can delete the key's imported material: shop-prod.");
            assertThat(a.who()).contains("Any principal of " + PROD_NAME + " whose IAM allows it (delete the imported key material only)");
        }

        @Test
        @DisplayName("a Deny to all but a break-glass role: the others are kept out, the deny marked")
        void breakGlassDeny() {
            String deny = "{\"Sid\":\"DenyDeletion\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"kms:DisableKey\",\"kms:ScheduleKeyDeletion\"],"
                    + "\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/BreakGlass\"}}}";
            AccessAnswer a = new OneKey(OWN_ROOT, deny).ask(Question.DISABLE_OR_DELETE_KEY);
            assertThat(a.who()).containsExactly("Role BreakGlass of backup (" + BACKUP + ", backup)");
            assertThat(a.denying()).containsExactly(1);
            assertThat(a.allowing()).containsExactly(0);
        }

        @Test
        @DisplayName("an AWS-managed key: nobody, KMS refuses whatever its policy says")
        void awsManagedKey() {
            OneKey k = new OneKey(OWN_ROOT);
            ((ObjectNode) k.key.get("KeyMetadata")).put("KeyManager", "AWS");
            AccessAnswer a = k.ask(Question.DISABLE_OR_DELETE_KEY);
            assertThat(a.reach()).isEqualTo(Reach.NOBODY);
            assertThat(a.answer()).isEqualTo("Nobody can disable the key or schedule its deletion: AWS manages the key.");
        }

        @Test
        @DisplayName("a key already scheduled for deletion says so, with the date")
        void pendingDeletionIsSaid() {
            OneKey k = new OneKey(OWN_ROOT);
            ((ObjectNode) k.key.get("KeyMetadata")).put("KeyState", "PendingDeletion").put("DeletionDate", "2026-12-04T16:02:00Z");
            assertThat(k.ask(Question.DISABLE_OR_DELETE_KEY).reasons().get(0)).isEqualTo("The key is scheduled for deletion on 4 Dec 2026");
        }
    }

    @Nested
    @DisplayName("Keys the estate does not hold")
    class KeysNotHeld {
        @Test
        @DisplayName("an AWS-owned key: AWS holds it, nobody in the organization can disable it")
        void awsOwned() {
            EstateIndex x = new OneKey(OWN_ROOT).index();
            List<AccessAnswer> a = access.answers(x, null, EstateIndex.AWS_OWNED_KEY);
            assertThat(a).extracting(AccessAnswer::question).containsExactlyElementsOf(KeyAccess.QUESTIONS);
            assertThat(a).allSatisfy(ans -> assertThat(ans.reach()).isEqualTo(Reach.NOBODY));
            assertThat(a.get(2).answer()).contains("AWS holds the key, and nobody in the organization can disable it");
        }

        @Test
        @DisplayName("a key of an account that was not scanned: UNKNOWN, saying so")
        void keyOfAnotherAccount() {
            EstateIndex x = new OneKey(OWN_ROOT).index();
            List<AccessAnswer> a = access.answers(x, "arn:aws:kms:eu-west-1:444455556666:key/abc", "CUSTOMER_MANAGED_KMS_KEY");
            assertThat(a).allSatisfy(ans -> assertThat(ans.reach()).isEqualTo(Reach.UNKNOWN));
            assertThat(a.get(0).reasons()).containsExactly("The key belongs to account 444455556666 (outside the organization), which was not scanned");
        }

        @Test
        @DisplayName("a key of a scanned account that the scan did not find, or could not read")
        void keyNotFoundOrUnreadable() {
            OneKey k = new OneKey(OWN_ROOT);
            String missing = "arn:aws:kms:eu-west-1:" + PROD + ":key/missing";
            assertThat(access.answers(k.index(), missing, null).get(0).reasons())
                    .containsExactly("The key was not found in the scan of " + PROD_NAME + " in eu-west-1");
            k.f.region(PROD, REGION).putArray("ReadErrors").addObject().put("Scope", missing).put("Operation", "kms:DescribeKey")
                    .put("ErrorCode", "AccessDeniedException").put("Message", "denied");
            assertThat(access.answers(k.index(), missing, null).get(1).reasons())
                    .containsExactly("The key could not be read: AccessDeniedException: denied (kms:DescribeKey)");
        }

        @Test
        @DisplayName("a key the estate holds is answered from its policy, by key or alias ARN")
        void heldKeyIsAnswered() {
            OneKey k = new OneKey(OWN_ROOT);
            assertThat(access.answers(k.index(), arnOfKey(k.key), "CUSTOMER_MANAGED_KMS_KEY").get(0).who()).containsExactly(OWN_PHRASE);
        }

        @Test
        @DisplayName("only the three key questions can be asked of a key")
        void onlyKeyQuestions() {
            OneKey k = new OneKey(OWN_ROOT);
            EstateIndex x = k.index();
            assertThatThrownBy(() -> access.answer(x, x.key(arnOfKey(k.key)), Question.DELETE_RECOVERY_POINTS))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Who holds a key")
    class Kinds {
        @Test
        @DisplayName("KeyManager decides; without it an alias/aws/... alias says AWS-managed; else not read, never customer-managed by default")
        void kindOfAHeldKey() {
            OneKey k = new OneKey(OWN_ROOT);
            ObjectNode m = (ObjectNode) k.key.get("KeyMetadata");
            assertThat(kind(k)).isEqualTo(KeyKind.CUSTOMER_MANAGED);
            m.put("KeyManager", "AWS");
            assertThat(kind(k)).isEqualTo(KeyKind.AWS_MANAGED);
            m.remove("KeyManager");
            assertThat(kind(k)).isEqualTo(KeyKind.NOT_READ);
            k.key.withArray("Aliases").addObject().put("AliasName", "alias/aws/backup");
            assertThat(kind(k)).isEqualTo(KeyKind.AWS_MANAGED);
        }

        @Test
        @DisplayName("a vault's AWS_OWNED_KMS_KEY is AWS-owned; a key the estate does not hold is not read")
        void kindOfANamedKey() {
            EstateIndex x = new OneKey(OWN_ROOT).index();
            assertThat(KeyKind.of(x, null, EstateIndex.AWS_OWNED_KEY)).isEqualTo(KeyKind.AWS_OWNED);
            assertThat(KeyKind.of(x, "arn:aws:kms:eu-west-1:444455556666:key/x", "CUSTOMER_MANAGED_KMS_KEY")).isEqualTo(KeyKind.NOT_READ);
            assertThat(KeyKind.AWS_OWNED.text()).isEqualTo("AWS-owned");
        }

        private KeyKind kind(OneKey k) {
            EstateIndex x = k.index();
            return KeyKind.of(x.key(arnOfKey(k.key)).key());
        }
    }

    @Nested
    @DisplayName("On the Northwind demo")
    class Northwind {
        final EstateIndex x = new EstateIndex(NorthwindDemo.build(), FindingsSettings.DEFAULTS, NorthwindDemo.CAPTURED_AT);

        EstateIndex.KeyRef key(String alias, String account) {
            return x.keys().stream().filter(k -> k.accountId().equals(account) && k.key().aliases().stream().anyMatch(a -> a.aliasName().equals(alias)))
                    .findFirst().orElseThrow();
        }

        @Test
        @DisplayName("the US central key, opened to \"*\" while debugging copies: anyone can decrypt")
        void usCentralKeyIsOpenToAnyone() {
            AccessAnswer a = access.answer(x, key("alias/central-backup-us-east-1", "536470192834"), Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.ANYONE);
            assertThat(a.reasons()).contains("Statement 'AllowCrossAccountCopies' lets any AWS principal (\"*\") kms:Decrypt");
        }

        @Test
        @DisplayName("the keyed air-gapped vault's key: the security account, and the backup account only through AWS Backup")
        void airGapKey() {
            AccessAnswer a = access.answer(x, key("alias/central-airgap-keyed", "427365019283"), Question.DECRYPT);
            assertThat(a.reach()).isEqualTo(Reach.BACKUP_DOMAIN_ONLY);
            assertThat(a.who()).containsExactly("Any principal of northwind-security (427365019283, security) whose IAM allows it",
                    "Any principal of northwind-backup (536470192834, backup) whose IAM allows it, only through AWS Backup in eu-west-1");
        }

        @Test
        @DisplayName("an account's aws/backup key: only its own account, only through AWS Backup")
        void awsBackupKey() {
            AccessAnswer a = access.answer(x, key("alias/aws/backup", "645019283746"), Question.DECRYPT);
            assertThat(a.who()).containsExactly("Any principal of northwind-shop-prod (645019283746, production), only through AWS Backup in eu-west-1");
        }
    }
}

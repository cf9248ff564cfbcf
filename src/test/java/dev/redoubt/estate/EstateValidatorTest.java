package dev.redoubt.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateValidatorTest {
    private final EstateFile file = new EstateFile();
    private final EstateValidator validator = new EstateValidator();

    private ObjectNode minimal() throws IOException {
        return (ObjectNode) file.mapper().readTree(EstateFileTest.minimalJson());
    }

    private List<EstateProblem> validate(ObjectNode tree) {
        return validator.validate(file.fromTree(tree, "t.json"));
    }

    private static final String VAULT = "/Accounts/0/Regions/us-east-2/BackupVaults/0";

    @Test
    void acceptsTheFormatExample() throws IOException {
        assertThat(validate(minimal())).isEmpty();
    }

    @Test
    void refusesAVaultWhoseKeyIsNotInTheEstate() throws IOException {
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at(VAULT)).put("EncryptionKeyArn", "arn:aws:kms:us-east-2:444455556666:key/missing");
        List<EstateProblem> problems = validate(tree);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(EstateProblem.Severity.ERROR);
            assertThat(p.path()).isEqualTo("$.Accounts[0].Regions.us-east-2.BackupVaults[0].EncryptionKeyArn");
            assertThat(p.message()).contains("key/missing", "not in the estate");
        });
    }

    @Test
    void acceptsAMissingKeyThatIsAwsOwnedOrNamedInReadErrors() throws IOException {
        ObjectNode tree = minimal();
        ObjectNode vault = (ObjectNode) tree.at(VAULT);
        vault.put("EncryptionKeyArn", "arn:aws:kms:us-east-2:999999999999:key/other");
        ((ObjectNode) tree.at("/Accounts/0/Regions/us-east-2")).putArray("ReadErrors").addObject()
                .put("Scope", "arn:aws:kms:us-east-2:999999999999:key/other").put("Operation", "kms:DescribeKey")
                .put("ErrorCode", "AccessDeniedException").put("Message", "denied");
        assertThat(validate(tree)).isEmpty();
        ObjectNode owned = minimal();
        ((ObjectNode) owned.at(VAULT)).put("EncryptionKeyArn", "arn:aws:kms:us-east-2:000000000000:key/aws-owned")
                .put("EncryptionKeyType", "AWS_OWNED_KMS_KEY");
        assertThat(validate(owned)).isEmpty();
    }

    @Test
    void aPointListedTwiceIsNamedOnceAndAMisfiledOneIsNotCalledADuplicate() throws IOException {
        ObjectNode tree = minimal();
        com.fasterxml.jackson.databind.node.ArrayNode points = (com.fasterxml.jackson.databind.node.ArrayNode) tree.at(VAULT + "/RecoveryPoints");
        ObjectNode first = (ObjectNode) points.get(0);
        points.add(first.deepCopy());
        points.add(first.deepCopy().put("RecoveryPointArn", first.get("RecoveryPointArn").asText() + "-other")
                .put("BackupVaultArn", "arn:aws:backup:us-east-2:444455556666:backup-vault:other"));
        List<EstateProblem> problems = validate(tree);
        assertThat(problems).extracting(EstateProblem::path).contains(
                "$.Accounts[0].Regions.us-east-2.BackupVaults[0].RecoveryPoints[1].RecoveryPointArn",
                "$.Accounts[0].Regions.us-east-2.BackupVaults[0].RecoveryPoints[2].BackupVaultArn");
        assertThat(problems).filteredOn(p -> p.message().contains("listed twice")).singleElement()
                .satisfies(p -> assertThat(p.path()).contains("RecoveryPoints[1]"));
    }

    @Test
    void refusesARecoveryPointFiledUnderAnotherVault() throws IOException {
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at(VAULT + "/RecoveryPoints/0")).put("BackupVaultArn", "arn:aws:backup:us-east-2:444455556666:backup-vault:other");
        assertThat(validate(tree)).singleElement().satisfies(p ->
                assertThat(p.path()).isEqualTo("$.Accounts[0].Regions.us-east-2.BackupVaults[0].RecoveryPoints[0].BackupVaultArn"));
    }

    @Test
    void refusesAnAssignmentToAnUndeclaredRoleAndAMisfiledVault() throws IOException {
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at("/SsoUsers/0/Assignments/0")).put("RoleName", "Admin");
        ((ObjectNode) tree.at(VAULT)).put("BackupVaultArn", "arn:aws:backup:eu-west-1:444455556666:backup-vault:shop-daily");
        List<EstateProblem> problems = validate(tree);
        assertThat(problems).extracting(EstateProblem::path).contains(
                "$.SsoUsers[0].Assignments[0].RoleName", "$.Accounts[0].Regions.us-east-2.BackupVaults[0].BackupVaultArn");
        assertThat(EstateValidator.hasErrors(problems)).isTrue();
    }

    @Test
    void warnsWhenTheCountDisagreesWithTheList() throws IOException {
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at(VAULT)).put("NumberOfRecoveryPoints", 5);
        assertThat(validate(tree)).singleElement().satisfies(p -> assertThat(p.severity()).isEqualTo(EstateProblem.Severity.WARNING));
    }

    @Test
    void refusesObjectsWithoutTheIdentifierAwsAlwaysGives() throws IOException {
        String region = "/Accounts/0/Regions/us-east-2";
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at(region)).putArray("CopyJobs").addObject().put("State", "COMPLETED");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at(region + "/Frameworks")).addObject().put("FrameworkName", "");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at(region + "/BackupPlans")).addObject().put("BackupPlanId", "p-1")
                .putArray("Selections").addObject().put("BackupPlanId", "p-1");
        ((ObjectNode) tree.at("/Accounts/0/Roles/0")).remove("RoleName");
        List<EstateProblem> problems = validate(tree);
        assertThat(problems).extracting(EstateProblem::toString).contains(
                "error: $.Accounts[0].Regions.us-east-2.CopyJobs[0].CopyJobId: missing; every copy job needs its CopyJobId",
                "error: $.Accounts[0].Regions.us-east-2.Frameworks[0].FrameworkName: empty; every framework needs its FrameworkName",
                "error: $.Accounts[0].Regions.us-east-2.BackupPlans[0].Selections[0].SelectionId: missing; every backup selection needs its SelectionId",
                "error: $.Accounts[0].Roles[0].RoleName: missing; every role needs its RoleName");
    }

    @Test
    void refusesAnOrganizationIdOrManagementAccountThatIsNotOne() throws IOException {
        ObjectNode tree = minimal();
        ((ObjectNode) tree.at("/Organization")).put("Id", "").put("MasterAccountId", "12");
        assertThat(validate(tree)).extracting(EstateProblem::path).containsExactly("$.Organization.Id", "$.Organization.MasterAccountId");
    }
}

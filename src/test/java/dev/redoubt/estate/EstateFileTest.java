package dev.redoubt.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateFileTest {
    private final EstateFile file = new EstateFile();

    static String minimalJson() throws IOException {
        try (InputStream in = EstateFileTest.class.getResourceAsStream("/estates/minimal-estate.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Estate read(String json) throws IOException {
        return file.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "e.json");
    }

    @Test
    void readsTheFormatExample() throws IOException {
        Estate e = read(minimalJson());
        assertThat(e.format()).isEqualTo(EstateFile.FORMAT);
        assertThat(e.capturedAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
        Account a = e.accounts().get(0);
        assertThat(a.organizationalUnit()).isEqualTo("Workloads/Production");
        Region r = a.regions().get("us-east-2");
        BackupVault v = r.backupVaults().get(0);
        assertThat(v.locked()).isTrue();
        assertThat(v.lockDate()).isNull();
        assertThat(v.accessPolicy()).isNotNull().satisfies(p -> assertThat(p.isNone()).isTrue());
        assertThat(v.recoveryPoints()).hasSize(1);
        RecoveryPoint rp = v.recoveryPoints().get(0);
        assertThat(rp.lifecycle().deleteAfterDays()).isEqualTo(35L);
        assertThat(rp.calculatedLifecycle().deleteAt()).isEqualTo(Instant.parse("2026-11-04T05:00:00Z"));
        assertThat(rp.unknown()).isNull();
        assertThat(r.kmsKeys().get(0).keyMetadata().keyManager()).isEqualTo("AWS");
        assertThat(r.globalSettings()).containsEntry("isMpaEnabled", "false");
        assertThat(e.ssoUsers().get(0).assignments().get(0).roleName()).isEqualTo("AuditReadOnly");
    }

    @Test
    void roundTripsWithoutChange() throws IOException {
        Estate e = read(minimalJson());
        String once = file.writeString(e);
        Estate again = read(once);
        assertThat(again).isEqualTo(e);
        assertThat(file.writeString(again)).isEqualTo(once);
        JsonNode original = file.mapper().readTree(minimalJson());
        assertThat(file.mapper().readTree(once)).isEqualTo(original);
    }

    @Test
    void keepsUnknownMembersThroughARoundTrip() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ObjectNode vault = (ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0");
        vault.putObject("FutureMember").put("Nested", 1).putArray("List").add("x");
        ((ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0/RecoveryPoints/0")).put("NewFlag", true);
        tree.put("TopLevelNew", "kept");
        Estate e = read(tree.toString());
        assertThat(e.accounts().get(0).regions().get("us-east-2").backupVaults().get(0).unknown()).containsKey("FutureMember");
        JsonNode out = file.mapper().readTree(file.writeString(e));
        assertThat(out).isEqualTo(tree);
    }

    @Test
    void readsAndWritesTheIncompleteMarkerRightAfterCapturedAt() throws IOException {
        Estate complete = read(minimalJson());
        assertThat(complete.incomplete()).isNull();
        assertThat(file.writeString(complete)).doesNotContain("Incomplete");

        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        tree.putObject("Incomplete").put("Reason", "cancelled").put("At", "2026-10-01T08:03:00Z").put("Message", "stopped")
                .put("FutureMember", 7);
        Estate e = read(tree.toString());
        assertThat(e.incomplete().reason()).isEqualTo(Incomplete.CANCELLED);
        assertThat(e.incomplete().at()).isEqualTo(Instant.parse("2026-10-01T08:03:00Z"));
        assertThat(e.incomplete().message()).isEqualTo("stopped");
        assertThat(e.incomplete().unknown()).containsKey("FutureMember");
        assertThat(e.unknown()).isNull();
        String written = file.writeString(e);
        assertThat(file.mapper().readTree(written)).isEqualTo(tree);
        assertThat(file.mapper().readTree(written).fieldNames()).toIterable().containsSubsequence("CapturedAt", "Incomplete", "Organization");
        assertThat(read(written)).isEqualTo(e);
    }

    @Test
    void distinguishesNotReadFromNoneConfigured() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ObjectNode vault = (ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0");
        vault.remove("AccessPolicy");
        vault.put("Notifications", "x").remove("Notifications");
        Estate e = read(tree.toString());
        BackupVault v = e.accounts().get(0).regions().get("us-east-2").backupVaults().get(0);
        assertThat(v.accessPolicy()).isNull();
        assertThat(v.notifications()).isNull();
        assertThat(file.writeString(e)).doesNotContain("\"AccessPolicy\"");

        vault.put("AccessPolicy", "{\"Version\":\"2012-10-17\"}");
        v = read(tree.toString()).accounts().get(0).regions().get("us-east-2").backupVaults().get(0);
        assertThat(v.accessPolicy().value()).contains("{\"Version\":\"2012-10-17\"}");
    }

    @Test
    void acceptsEpochSecondsAndOffsetsAndWritesUtc() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ObjectNode rp = (ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0/RecoveryPoints/0");
        rp.put("CreationDate", 1790000000.5);
        rp.put("CompletionDate", "2021-09-24T12:25:43.030000-07:00");
        RecoveryPoint p = read(tree.toString()).accounts().get(0).regions().get("us-east-2").backupVaults().get(0).recoveryPoints().get(0);
        assertThat(p.creationDate()).isEqualTo(Instant.ofEpochSecond(1790000000L, 500_000_000));
        assertThat(p.completionDate()).isEqualTo(Instant.parse("2021-09-24T19:25:43.030Z"));
        assertThat(file.writeString(read(tree.toString()))).contains("\"CompletionDate\": \"2021-09-24T19:25:43.030Z\"");
    }

    @Test
    void namesThePathAndWhatWasExpected() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0")).put("Locked", "yes");
        assertThatThrownBy(() -> read(tree.toString()))
                .isInstanceOf(EstateFormatException.class)
                .hasMessage("e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].Locked: expected true or false, found the string \"yes\"");
    }

    @Test
    void refusesAStringWhereANumberBelongsAndABadTimestamp() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0/RecoveryPoints/0")).put("BackupSizeInBytes", "large");
        assertThatThrownBy(() -> read(tree.toString()))
                .hasMessageContaining("$.Accounts[0].Regions.us-east-2.BackupVaults[0].RecoveryPoints[0].BackupSizeInBytes: expected a whole number");
        ObjectNode t2 = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) t2.at("/Accounts/0")).put("JoinedTimestamp", "last tuesday");
        assertThatThrownBy(() -> read(t2.toString()))
                .hasMessageContaining("$.Accounts[0].JoinedTimestamp: expected a timestamp");
        ObjectNode t3 = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) t3.at("/Accounts/0")).put("Regions", 5);
        assertThatThrownBy(() -> read(t3.toString()))
                .hasMessageContaining("$.Accounts[0].Regions: expected an object, found the number 5");
    }

    private static final String REGION = "/Accounts/0/Regions/us-east-2";

    private void refuses(ObjectNode tree, String message) {
        assertThatThrownBy(() -> read(tree.toString())).isInstanceOf(EstateFormatException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void refusesANullInAnyListWithItsPathAndWhatBelongsThere() throws IOException {
        String[][] lists = {
            {REGION + "/ProtectedResources", "$.Accounts[0].Regions.us-east-2.ProtectedResources[1]: null is not a protected resource"},
            {REGION + "/CopyJobs", "$.Accounts[0].Regions.us-east-2.CopyJobs[1]: null is not a copy job"},
            {REGION + "/BackupPlans", "$.Accounts[0].Regions.us-east-2.BackupPlans[1]: null is not a backup plan"},
            {REGION + "/MpaApprovalTeams", "$.Accounts[0].Regions.us-east-2.MpaApprovalTeams[1]: null is not an approval team"},
            {REGION + "/KmsKeys/0/Aliases", "$.Accounts[0].Regions.us-east-2.KmsKeys[0].Aliases[1]: null is not an alias"},
            {REGION + "/KmsKeys/0/Grants", "$.Accounts[0].Regions.us-east-2.KmsKeys[0].Grants[1]: null is not a grant"},
            {REGION + "/BackupVaults/0/RecoveryPoints", "$.Accounts[0].Regions.us-east-2.BackupVaults[0].RecoveryPoints[1]: null is not a recovery point"},
            {"/Accounts/0/Roles", "$.Accounts[0].Roles[1]: null is not a role"},
            {"/SsoUsers/0/Assignments", "$.SsoUsers[0].Assignments[1]: null is not an assignment"},
        };
        for (String[] list : lists) {
            ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) tree.at(list[0]);
            array.addNull();
            refuses(tree, "e.json: " + list[1].replace("[1]:", "[" + (array.size() - 1) + "]:") + "; remove it from the list (or give the object)");
        }
        ObjectNode tags = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) tags.at(REGION + "/BackupVaults/0")).putObject("Tags").putNull("team");
        refuses(tags, "e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].Tags.team: null is not a string; remove it from the list (or give the value)");
    }

    @Test
    void refusesTimestampsOutsideTheYears1970To9999InsteadOfWrappingThem() throws IOException {
        String vault = REGION + "/BackupVaults/0";
        String range = " is outside the timestamps an estate may hold (1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z); give a date-time within it";
        ObjectNode huge = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) huge.at(vault)).put("CreationDate", new java.math.BigDecimal("1e300"));
        refuses(huge, "e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].CreationDate: the number 1E+300" + range);
        ObjectNode far = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) far.at(vault)).put("CreationDate", "+999999999-01-01T00:00:00Z");
        refuses(far, "e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].CreationDate: \"+999999999-01-01T00:00:00Z\"" + range);
        ObjectNode before = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) before.at(vault)).put("CreationDate", -1);
        refuses(before, "e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].CreationDate: the number -1" + range);
        ObjectNode edges = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) edges.at(vault)).put("CreationDate", 0).put("LockDate", "9999-12-31T23:59:59Z");
        BackupVault v = read(edges.toString()).accounts().get(0).regions().get("us-east-2").backupVaults().get(0);
        assertThat(v.creationDate()).isEqualTo(Instant.EPOCH);
        assertThat(v.lockDate()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void refusesANumberTooLargeForItsMemberWithItsPath() throws IOException {
        ObjectNode tree = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) tree.at(REGION + "/BackupVaults/0")).put("NumberOfRecoveryPoints", java.math.BigInteger.TWO.pow(63));
        refuses(tree, "e.json: $.Accounts[0].Regions.us-east-2.BackupVaults[0].NumberOfRecoveryPoints: the number 9223372036854775808 is too"
                + " large for this member (at most 9223372036854775807)");
        ObjectNode rotation = (ObjectNode) file.mapper().readTree(minimalJson());
        ((ObjectNode) rotation.at(REGION + "/KmsKeys/0")).put("RotationPeriodInDays", Long.MAX_VALUE);
        refuses(rotation, "e.json: $.Accounts[0].Regions.us-east-2.KmsKeys[0].RotationPeriodInDays: the number 9223372036854775807 is too"
                + " large for this member (at most 2147483647)");
    }

    @Test
    void refusesAFileNestedDeeperThanAnyAwsShapeWithoutOverflowingTheStack() throws IOException {
        String deep = minimalJson().replaceFirst("\\{", "{\"Deep\": " + "[".repeat(100_000) + "]".repeat(100_000) + ",");
        assertThatThrownBy(() -> read(deep)).isInstanceOf(EstateFormatException.class)
                .hasMessageStartingWith("e.json: $.Deep: nested more than 200 levels deep");
    }

    @Test
    void refusesInvalidJsonWithLineAndColumn() {
        assertThatThrownBy(() -> read("{\n  \"Format\": \"redoubt-estate/1\",\n  \"Accounts\": [ }"))
                .isInstanceOf(EstateFormatException.class)
                .hasMessageStartingWith("e.json: line 3, column")
                .hasMessageContaining("not valid JSON");
    }

    /** A file cut short (a copy or a download that stopped) says where what it left open began, not Jackson's half sentence. */
    @Test
    void aFileCutShortSaysWhatWasLeftOpenAndWhere() {
        assertThatThrownBy(() -> read("{\"Format\":\"redoubt-estate/1\",\"Accounts\":[\n"))
                .isInstanceOf(EstateFormatException.class)
                .hasMessage("e.json: line 2, column 1: not valid JSON (the file ends inside the array opened at line 1, column 41: "
                        + "it may have been cut short); fix the file or regenerate it");
        assertThatThrownBy(() -> read("{\"Format\":\"redoubt-estate/1\",\n  \"Accounts\": [{\"Id\": \"1\""))
                .isInstanceOf(EstateFormatException.class)
                .hasMessageContaining("(the file ends inside the object opened at line 2, column 16: it may have been cut short)");
        assertThatThrownBy(() -> read("{\"Format\":\"redoubt-estate/1\",\"Accounts\":[{\"Id\": \"12"))
                .isInstanceOf(EstateFormatException.class)
                .hasMessageContaining("(the file ends inside a string: it may have been cut short)");
    }

    @Test
    void refusesUnknownOrMissingFormat() {
        assertThatThrownBy(() -> read("{\"Format\": \"redoubt-estate/9\", \"Accounts\": []}"))
                .hasMessageContaining("$.Format: unknown format \"redoubt-estate/9\"");
        assertThatThrownBy(() -> read("{\"Accounts\": []}"))
                .hasMessageContaining("$.Format: missing");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> file.read(missing))
                .isInstanceOf(EstateFormatException.class)
                .hasMessage(missing + ": no such file; check the path");
    }

    @Test
    void writesAtomicallyAndSharesRepeatedStrings(@TempDir Path dir) throws IOException {
        Estate e = read(minimalJson());
        Path out = dir.resolve("out.json");
        file.write(e, out);
        Estate back = file.read(out);
        assertThat(back).isEqualTo(e);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        BackupVault v = back.accounts().get(0).regions().get("us-east-2").backupVaults().get(0);
        assertThat(v.recoveryPoints().get(0).backupVaultArn()).isSameAs(v.backupVaultArn());
    }
}

package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsSettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsThresholdsAndRolesPerOrganizationOverTheDefaults() throws Exception {
        Path f = Files.writeString(dir.resolve("settings.json"), "{\"findings\":{\"thresholds\":{\"backupMaxAgeHours\":30},"
                + "\"accountRoles\":{\"111\":\"backup\"},\"organizations\":{\"o-1\":{\"thresholds\":{\"backupMaxAgeHours\":48},\"accountRoles\":{\"111\":\"SECURITY\"}}}}}");
        FindingsSettings s = FindingsSettingsFile.read(f, true);
        assertThat(s.thresholdsFor(null).backupMaxAgeHours()).isEqualTo(30);
        assertThat(s.thresholdsFor("o-1").backupMaxAgeHours()).isEqualTo(48);
        assertThat(s.thresholdsFor("o-2").recoveryPointMinRetentionDays()).isEqualTo(35);
        assertThat(s.accountRole(null, "111")).isEqualTo(AccountType.BACKUP);
        assertThat(s.accountRole("o-1", "111")).isEqualTo(AccountType.SECURITY);
    }

    @Test
    void writingKeepsEveryOtherMember() throws Exception {
        Path f = Files.writeString(dir.resolve("settings.json"), "{\"journal\":{\"keyFingerprint\":\"SHA256:abc\"},"
                + "\"findings\":{\"futureOption\":true,\"thresholds\":{\"maxRestoreMinutes\":1}}}");
        FindingsSettingsFile.write(f, new FindingsSettings(Map.of("maxRestoreMinutes", 240), Map.of("222", AccountType.PRODUCTION), Map.of()));
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        assertThat(root.at("/journal/keyFingerprint").asText()).isEqualTo("SHA256:abc");
        assertThat(root.at("/findings/futureOption").asBoolean()).isTrue();
        assertThat(root.at("/findings/thresholds/maxRestoreMinutes").asInt()).isEqualTo(240);
        assertThat(FindingsSettingsFile.read(f, true).accountRole(null, "222")).isEqualTo(AccountType.PRODUCTION);
    }

    @Test
    void aMissingDefaultFileGivesTheDefaultsButAMissingNamedFileIsRefused() throws Exception {
        assertThat(FindingsSettingsFile.read(dir.resolve("none.json"), false)).isEqualTo(FindingsSettings.DEFAULTS);
        assertThatThrownBy(() -> FindingsSettingsFile.read(dir.resolve("none.json"), true)).hasMessageContaining("no such file");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"findings\":{\"thresholds\":{\"copyMaxAgeDays\":\"seven\"}}}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(bad, true)).hasMessageContaining("findings.thresholds.copyMaxAgeDays: expected a whole number");
        Path zero = Files.writeString(dir.resolve("zero.json"), "{\"findings\":{\"thresholds\":{\"copyMaxAgeDays\":0}}}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(zero, true)).hasMessageContaining("must be a positive whole number");
        Path role = Files.writeString(dir.resolve("role.json"), "{\"findings\":{\"accountRoles\":{\"1\":\"boss\"}}}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(role, true)).hasMessageContaining("unknown account role \"boss\"");
    }

    @Test
    void refusesADeeplyNestedOrWronglyTypedSettingsFileInOneLine() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\"findings\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(deep, true)).isInstanceOf(FindingsSettingsFile.Invalid.class)
                .hasMessageStartingWith(deep + ": ").hasMessageContaining("nested more than");
        Path org = Files.writeString(dir.resolve("org.json"), "{\"findings\":{\"organizations\":{\"o-1\":[1,2]}}}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(org, true))
                .hasMessageContaining("findings.organizations.o-1: expected an object with thresholds and accountRoles");
        Path role = Files.writeString(dir.resolve("role2.json"), "{\"findings\":{\"accountRoles\":{\"111\":{\"x\":1}}}}");
        assertThatThrownBy(() -> FindingsSettingsFile.read(role, true)).hasMessageContaining("findings.accountRoles.111: expected a role name");
    }

    @Test
    void accountRolesComeFromTheOuPathByDefault() {
        assertThat(AccountType.fromOrganizationalUnit("Workloads/Production", false)).isEqualTo(AccountType.PRODUCTION);
        assertThat(AccountType.fromOrganizationalUnit("Infrastructure/Backup", false)).isEqualTo(AccountType.BACKUP);
        assertThat(AccountType.fromOrganizationalUnit("Security", false)).isEqualTo(AccountType.SECURITY);
        assertThat(AccountType.fromOrganizationalUnit("Workloads/Development", false)).isEqualTo(AccountType.WORKLOAD);
        assertThat(AccountType.fromOrganizationalUnit("Prod/Backup", false)).as("the deepest OU decides").isEqualTo(AccountType.BACKUP);
        assertThat(AccountType.fromOrganizationalUnit("", true)).isEqualTo(AccountType.MANAGEMENT);
        assertThat(AccountType.fromOrganizationalUnit(null, false)).isEqualTo(AccountType.WORKLOAD);
    }
}

package dev.redoubt.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringPoolTest {
    private static String share(StringPool pool, String s) {
        char[] buffer = ("xx" + s + "yy").toCharArray(); // as a parser holds it: inside a larger buffer
        return pool.share(buffer, 2, s.length());
    }

    @Test
    void repeatsAreSharedAndEveryValueStaysEqual() {
        StringPool pool = new StringPool();
        String vault = share(pool, "arn:aws:backup:us-east-1:200001000000:backup-vault:vault-00");
        assertSame(vault, share(pool, "arn:aws:backup:us-east-1:200001000000:backup-vault:vault-00"));
        assertEquals("", share(pool, ""));
        Random random = new Random(16);
        Map<String, String> firstSeen = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            String s = "arn:aws:backup:us-east-1:" + random.nextInt(50_000) + ":recovery-point:" + (random.nextBoolean() ? "a" : "é");
            String shared = share(pool, s);
            assertEquals(s, shared);
            firstSeen.putIfAbsent(s, shared);
        }
        assertEquals(firstSeen.size(), firstSeen.values().stream().distinct().count());
    }

    @Test
    void stringsWithTheSameHashAreNotConfused() {
        StringPool pool = new StringPool();
        String aa = share(pool, "Aa");
        String bb = share(pool, "BB"); // "Aa".hashCode() == "BB".hashCode(): one slot, two values
        assertEquals("Aa", aa);
        assertEquals("BB", bb);
        assertEquals("Aa", share(pool, "Aa"));
        assertNotSame(aa, bb);
    }

    @Test
    void aReadSharesTheVaultArnOfItsRecoveryPoints() throws Exception {
        String json = """
                {"Format": "redoubt-estate/1", "Accounts": [{"Id": "111122223333", "Regions": {"us-east-1": {"BackupVaults": [
                  {"BackupVaultName": "v", "BackupVaultArn": "arn:aws:backup:us-east-1:111122223333:backup-vault:v", "RecoveryPoints": [
                    {"RecoveryPointArn": "arn:aws:backup:us-east-1:111122223333:recovery-point:1",
                     "BackupVaultArn": "arn:aws:backup:us-east-1:111122223333:backup-vault:v", "Status": "COMPLETED"},
                    {"RecoveryPointArn": "arn:aws:backup:us-east-1:111122223333:recovery-point:2",
                     "BackupVaultArn": "arn:aws:backup:us-east-1:111122223333:backup-vault:v", "Status": "COMPLETED"}]}]}}}]}
                """;
        Estate estate = new EstateFile().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        var points = estate.accounts().get(0).regions().get("us-east-1").backupVaults().get(0).recoveryPoints();
        assertEquals("arn:aws:backup:us-east-1:111122223333:backup-vault:v", points.get(0).backupVaultArn());
        assertSame(points.get(0).backupVaultArn(), points.get(1).backupVaultArn());
        assertSame(points.get(0).status(), points.get(1).status());
        assertEquals("arn:aws:backup:us-east-1:111122223333:recovery-point:2", points.get(1).recoveryPointArn());
    }

    @Test
    void aReadSharesThePlanAndLifecycleItsRecoveryPointsRepeat() throws Exception {
        String point = """
                {"RecoveryPointArn": "arn:aws:backup:us-east-1:111122223333:recovery-point:%s",
                 "CreatedBy": {"BackupPlanId": "plan-%s", "BackupRuleId": "rule"},
                 "Lifecycle": {"DeleteAfterDays": %s}, "CalculatedLifecycle": {"DeleteAt": "2026-01-0%sT00:00:00Z"}}""";
        String json = """
                {"Format": "redoubt-estate/1", "Accounts": [{"Id": "111122223333", "Regions": {"us-east-1": {"BackupVaults": [
                  {"BackupVaultName": "v", "RecoveryPoints": [%s, %s, %s]}]}}}]}
                """.formatted(point.formatted("1", "a", "35", "1"), point.formatted("2", "a", "35", "2"), point.formatted("3", "b", "7", "3"));
        Estate estate = new EstateFile().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        var points = estate.accounts().get(0).regions().get("us-east-1").backupVaults().get(0).recoveryPoints();
        assertSame(points.get(0).createdBy(), points.get(1).createdBy());
        assertSame(points.get(0).lifecycle(), points.get(1).lifecycle());
        assertEquals("plan-b", points.get(2).createdBy().backupPlanId());
        assertEquals(7L, points.get(2).lifecycle().deleteAfterDays());
        assertEquals(35L, points.get(1).lifecycle().deleteAfterDays());
        assertNotSame(points.get(0).calculatedLifecycle(), points.get(1).calculatedLifecycle());
    }
}

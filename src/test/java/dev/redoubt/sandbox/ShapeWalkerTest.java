package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.RecoveryPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.mpa.model.GetSessionResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** The generic walker: estate JSON to SDK objects and back, and each protocol's wire form, with no operation named. */
class ShapeWalkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode point() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"RecoveryPointArn": "arn:aws:ec2:eu-west-1::snapshot/snap-1", "BackupVaultName": "v", "ResourceType": "EBS",
                 "CreatedBy": {"BackupPlanId": "p-1", "BackupRuleId": "r-1"}, "Status": "COMPLETED",
                 "CreationDate": "2026-11-27T05:00:00.250Z", "CompletionDate": "2026-11-27T06:00:00+01:00",
                 "BackupSizeInBytes": 53687091200, "IsEncrypted": true, "Lifecycle": {"DeleteAfterDays": 35},
                 "CalculatedLifecycle": {"DeleteAt": 1798000000}, "Tags": {"ours": "not an SDK member"}, "Unknown": [1, 2]}""");
    }

    @Test
    void mapsEstateJsonToSdkObjectsShiftingEveryTimestampAndBack() throws Exception {
        RecoveryPointByBackupVault p = ShapeWalker.toSdk(RecoveryPointByBackupVault.builder(), point(), t -> t.plus(Duration.ofHours(1)));
        assertThat(p.creationDate()).isEqualTo(Instant.parse("2026-11-27T06:00:00.250Z"));
        assertThat(p.completionDate()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(p.calculatedLifecycle().deleteAt()).isEqualTo(Instant.ofEpochSecond(1798000000).plus(Duration.ofHours(1)));
        assertThat(p.createdBy().backupRuleId()).isEqualTo("r-1");
        assertThat(p.backupSizeInBytes()).isEqualTo(53687091200L);
        JsonNode back = ShapeWalker.toJson(p);
        assertThat(back.path("CreationDate").asText()).isEqualTo("2026-11-27T06:00:00.250Z");
        assertThat(back.path("Lifecycle").path("DeleteAfterDays").asLong()).isEqualTo(35);
        assertThat(back.has("Tags")).isFalse();
        assertThat(back.has("ParentRecoveryPointArn")).as("absent members stay absent").isFalse();
        // and the estate model reads what the walker writes
        RecoveryPoint record = new EstateFile().mapper().treeToValue(back, RecoveryPoint.class);
        assertThat(record.creationDate()).isEqualTo(Instant.parse("2026-11-27T06:00:00.250Z"));
    }

    @Test
    void refusesValuesThatDoNotFitTheirShapeNamingWhere() throws Exception {
        ObjectNode bad = point();
        ((ObjectNode) bad.get("Lifecycle")).put("DeleteAfterDays", "soon");
        assertThatThrownBy(() -> ShapeWalker.toSdk(RecoveryPointByBackupVault.builder(), bad, UnaryOperator.identity()))
                .isInstanceOf(ShapeWalker.ShapeException.class).hasMessage("expected a whole number")
                .satisfies(e -> assertThat(((ShapeWalker.ShapeException) e).path()).isEqualTo("Lifecycle.DeleteAfterDays"));
    }

    @Test
    void writesJsonProtocolsWithEpochSecondsAndTheSameBytesWithOrWithoutTheSdkObject() throws Exception {
        ObjectNode page = JSON.createObjectNode();
        page.putArray("RecoveryPoints").add(point());
        byte[] direct = Wire.json(g -> ShapeWalker.writeJsonTree(ListRecoveryPointsByBackupVaultResponse.builder().sdkFields(), page, g,
                ShapeWalker.Timestamps.EPOCH_SECONDS, UnaryOperator.identity(), ShapeWalker.Where.ROOT));
        ListRecoveryPointsByBackupVaultResponse sdk = ShapeWalker.toSdk(ListRecoveryPointsByBackupVaultResponse.builder(), page,
                UnaryOperator.identity());
        byte[] viaSdk = Wire.json(g -> ShapeWalker.writeJson(sdk, g, ShapeWalker.Timestamps.EPOCH_SECONDS));
        assertThat(new String(direct, StandardCharsets.UTF_8)).isEqualTo(new String(viaSdk, StandardCharsets.UTF_8));
        JsonNode wire = JSON.readTree(direct).path("RecoveryPoints").get(0);
        assertThat(wire.path("CreationDate").decimalValue()).isEqualByComparingTo("1795755600.25");
        assertThat(wire.path("CompletionDate").isIntegralNumber()).isTrue();
        assertThat(wire.has("Tags")).isFalse();
    }

    @Test
    void honoursAMembersOwnTimestampFormatAndWritesQueryXml() throws Exception {
        ObjectNode session = (ObjectNode) JSON.readTree("{\"SessionArn\": \"arn:s\", \"InitiationTime\": \"2026-11-28T09:00:00Z\"}");
        byte[] mpa = Wire.json(g -> ShapeWalker.writeJsonTree(GetSessionResponse.builder().sdkFields(), session, g,
                ShapeWalker.Timestamps.EPOCH_SECONDS, UnaryOperator.identity(), ShapeWalker.Where.ROOT));
        assertThat(new String(mpa, StandardCharsets.UTF_8)).contains("\"InitiationTime\":\"2026-11-28T09:00:00Z\"");
        GetSessionResponse sdkSession = ShapeWalker.toSdk(GetSessionResponse.builder(), session, UnaryOperator.identity());
        assertThat(ShapeWalker.toJson(sdkSession).has("ApproverResponses")).as("an absent list is not an empty one").isFalse();
        AssumeRoleResponse assumed = ShapeWalker.toSdk(AssumeRoleResponse.builder(), JSON.readTree("""
                {"Credentials": {"AccessKeyId": "ASIA1", "SecretAccessKey": "s<&>", "SessionToken": "t", "Expiration": "2026-11-28T10:00:00Z"},
                 "AssumedRoleUser": {"AssumedRoleId": "AROA1:x", "Arn": "arn:aws:sts::1:assumed-role/R/x"}}"""), UnaryOperator.identity());
        StringBuilder xml = new StringBuilder();
        ShapeWalker.writeXml(assumed, xml);
        assertThat(xml.toString()).isEqualTo("<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s&lt;&amp;&gt;</SecretAccessKey>"
                + "<SessionToken>t</SessionToken><Expiration>2026-11-28T10:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROA1:x</AssumedRoleId><Arn>arn:aws:sts::1:assumed-role/R/x</Arn></AssumedRoleUser>");
    }

    @Test
    void readsInstantToStringsByHandAsInstantParseDoesAndLeavesOtherSpellingsToIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    switch (i % 4) { case 0 -> 0; case 1 -> random.nextInt(1000) * 1_000_000; case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000); });
            assertThat(ShapeWalker.plainIsoInstant(t.toString())).as(t.toString()).isEqualTo(t);
            assertThat(ShapeWalker.parseInstant(t.toString())).isEqualTo(t);
        }
        assertThat(ShapeWalker.plainIsoInstant("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        for (String other : java.util.List.of("2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z",
                "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z", "2024-01-01t00:00:00Z", "+10000-01-01T00:00:00Z",
                "2024-01-01T00:00:00+01:00", "2024-01-01T00:00Z")) {
            assertThat(ShapeWalker.plainIsoInstant(other)).as(other).isNull();
        }
        assertThat(ShapeWalker.parseInstant("2023-02-29T00:00:00Z")).isNull();
    }

    @Test
    void writesEpochSecondsAsTheBigDecimalSpellsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(i < 2000 ? i - 1000 : random.nextLong(-62_167_219_200_000L, 253_402_300_799_000L))
                    .plusNanos(i % 3 == 0 ? random.nextInt(1_000_000) : 0);
            assertThat(ShapeWalker.epochSecondsString(t)).as(t.toString()).isEqualTo(ShapeWalker.epochSecondsText(t).toString());
        }
    }

    @Test
    void writesARecordOfAListingStraightToTheSameBytesAsItsTree() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new EstateFile().mapper();
        java.util.List<RecoveryPoint> points = new java.util.ArrayList<>();
        dev.redoubt.estate.Estate estate = new dev.redoubt.estate.generate.EstateGenerator(new EstateFile())
                .generate(new dev.redoubt.estate.generate.GeneratorSpec(2, 2, 2, 400, 7, null));
        estate.accounts().forEach(a -> a.regions().values().forEach(r -> r.backupVaults().forEach(v -> points.addAll(v.recoveryPoints()))));
        assertThat(points).hasSizeGreaterThan(300);
        ObjectNode full = point();
        points.add(mapper.treeToValue(full, RecoveryPoint.class)); // an unknown member: written through its tree
        full.remove("Unknown");
        full.put("IsParent", false).put("ResourceName", "").put("LastRestoreTime", "9999-12-31T23:59:59.000000001Z");
        ((ObjectNode) full.get("CreatedBy")).put("BackupPlanVersion", "v\u00e9\"\n");
        points.add(mapper.treeToValue(full, RecoveryPoint.class)); // every plain member, odd text and time: written straight
        points.add(new RecoveryPoint(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThat(RecordWire.fits(RecoveryPointByBackupVault.builder().sdkFields(), points.get(0))).isTrue();
        assertThat(RecordWire.fits(RecoveryPointByBackupVault.builder().sdkFields(), points.get(points.size() - 3))).isFalse();
        assertThat(RecordWire.fits(RecoveryPointByBackupVault.builder().sdkFields(), points.get(points.size() - 2))).isTrue();
        ObjectNode viaTree = JSON.createObjectNode();
        ObjectNode straight = JSON.createObjectNode();
        for (RecoveryPoint p : points) {
            viaTree.withArray("RecoveryPoints").add(mapper.valueToTree(p));
            straight.withArray("RecoveryPoints").add(RecordWire.node(p, mapper));
        }
        UnaryOperator<Instant> shift = t -> t.plus(Duration.ofDays(3).plusMillis(5));
        byte[] expected = Wire.json(g -> ShapeWalker.writeJsonTree(ListRecoveryPointsByBackupVaultResponse.builder().sdkFields(), viaTree, g,
                ShapeWalker.Timestamps.EPOCH_SECONDS, shift, ShapeWalker.Where.ROOT));
        byte[] actual = Wire.json(g -> ShapeWalker.writeJsonTree(ListRecoveryPointsByBackupVaultResponse.builder().sdkFields(), straight, g,
                ShapeWalker.Timestamps.EPOCH_SECONDS, shift, ShapeWalker.Where.ROOT));
        String a = new String(actual, StandardCharsets.UTF_8);
        String e = new String(expected, StandardCharsets.UTF_8);
        int at = 0;
        while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) {
            at++;
        }
        assertThat(a.substring(Math.max(0, at - 200), Math.min(a.length(), at + 100))).as("first difference at %d", at)
                .isEqualTo(e.substring(Math.max(0, at - 200), Math.min(e.length(), at + 100)));
        assertThat(a).isEqualTo(e);
        assertThat(a).contains("\"IsParent\":false", "\"ResourceName\":\"\"", "\"CreatedBy\":{");
    }
}

package dev.redoubt.aws.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.RecoveryPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/** The scan's recovery points made straight from the SDK's objects equal what the JSON tree made of them. */
class RecoveryPointRecordsTest {
    private final ObjectMapper mapper = new EstateFile().mapper();

    @Test
    void aFullyPopulatedPointBecomesTheRecordTheTreeGave() throws Exception {
        RecoveryPointByBackupVault sdk = (RecoveryPointByBackupVault) filled(RecoveryPointByBackupVault.builder(), "p");
        ObjectNode tree = SdkJson.toJson(sdk);
        RecoveryPoint viaTree = mapper.treeToValue(tree, RecoveryPoint.class);

        RecoveryPoint direct = new RecoveryPointRecords().of(sdk);

        assertEquals(viaTree, direct);
        assertEquals(mapper.writeValueAsString(viaTree), mapper.writeValueAsString(direct));
        // Every member the tree held is in the record, with the same value (both read back from their text).
        assertEquals(mapper.readTree(tree.toString()), mapper.readTree(mapper.writeValueAsString(direct)));
        assertNotNull(direct.createdBy().backupRuleTimezone());
        assertNotNull(direct.aggregatedScanResult());
    }

    @Test
    void aPointWithOnlyItsArnBecomesTheRecordTheTreeGave() throws Exception {
        RecoveryPointByBackupVault sdk = RecoveryPointByBackupVault.builder().recoveryPointArn("arn:aws:backup:eu-west-1:111122223333:recovery-point:1").build();
        RecoveryPoint viaTree = mapper.treeToValue(SdkJson.toJson(sdk), RecoveryPoint.class);

        assertEquals(viaTree, new RecoveryPointRecords().of(sdk));
    }

    @Test
    void repeatedValuesAreShared() {
        RecoveryPointRecords records = new RecoveryPointRecords();
        RecoveryPointByBackupVault a = (RecoveryPointByBackupVault) filled(RecoveryPointByBackupVault.builder(), "p");
        RecoveryPointByBackupVault b = a.toBuilder().recoveryPointArn("another").backupVaultArn(new String(a.backupVaultArn()))
                .createdBy(a.createdBy().toBuilder().backupPlanId(new String(a.createdBy().backupPlanId())).build()).build();

        RecoveryPoint first = records.of(a);
        RecoveryPoint second = records.of(b);

        assertSame(first.backupVaultArn(), second.backupVaultArn());
        assertSame(first.createdBy(), second.createdBy());
        assertSame(first.lifecycle(), second.lifecycle());
    }

    /** What a record does not name is kept as its unknown members, as the tree's reader kept them. */
    @Test
    void membersTheRecordDoesNotNameAreKeptAsUnknown() {
        RecoveryPointByBackupVault sdk = (RecoveryPointByBackupVault) filled(RecoveryPointByBackupVault.builder(), "p");
        List<SdkField<?>> extra = RecoveryPointRecords.extra(sdk, OnlyTheArn.class);

        Map<String, JsonNode> unknown = RecoveryPointRecords.unknown(sdk, extra);

        ObjectNode expected = SdkJson.toJson(sdk);
        expected.remove("RecoveryPointArn");
        assertEquals(expected, mapper.valueToTree(unknown));
        assertFalse(unknown.containsKey("RecoveryPointArn"));
        assertTrue(RecoveryPointRecords.extra(sdk, RecoveryPoint.class).isEmpty(), "the record names every member this SDK knows");
    }

    private record OnlyTheArn(@JsonProperty("RecoveryPointArn") String arn) {
    }

    /** A builder with every member the SDK knows set to a distinct value, nested shapes and lists included. */
    static SdkPojo filled(Object builder, String tag) {
        for (SdkField<?> f : ((SdkPojo) builder).sdkFields()) {
            f.set(builder, valueFor(f, tag + "." + f.memberName()));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object valueFor(SdkField<?> f, String tag) {
        MarshallingType<?> t = f.marshallingType();
        int n = Math.abs(tag.hashCode() % 1000) + 1;
        if (t == MarshallingType.STRING) {
            return tag;
        } else if (t == MarshallingType.INSTANT) {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n).plusNanos(n * 1000L);
        } else if (t == MarshallingType.LONG) {
            return 5_000_000_000L + n;
        } else if (t == MarshallingType.INTEGER) {
            return n;
        } else if (t == MarshallingType.BOOLEAN) {
            return n % 2 == 0;
        } else if (t == MarshallingType.DOUBLE) {
            return n + 0.5;
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return new BigDecimal(n + ".25");
        } else if (t == MarshallingType.SDK_POJO) {
            return filled(f.constructor().get(), tag);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            return List.of(valueFor(member, tag + "[0]"), valueFor(member, tag + "[1]"));
        } else if (t == MarshallingType.MAP) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            return Map.of("k1", valueFor(value, tag + ".k1"));
        }
        throw new AssertionError("no test value for " + f.memberName() + " of type " + t);
    }
}

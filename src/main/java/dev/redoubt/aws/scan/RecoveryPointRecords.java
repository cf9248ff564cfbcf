package dev.redoubt.aws.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.CalculatedLifecycle;
import dev.redoubt.estate.Lifecycle;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RecoveryPointCreator;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/**
 * ListRecoveryPointsByBackupVault's members straight to estate records, equal to what {@link SdkJson#toJson} and
 * EstateFile.fromTree made of them, without a JSON tree per point: a scan of 200,000 points then holds records, not trees.
 * Members the SDK knows and the record does not go into the record's {@code unknown}, as the tree kept them. Repeated
 * strings (vault, resource, role and key ARNs, types, statuses) and equal plan/rule and lifecycle records are shared
 * within one scan. Safe for concurrent use.
 */
final class RecoveryPointRecords {
    private static final List<SdkField<?>> POINT_EXTRA = extra(RecoveryPointByBackupVault.builder().build(), RecoveryPoint.class);
    private static final List<SdkField<?>> CREATOR_EXTRA = extra(
            software.amazon.awssdk.services.backup.model.RecoveryPointCreator.builder().build(), RecoveryPointCreator.class);
    private static final List<SdkField<?>> LIFECYCLE_EXTRA = extra(
            software.amazon.awssdk.services.backup.model.Lifecycle.builder().build(), Lifecycle.class);
    private static final List<SdkField<?>> CALCULATED_EXTRA = extra(
            software.amazon.awssdk.services.backup.model.CalculatedLifecycle.builder().build(), CalculatedLifecycle.class);

    private final Map<Object, Object> shared = new ConcurrentHashMap<>();

    RecoveryPoint of(RecoveryPointByBackupVault p) {
        return new RecoveryPoint(
                p.recoveryPointArn(),
                share(p.backupVaultName()),
                share(p.backupVaultArn()),
                share(p.sourceBackupVaultArn()),
                share(p.resourceArn()),
                share(p.resourceType()),
                creator(p.createdBy()),
                share(p.iamRoleArn()),
                share(p.statusAsString()),
                share(p.statusMessage()),
                p.creationDate(),
                p.initiationDate(),
                p.completionDate(),
                p.backupSizeInBytes(),
                calculated(p.calculatedLifecycle()),
                lifecycle(p.lifecycle()),
                share(p.encryptionKeyArn()),
                p.isEncrypted(),
                p.lastRestoreTime(),
                share(p.parentRecoveryPointArn()),
                p.compositeMemberIdentifier(),
                p.isParent(),
                share(p.resourceName()),
                share(p.vaultTypeAsString()),
                share(p.indexStatusAsString()),
                share(p.indexStatusMessage()),
                share(p.encryptionKeyTypeAsString()),
                p.aggregatedScanResult() == null ? null : SdkJson.toJson(p.aggregatedScanResult()),
                null, // ListRecoveryPointsByBackupVault has no Tags
                unknown(p, POINT_EXTRA));
    }

    private RecoveryPointCreator creator(software.amazon.awssdk.services.backup.model.RecoveryPointCreator c) {
        if (c == null) {
            return null;
        }
        return share(new RecoveryPointCreator(share(c.backupPlanId()), share(c.backupPlanArn()), share(c.backupPlanName()),
                share(c.backupPlanVersion()), share(c.backupRuleId()), share(c.backupRuleName()), share(c.backupRuleCron()),
                share(c.backupRuleTimezone()), unknown(c, CREATOR_EXTRA)));
    }

    private Lifecycle lifecycle(software.amazon.awssdk.services.backup.model.Lifecycle l) {
        if (l == null) {
            return null;
        }
        return share(new Lifecycle(l.moveToColdStorageAfterDays(), l.deleteAfterDays(), l.optInToArchiveForSupportedResources(),
                share(l.deleteAfterEventAsString()), unknown(l, LIFECYCLE_EXTRA)));
    }

    /** Not shared: its instants follow each point's creation date, so two points rarely have equal ones. */
    private static CalculatedLifecycle calculated(software.amazon.awssdk.services.backup.model.CalculatedLifecycle c) {
        if (c == null) {
            return null;
        }
        return new CalculatedLifecycle(c.moveToColdStorageAt(), c.deleteAt(), unknown(c, CALCULATED_EXTRA));
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        if (value == null) {
            return null;
        }
        Object had = shared.putIfAbsent(value, value);
        return had == null ? value : (T) had;
    }

    /** The members the record does not name, as the tree held them (null when none, as the record keeps them). */
    static Map<String, JsonNode> unknown(SdkPojo pojo, List<SdkField<?>> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        Map<String, JsonNode> out = null;
        for (SdkField<?> field : extra) {
            JsonNode n = SdkJson.value(field.getValueOrDefault(pojo));
            if (n != null) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(field.memberName(), n);
            }
        }
        return out;
    }

    /** The SDK's members of {@code pojo}'s shape that {@code record} has no component for. */
    static List<SdkField<?>> extra(SdkPojo pojo, Class<? extends Record> record) {
        Set<String> named = new HashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class); // the annotation is not one a component itself keeps
            if (p != null) {
                named.add(p.value());
            }
        }
        return pojo.sdkFields().stream().filter(f -> !named.contains(f.memberName())).toList();
    }
}

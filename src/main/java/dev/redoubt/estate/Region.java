package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What one account holds in one region (the region name is the key in Account.Regions). Members this version does not know are kept in {@code unknown}. */
public record Region(
        @JsonProperty("GlobalSettings") Map<String, String> globalSettings,
        @JsonProperty("BackupVaults") List<BackupVault> backupVaults,
        @JsonProperty("KmsKeys") List<KmsKey> kmsKeys,
        @JsonProperty("BackupPlans") List<BackupPlan> backupPlans,
        @JsonProperty("ProtectedResources") List<ProtectedResource> protectedResources,
        @JsonProperty("RestoreTestingPlans") List<RestoreTestingPlan> restoreTestingPlans,
        @JsonProperty("RestoreJobs") List<RestoreJob> restoreJobs,
        @JsonProperty("CopyJobs") List<CopyJob> copyJobs,
        @JsonProperty("LegalHolds") List<LegalHold> legalHolds,
        @JsonProperty("Frameworks") List<Framework> frameworks,
        @JsonProperty("ReportPlans") List<ReportPlan> reportPlans,
        @JsonProperty("MpaApprovalTeams") List<ApprovalTeam> mpaApprovalTeams,
        @JsonProperty("MpaSessions") List<ApprovalSession> mpaSessions,
        @JsonProperty("ReadErrors") List<ReadError> readErrors,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Region {
        unknown = Unknown.normalize(unknown);
    }
}

package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.Map;

/**
 * MPA-02: multi-party approval is not enabled for AWS Backup (GlobalSettings isMpaEnabled) in an
 * account and region that hold logically air-gapped vaults. Their approval teams cannot be used
 * until it is, so the recovery path exists only on paper.
 */
public final class Mpa02MpaNotEnabled extends RegionCheck {
    public Mpa02MpaNotEnabled() {
        super("MPA-02", Facet.MPA, Severity.MEDIUM, "Multi-party approval is not enabled while air-gapped vaults exist",
                "Approval teams of air-gapped vaults cannot grant recovery until multi-party approval is enabled.",
                "GlobalSettings", "-", "backup:DescribeGlobalSettings");
    }

    @Override
    boolean appliesTo(EstateIndex x, RegionRef r) {
        return r.data().backupVaults() != null && r.data().backupVaults().stream().anyMatch(v -> EstateIndex.LAG_VAULT.equals(v.vaultType()));
    }

    @Override
    Result judge(EstateIndex x, RegionRef r, Scope where) {
        Map<String, String> settings = r.data().globalSettings();
        if (settings == null) {
            return missing(x, where, "GlobalSettings");
        }
        String value = settings.get("isMpaEnabled");
        boolean on = "true".equalsIgnoreCase(value);
        Evidence e = Evidence.at(x.at(), on ? "Multi-party approval is enabled" : "Multi-party approval is not enabled (isMpaEnabled " + (value == null ? "absent" : value) + ")")
                .field("GlobalSettings.isMpaEnabled", value).build();
        if (on) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Enable multi-party approval for AWS Backup (from the organization's management account).",
                "aws backup update-global-settings --region " + sh(r.region()) + " --global-settings isMpaEnabled=true",
                "CloudFormation", "# No CloudFormation resource manages AWS Backup global settings; run the AWS CLI command from the management account."));
    }
}

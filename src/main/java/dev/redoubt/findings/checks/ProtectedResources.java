package dev.redoubt.findings.checks;

import dev.redoubt.estate.Account;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import java.util.Locale;
import java.util.Set;

/**
 * What the resource checks (ISO-01..03, RST-03, RST-07) need to know about a protected resource
 * beyond its recovery points: whether it is active, and which AWS Backup features its type supports.
 *
 * <p><b>Active.</b> AWS Backup's ProtectedResource has no state member: ListProtectedResources
 * returns every resource with recovery points created by AWS Backup "regardless of the recovery
 * point's status" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListProtectedResources.html),
 * deleted resources included, and DescribeProtectedResource adds no state either. The one state the
 * estate holds is the owning account's (organizations Account State, else the legacy Status): a
 * resource of a SUSPENDED, PENDING_CLOSURE or CLOSED account is not active ("During this 90-day
 * period, the resources won't be available unless you contact AWS Support to reopen the account",
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html),
 * and ISO-08 reports the account. A resource deleted in an active account cannot be told from the
 * estate; a suppression with its justification is the way to accept it.
 *
 * <p><b>Types.</b> From AWS Backup's "Feature availability by resource" table
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html#features-by-resource)
 * and the pages named at each set. Type names are ProtectedResource ResourceType values
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_GetSupportedResourceTypes.html), compared
 * without case.
 */
final class ProtectedResources {
    /** Account states in which AWS suspends the account's services and, after 90 days, deletes its content. */
    static final Set<String> CLOSING_ACCOUNT_STATES = Set.of("SUSPENDED", "PENDING_CLOSURE", "CLOSED");

    /**
     * Types AWS Backup cannot copy to another account or Region. "Copy a backup": copying "is not yet
     * available for Amazon FSx for NetApp ONTAP volumes" and "copying a Multi-AZ DB cluster snapshot is
     * not supported" (https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html);
     * Amazon Redshift has neither copy in the feature availability table.
     */
    private static final Set<String> NO_COPY_TYPES = Set.of("redshift", "redshiftserverless");

    /**
     * Types a logically air-gapped vault holds ("See Feature availability by resource for resource types
     * you can copy to a logically air-gapped vault",
     * https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html); AWS Config has
     * a "resources-in-logically-air-gapped-vault" rule for Aurora, EBS, EC2, S3, Storage Gateway and
     * VirtualMachine resources (e.g. https://docs.aws.amazon.com/config/latest/developerguide/ec2-resources-in-logically-air-gapped-vault.html).
     * Only these types are judged; any other type gives ISO-03 no result.
     */
    private static final Set<String> AIR_GAPPED_TYPES = Set.of("aurora", "documentdb", "dynamodb", "ebs", "ec2", "efs", "neptune", "rds", "s3",
            "storagegateway", "virtualmachine");

    /**
     * Types a restore testing selection accepts (ProtectedResourceType of RestoreTestingSelectionForCreate,
     * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html).
     * Redshift, Timestream, VMware (VirtualMachine), SAP HANA, Storage Gateway, CloudFormation ... are not.
     */
    private static final Set<String> RESTORE_TESTING_TYPES = Set.of("aurora", "documentdb", "dynamodb", "ebs", "ec2", "efs", "fsx", "neptune", "rds", "s3");

    private ProtectedResources() {
    }

    /** The state that makes the resource's owner account inactive (SUSPENDED, PENDING_CLOSURE, CLOSED), or null when it is active or unknown. */
    static String inactiveAccountState(EstateIndex x, String accountId) {
        Account a = x.account(accountId);
        if (a == null) {
            return null;
        }
        String state = a.state() != null ? a.state() : a.status();
        return state != null && CLOSING_ACCOUNT_STATES.contains(state) ? state : null;
    }

    /** True when the resource is active as far as the estate can tell (its owner account is not suspended or closing). */
    static boolean isActive(EstateIndex x, ResourceRef r) {
        return inactiveAccountState(x, r.ownerAccountId()) == null;
    }

    static String type(ResourceRef r) {
        return r.resource().resourceType() == null ? "" : r.resource().resourceType().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** An RDS Multi-AZ DB cluster (ResourceType RDS, a {@code :cluster:} ARN; Aurora clusters are type Aurora). */
    static boolean isMultiAzDbCluster(ResourceRef r) {
        return "rds".equals(type(r)) && r.resource().resourceArn().contains(":cluster:");
    }

    /** An FSx for NetApp ONTAP volume (ResourceType FSx, a {@code :volume/} ARN). */
    static boolean isOntapVolume(ResourceRef r) {
        return "fsx".equals(type(r)) && r.resource().resourceArn().contains(":volume/");
    }

    /** Why AWS Backup cannot copy this resource's backups to another account or Region, or null when it can. */
    static String copyUnsupported(ResourceRef r) {
        if (isOntapVolume(r)) {
            return "FSx for NetApp ONTAP volumes cannot be copied";
        }
        if (isMultiAzDbCluster(r)) {
            return "Multi-AZ DB cluster snapshots cannot be copied";
        }
        if (NO_COPY_TYPES.contains(type(r))) {
            return r.resource().resourceType() + " backups cannot be copied";
        }
        return null;
    }

    /** True when a logically air-gapped vault can hold this resource's backups. */
    static boolean airGappedSupported(ResourceRef r) {
        return AIR_GAPPED_TYPES.contains(type(r)) && !isMultiAzDbCluster(r);
    }

    /** True when restore testing supports the resource type (a ResourceType value). */
    static boolean restoreTestingSupported(String resourceType) {
        return resourceType != null && RESTORE_TESTING_TYPES.contains(resourceType.toLowerCase(Locale.ROOT).replace(" ", ""));
    }
}

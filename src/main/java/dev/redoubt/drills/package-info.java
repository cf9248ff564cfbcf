/**
 * Restore drills: a guided, timed restore of one resource or a recovery group, recorded step by step
 * in the audit journal and rebuilt from it (no second store). Plain Java: no JavaFX, no AWS SDK,
 * no JDBC. The application service that runs drills is {@code dev.redoubt.services.DrillService};
 * the AWS calls are made by {@code dev.redoubt.aws.restore.AwsRestores}.
 */
package dev.redoubt.drills;

package dev.redoubt.ui.navigation;

import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The places other screens send the user to; a screen nobody links to needs no constant here. */
public final class Destinations {
    public static final Destination START = new Destination("start", "Start", Material2OutlinedAL.HOME);
    public static final Destination SCAN = new Destination("scan", "Scan", Material2OutlinedMZ.SYNC);
    public static final Destination OVERVIEW = new Destination("overview", "Overview", Material2OutlinedAL.DASHBOARD);
    public static final Destination FINDINGS = new Destination("findings", "Findings", Material2OutlinedMZ.REPORT_PROBLEM);
    public static final Destination ORGANIZATION = new Destination("organization", "Organization", Material2OutlinedAL.ACCOUNT_TREE);
    public static final Destination VAULTS = new Destination("vaults", "Vaults", Material2OutlinedAL.LOCK);
    public static final Destination RECOVERY_POINTS = new Destination("recovery-points", "Recovery points", Material2OutlinedAL.HISTORY);
    public static final Destination KEYS = new Destination("keys", "Keys", Material2OutlinedMZ.VPN_KEY);
    public static final Destination PLANS = new Destination("plans", "Backup plans", Material2OutlinedAL.EVENT_NOTE);
    public static final Destination RESTORE_TESTS = new Destination("restore-tests", "Restore testing", Material2OutlinedAL.FACT_CHECK);
    public static final Destination RESTORE_JOBS = new Destination("restore-jobs", "Restore jobs", Material2OutlinedMZ.SETTINGS_BACKUP_RESTORE);
    public static final Destination DRILLS = new Destination("drills", "Restore drills", Material2OutlinedAL.ASSIGNMENT_TURNED_IN);
    public static final Destination APPROVALS = new Destination("approvals", "Approval teams", Material2OutlinedAL.GROUP);
    public static final Destination ACCESS = new Destination("restore-access", "Restore access", Material2OutlinedAL.HOW_TO_VOTE);

    private Destinations() {
    }
}

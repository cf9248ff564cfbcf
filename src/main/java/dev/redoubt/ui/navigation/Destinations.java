package dev.redoubt.ui.navigation;

import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The places other screens send the user to; a screen nobody links to needs no constant here. */
public final class Destinations {
    public static final Destination START = new Destination("start", "Start", Material2OutlinedAL.HOME);
    public static final Destination SCAN = new Destination("scan", "Scan", Material2OutlinedMZ.SYNC);
    public static final Destination OVERVIEW = new Destination("overview", "Overview", Material2OutlinedAL.DASHBOARD);
    public static final Destination FINDINGS = new Destination("findings", "Findings", Material2OutlinedMZ.REPORT_PROBLEM);

    private Destinations() {
    }
}

package dev.redoubt.ui.workspace;

import dev.redoubt.journal.Mode;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ScanStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the console is looking at, shared by every screen: the mode, the signed-in connection, the
 * estate on show with its audit and the scan that produced it, and a scan in progress. Changed on
 * the UI thread only, by {@link ConsoleActions}; screens observe it while shown.
 */
public final class Workspace implements AutoCloseable {
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.AUDITOR);
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoadedEstate> estate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AuditRun> audit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ScanOutcome> scan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ScanStatus> scanProgress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EstateCatalog> catalog = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<BrowseScope> scope = new SimpleObjectProperty<>(BrowseScope.ALL);

    /** The mode the next sign-in uses (auditor, read-only, unless the user chose operator). */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode mode() {
        return mode.get();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public Connection connection() {
        return connection.get();
    }

    public ReadOnlyObjectProperty<LoadedEstate> estateProperty() {
        return estate.getReadOnlyProperty();
    }

    public LoadedEstate estate() {
        return estate.get();
    }

    /** What the browsing screens look things up in, for the audit on show (null: none). */
    public ReadOnlyObjectProperty<EstateCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public EstateCatalog catalog() {
        return catalog.get();
    }

    /** What the browsing screens show: chosen in the organization tree; the whole estate when a new one opens. */
    public ObjectProperty<BrowseScope> scopeProperty() {
        return scope;
    }

    public BrowseScope scope() {
        return scope.get();
    }

    public ReadOnlyObjectProperty<AuditRun> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public AuditRun audit() {
        return audit.get();
    }

    /** The scan that produced the estate on show (null for a file someone opened). */
    public ReadOnlyObjectProperty<ScanOutcome> scanProperty() {
        return scan.getReadOnlyProperty();
    }

    public ScanOutcome scan() {
        return scan.get();
    }

    /** The scan in progress, as last seen; null when none runs. */
    public ReadOnlyObjectProperty<ScanStatus> scanProgressProperty() {
        return scanProgress.getReadOnlyProperty();
    }

    /** True while something is being opened, signed in to or scanned. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean busy() {
        return busy.get();
    }

    void busy(boolean value) {
        busy.set(value);
    }

    /** A new sign-in replaces (and closes) the previous one. */
    void connected(Connection c) {
        Connection old = connection.get();
        connection.set(c);
        if (old != null && old != c) {
            old.close();
        }
        if (c != null) {
            mode.set(c.mode());
        }
    }

    void show(LoadedEstate loaded, AuditRun run, EstateCatalog index, ScanOutcome from) {
        scope.set(BrowseScope.ALL);
        scan.set(from);
        catalog.set(index);
        estate.set(loaded);
        audit.set(run);
    }

    /** The same estate with its audit again (after a suppression was added or lifted). */
    void audited(AuditRun run, EstateCatalog index) {
        catalog.set(index);
        audit.set(run);
    }

    void scanning(ScanStatus status) {
        scanProgress.set(status);
    }

    @Override
    public void close() {
        connected(null);
    }
}

package dev.redoubt.ui.restorejobs;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseList;
import dev.redoubt.ui.navigation.Destinations;
import java.util.List;

/**
 * The restore jobs screen's state and commands: the restore jobs in scope (by hand and by restore
 * testing plans), newest first, filtered by text and sorted by a column; one job in full when the
 * shell opens it (its ID); see {@link BrowseList}.
 */
public final class RestoreJobsViewModel extends BrowseList<RestoreJobRow, RestoreJobColumn, RestoreJobRow> {
    public RestoreJobsViewModel(BrowseContext ctx) {
        super(ctx, Destinations.RESTORE_JOBS, new Words("restore job", "restore jobs",
                "AWS lists recent restore jobs only: it may be older, or from another scan."), RestoreJobColumn.CREATED, false);
    }

    @Override
    protected List<RestoreJobRow> list(EstateCatalog catalog, BrowseScope scope) {
        return RestoreJobList.rows(catalog, scope);
    }

    @Override
    protected List<RestoreJobRow> view(List<RestoreJobRow> base, String filter, RestoreJobColumn column, boolean ascending) {
        return RestoreJobList.view(base, filter, column, ascending);
    }

    @Override
    protected RestoreJobRow find(EstateCatalog catalog, String jobId) {
        return RestoreJobList.find(catalog, jobId);
    }

    @Override
    protected String targetOf(RestoreJobRow row) {
        return row.jobId();
    }
}

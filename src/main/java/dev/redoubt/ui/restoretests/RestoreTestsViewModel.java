package dev.redoubt.ui.restoretests;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseList;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import java.util.List;

/**
 * The restore testing screen's state and commands: the restore testing plans in scope, filtered by
 * text and sorted by a column, and one plan in full when the shell opens it (its ARN), with its
 * recent jobs; see {@link BrowseList}.
 */
public final class RestoreTestsViewModel extends BrowseList<TestPlanRow, TestPlanColumn, TestPlanDetail> {
    public RestoreTestsViewModel(BrowseContext ctx) {
        super(ctx, Destinations.RESTORE_TESTS, new Words("restore testing plan", "restore testing plans",
                "It may have been deleted, or read in another scan."), TestPlanColumn.NAME, true);
    }

    /** Goes to a recent job's page (recorded in the history, so back returns to the plan). */
    public void showJob(RestoreJobRow job) {
        if (job != null && job.jobId() != null) {
            context().navigator().open(Place.of(Destinations.RESTORE_JOBS, job.jobId()));
        }
    }

    @Override
    protected List<TestPlanRow> list(EstateCatalog catalog, BrowseScope scope) {
        return TestPlanList.rows(catalog, scope);
    }

    @Override
    protected List<TestPlanRow> view(List<TestPlanRow> base, String filter, TestPlanColumn column, boolean ascending) {
        return TestPlanList.view(base, filter, column, ascending);
    }

    @Override
    protected TestPlanDetail find(EstateCatalog catalog, String arn) {
        return TestPlanList.detail(catalog, arn);
    }

    @Override
    protected String targetOf(TestPlanRow row) {
        return row.arn();
    }
}

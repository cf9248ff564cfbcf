package dev.redoubt.ui.plans;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseList;
import dev.redoubt.ui.navigation.Destinations;
import java.util.List;

/**
 * The backup plans screen's state and commands: the plans in scope, filtered by text and sorted by
 * a column, and one plan in full when the shell opens it (its ARN); see {@link BrowseList}.
 */
public final class PlansViewModel extends BrowseList<PlanRow, PlanColumn, PlanDetail> {
    public PlansViewModel(BrowseContext ctx) {
        super(ctx, Destinations.PLANS, new Words("backup plan", "backup plans", "It may have been deleted, or read in another scan."),
                PlanColumn.NAME, true);
    }

    @Override
    protected List<PlanRow> list(EstateCatalog catalog, BrowseScope scope) {
        return PlanList.rows(catalog, scope);
    }

    @Override
    protected List<PlanRow> view(List<PlanRow> base, String filter, PlanColumn column, boolean ascending) {
        return PlanList.view(base, filter, column, ascending);
    }

    @Override
    protected PlanDetail find(EstateCatalog catalog, String planArn) {
        return PlanList.detail(catalog, planArn);
    }

    @Override
    protected String targetOf(PlanRow row) {
        return row.arn();
    }
}

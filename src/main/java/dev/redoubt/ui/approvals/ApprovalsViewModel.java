package dev.redoubt.ui.approvals;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.TeamPage;
import dev.redoubt.services.TeamRow;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseList;
import dev.redoubt.ui.navigation.Destinations;
import java.util.List;

/**
 * The approval teams screen's state (read-only): the teams in scope, filtered and sorted; one team
 * in full when the shell opens it by the team's ARN or by one of its sessions' ARNs; see {@link BrowseList}.
 */
public final class ApprovalsViewModel extends BrowseList<TeamRow, TeamColumn, TeamPage> {
    public ApprovalsViewModel(BrowseContext ctx) {
        super(ctx, Destinations.APPROVALS, new Words("approval team", "approval teams",
                "Redoubt reads the approval teams of the accounts and regions it scanned; the team may be in another."), TeamColumn.NAME, true);
    }

    @Override
    protected List<TeamRow> list(EstateCatalog catalog, BrowseScope scope) {
        return ApprovalList.rows(catalog, scope);
    }

    @Override
    protected List<TeamRow> view(List<TeamRow> base, String filter, TeamColumn column, boolean ascending) {
        return ApprovalList.view(base, filter, column, ascending);
    }

    @Override
    protected TeamPage find(EstateCatalog catalog, String target) {
        return ApprovalList.find(catalog, target);
    }

    @Override
    protected String targetOf(TeamRow row) {
        return row.arn();
    }
}

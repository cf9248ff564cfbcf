package dev.redoubt.ui.approvals;

import dev.redoubt.services.ApprovalTeams;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.TeamPage;
import dev.redoubt.services.TeamRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The approval teams screen's list: the rows and pages built by {@link ApprovalTeams} (shared with the
 * command line), filtered by text and sorted by a column. Pure, for the background.
 */
public final class ApprovalList {
    private ApprovalList() {
    }

    /** Every team in scope, in the estate's order. */
    public static List<TeamRow> rows(EstateCatalog catalog, BrowseScope scope) {
        return ApprovalTeams.rows(catalog, scope);
    }

    /** The rows whose text holds every word of {@code text}, in the column's order. */
    public static List<TeamRow> view(List<TeamRow> rows, String text, TeamColumn column, boolean ascending) {
        String[] words = text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<TeamRow> out = new ArrayList<>();
        for (TeamRow r : rows) {
            boolean match = true;
            for (String w : words) {
                if (!r.search().contains(w)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                out.add(r);
            }
        }
        out.sort((column == null ? TeamColumn.NAME : column).order(column == null || ascending));
        return out;
    }

    /** The page of a team, asked for by the team's ARN or by one of its sessions' ARNs; null when the estate holds neither. */
    public static TeamPage find(EstateCatalog catalog, String target) {
        return ApprovalTeams.find(catalog, target);
    }
}

package dev.redoubt.ui.overview;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.services.ScanService;
import dev.redoubt.services.UnreadScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the capture could not read (its ReadErrors), grouped by AWS's error and the operation
 * refused, with where it happened; and whether the capture says it is partial (the scan stopped
 * before it finished).
 */
public record UnreadSummary(boolean partial, String partialNote, int scopes, List<Group> groups) {
    public UnreadSummary {
        groups = List.copyOf(groups);
    }

    /**
     * One kind of refusal: the error code, the operation, AWS's message (the first one; others of
     * the group usually differ only in the ARN), how many scopes and where (account name and region).
     */
    public record Group(String errorCode, String operation, String message, int scopes, List<String> places, boolean cancelled) {
        public Group {
            places = List.copyOf(places);
        }
    }

    public static UnreadSummary of(Estate estate) {
        Map<String, String> names = new HashMap<>();
        for (Account a : estate.accounts() == null ? List.<Account>of() : estate.accounts()) {
            names.put(a.id(), a.name() != null ? a.name() : a.id());
        }
        List<UnreadScope> unread = ScanService.unread(estate);
        Map<String, List<UnreadScope>> byKind = new LinkedHashMap<>();
        for (UnreadScope u : unread) {
            byKind.computeIfAbsent(u.errorCode() + "\u0000" + u.operation(), k -> new ArrayList<>()).add(u);
        }
        List<Group> groups = new ArrayList<>();
        for (List<UnreadScope> same : byKind.values()) {
            UnreadScope first = same.get(0);
            Set<String> places = new LinkedHashSet<>();
            for (UnreadScope u : same) {
                String account = u.accountId() == null ? "" : names.getOrDefault(u.accountId(), u.accountId());
                places.add(u.region() == null ? account : account + " " + u.region());
            }
            groups.add(new Group(first.errorCode(), first.operation(), first.message(), same.size(), new ArrayList<>(places), first.cancelled()));
        }
        groups.sort(java.util.Comparator.comparingInt(Group::scopes).reversed());
        boolean partial = estate.incomplete() != null;
        String note = partial ? estate.incomplete().message() : null;
        return new UnreadSummary(partial, note, unread.size(), groups);
    }

    public boolean everythingRead() {
        return scopes == 0 && !partial;
    }
}

package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Arn;
import dev.redoubt.sandbox.World.Cell;
import dev.redoubt.sandbox.World.VaultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.services.mpa.model.Filter;
import software.amazon.awssdk.services.mpa.model.GetApprovalTeamRequest;
import software.amazon.awssdk.services.mpa.model.GetSessionRequest;
import software.amazon.awssdk.services.mpa.model.ListApprovalTeamsRequest;
import software.amazon.awssdk.services.mpa.model.ListSessionsRequest;

/**
 * Multi-party approval reads. A team is visible to its own account and to the accounts it is shared
 * with, which the sandbox takes to be those with a vault that names the team (sharing goes through
 * AWS RAM, which the estate does not describe) or that requested one of its sessions.
 */
final class MpaApi {
    static final String SERVICE = "mpa";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MpaApi() {
    }

    static void register(Handlers h) {
        h.read(SERVICE, "ListApprovalTeams", ListApprovalTeamsRequest.class, (c, r) -> {
            Cell cell = c.cell();
            List<ApprovalTeam> teams = cell == null ? List.of() : cell.teams;
            return page(c, teams, r.maxResults(), r.nextToken(), "ListApprovalTeams", "ApprovalTeams", t -> c.world().json(t));
        });
        h.read(SERVICE, "GetApprovalTeam", GetApprovalTeamRequest.class, (c, r) -> c.world().json(team(c, r.arn())));
        h.read(SERVICE, "ListSessions", ListSessionsRequest.class, MpaApi::listSessions);
        h.read(SERVICE, "GetSession", GetSessionRequest.class, (c, r) -> {
            SessionEntry s = c.world().session(r.sessionArn());
            if (s == null) {
                throw notFound("Session " + Wire.printable(String.valueOf(r.sessionArn())) + " does not exist.");
            }
            ApprovalTeam t = c.world().team(s.teamArn());
            if (!visible(c, s.teamArn()) && !c.account().equals(s.base().path("RequesterAccountId").asText())) {
                throw denied(c, "GetSession", r.sessionArn());
            }
            return s.view(c.estateNow(), t);
        });
    }

    static AwsError notFound(String message) {
        return AwsError.service("ResourceNotFoundException", 404, message);
    }

    private static AwsError denied(Call c, String op, String arn) {
        return AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: mpa:" + op + " on resource: "
                + Wire.printable(String.valueOf(arn)));
    }

    /** True when the caller's account owns the team or a vault of its names the team. */
    static boolean visible(Call c, String teamArn) {
        Arn arn = Arn.parse(teamArn);
        if (arn != null && arn.account().equals(c.account())) {
            return true;
        }
        for (Cell cell : c.world().cells()) {
            if (!cell.account.equals(c.account())) {
                continue;
            }
            for (VaultEntry v : cell.vaults.values()) {
                if (teamArn.equals(v.json.path("MpaApprovalTeamArn").asText(null))) {
                    return true;
                }
            }
        }
        for (SessionEntry s : c.world().sessions()) {
            if (teamArn.equals(s.teamArn()) && c.account().equals(s.base().path("RequesterAccountId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ApprovalTeam team(Call c, String arn) {
        ApprovalTeam t = arn == null ? null : c.world().team(arn);
        if (t == null) {
            throw notFound("Approval team " + Wire.printable(String.valueOf(arn)) + " does not exist.");
        }
        if (!visible(c, arn)) {
            throw denied(c, "GetApprovalTeam", arn);
        }
        return t;
    }

    private static JsonNode listSessions(Call c, ListSessionsRequest r) {
        ApprovalTeam t = team(c, r.approvalTeamArn());
        List<ObjectNode> sessions = new ArrayList<>();
        for (SessionEntry s : c.world().sessions()) {
            if (s.teamArn().equals(t.arn())) {
                ObjectNode v = s.view(c.estateNow(), t);
                if (matches(v, r.filters())) {
                    sessions.add(v);
                }
            }
        }
        return page(c, sessions, r.maxResults(), r.nextToken(), "ListSessions/" + t.arn() + "/" + r.filters(), "Sessions", s -> s);
    }

    private static boolean matches(ObjectNode session, List<Filter> filters) {
        for (Filter f : filters) {
            String member = switch (f.fieldNameAsString()) {
                case "SessionStatus" -> "Status";
                case "ActionName" -> "ActionName";
                case "ApprovalTeamName" -> "ApprovalTeamName";
                case "InitiationTime" -> "InitiationTime";
                default -> null;
            };
            if (member == null) {
                continue;
            }
            String value = session.path(member).asText("");
            String wanted = f.value() == null ? "" : f.value();
            boolean ok = switch (f.operatorAsString() == null ? "EQ" : f.operatorAsString()) {
                case "NE" -> !value.equals(wanted);
                case "CONTAINS" -> value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
                case "NOT_CONTAINS" -> !value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
                case "GT" -> value.compareTo(wanted) > 0;
                case "LT" -> value.compareTo(wanted) < 0;
                case "GTE" -> value.compareTo(wanted) >= 0;
                case "LTE" -> value.compareTo(wanted) <= 0;
                default -> value.equals(wanted);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Supplier<AwsError> badToken() {
        return () -> AwsError.validation("The provided NextToken is not valid.");
    }

    private static <T> ObjectNode page(Call c, List<T> all, Integer max, String token, String scope, String member,
                                       java.util.function.Function<T, JsonNode> map) {
        Page.Slice<T> slice = Page.of(all, Page.size(max, 20, 20, "maxResults"), token, scope + "/" + c.account() + "/" + c.region(), badToken());
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray(member);
        slice.items().forEach(t -> items.add(map.apply(t)));
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }
}

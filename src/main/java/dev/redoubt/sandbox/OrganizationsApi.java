package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Account;
import dev.redoubt.sandbox.World.OrgTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListChildrenRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;

/**
 * Organizations: the organization, its accounts, and the root and OUs derived from each account's
 * OU path. Every member account may describe the organization; only the management account may list.
 */
final class OrganizationsApi {
    static final String SERVICE = "organizations";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OrganizationsApi() {
    }

    static void register(Handlers h) {
        h.read(SERVICE, "DescribeOrganization", DescribeOrganizationRequest.class, (c, r) -> {
            member(c);
            ObjectNode out = JSON.objectNode();
            out.set("Organization", c.world().json(c.world().estate().organization()));
            return out;
        });
        h.read(SERVICE, "ListAccounts", ListAccountsRequest.class, (c, r) -> {
            management(c);
            return page(c, new ArrayList<>(c.world().accounts()), r.maxResults(), r.nextToken(), "ListAccounts", "Accounts",
                    a -> account(c, a));
        });
        h.read(SERVICE, "ListRoots", ListRootsRequest.class, (c, r) -> {
            management(c);
            OrgTree.Node root = c.world().orgTree().root;
            return page(c, List.of(root), r.maxResults(), r.nextToken(), "ListRoots", "Roots", n -> {
                ObjectNode o = JSON.objectNode().put("Id", n.id()).put("Arn", n.arn()).put("Name", n.name());
                o.putArray("PolicyTypes");
                return o;
            });
        });
        h.read(SERVICE, "ListParents", ListParentsRequest.class, OrganizationsApi::listParents);
        h.read(SERVICE, "DescribeOrganizationalUnit", DescribeOrganizationalUnitRequest.class, (c, r) -> {
            management(c);
            OrgTree.Node n = c.world().orgTree().byId.get(r.organizationalUnitId());
            if (n == null || n.parentId() == null) {
                throw AwsError.service("OrganizationalUnitNotFoundException", 400, "We can't find an organizational unit (OU) with the specified OrganizationalUnitId.");
            }
            ObjectNode out = JSON.objectNode();
            out.set("OrganizationalUnit", ou(n));
            return out;
        });
        h.read(SERVICE, "ListOrganizationalUnitsForParent", ListOrganizationalUnitsForParentRequest.class, (c, r) -> {
            management(c);
            parent(c, r.parentId());
            List<OrgTree.Node> children = new ArrayList<>();
            for (OrgTree.Node n : c.world().orgTree().byId.values()) {
                if (r.parentId().equals(n.parentId())) {
                    children.add(n);
                }
            }
            return page(c, children, r.maxResults(), r.nextToken(), "ListOrganizationalUnitsForParent/" + r.parentId(),
                    "OrganizationalUnits", OrganizationsApi::ou);
        });
        h.read(SERVICE, "ListChildren", ListChildrenRequest.class, (c, r) -> {
            management(c);
            parent(c, r.parentId());
            List<ObjectNode> children = new ArrayList<>();
            if ("ORGANIZATIONAL_UNIT".equals(r.childTypeAsString())) {
                for (OrgTree.Node n : c.world().orgTree().byId.values()) {
                    if (r.parentId().equals(n.parentId())) {
                        children.add(JSON.objectNode().put("Id", n.id()).put("Type", "ORGANIZATIONAL_UNIT"));
                    }
                }
            } else {
                for (Map.Entry<String, String> e : c.world().orgTree().parentOfAccount.entrySet()) {
                    if (r.parentId().equals(e.getValue())) {
                        children.add(JSON.objectNode().put("Id", e.getKey()).put("Type", "ACCOUNT"));
                    }
                }
            }
            return page(c, children, r.maxResults(), r.nextToken(), "ListChildren/" + r.parentId() + "/" + r.childTypeAsString(),
                    "Children", n -> n);
        });
    }

    private static ObjectNode ou(OrgTree.Node n) {
        return JSON.objectNode().put("Id", n.id()).put("Arn", n.arn()).put("Name", n.name());
    }

    /**
     * An account as Organizations describes it: without Redoubt's own members, which are left out before
     * the account is turned into JSON (its regions hold every vault and recovery point of the account).
     */
    private static ObjectNode account(Call c, Account a) {
        Account listed = new Account(a.id(), a.arn(), a.name(), a.email(), a.status(), a.state(), a.joinedMethod(),
                a.joinedTimestamp(), a.paths(), null, null, null, null, a.unknown());
        ObjectNode o = c.world().json(listed);
        for (String ours : List.of("OrganizationalUnit", "Roles", "ReadErrors", "Regions")) {
            o.remove(ours);
        }
        return o;
    }

    private static void parent(Call c, String id) {
        if (!c.world().orgTree().byId.containsKey(id)) {
            throw AwsError.service("ParentNotFoundException", 400, "We can't find a root or OU with the ParentId that you specified.");
        }
    }

    private static JsonNode listParents(Call c, ListParentsRequest r) {
        management(c);
        OrgTree tree = c.world().orgTree();
        String parent = tree.parentOfAccount.get(r.childId());
        if (parent == null) {
            OrgTree.Node n = tree.byId.get(r.childId());
            parent = n == null ? null : n.parentId();
        }
        if (parent == null) {
            throw AwsError.service("ChildNotFoundException", 400, "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
        }
        String type = parent.equals(tree.root.id()) ? "ROOT" : "ORGANIZATIONAL_UNIT";
        return page(c, List.of(JSON.objectNode().put("Id", parent).put("Type", type)), r.maxResults(), r.nextToken(),
                "ListParents/" + r.childId(), "Parents", n -> n);
    }

    /** The caller's account must be in the organization. */
    private static void member(Call c) {
        if (c.world().account(c.account()) == null || c.world().estate().organization() == null) {
            throw AwsError.service("AWSOrganizationsNotInUseException", 400, "Your account is not a member of an organization.");
        }
    }

    /** Listing the organization is for its management account only. */
    private static void management(Call c) {
        member(c);
        if (!c.account().equals(c.world().estate().organization().masterAccountId())) {
            throw AwsError.accessDenied("You don't have permissions to access this resource.");
        }
    }

    private static Supplier<AwsError> badToken() {
        return () -> AwsError.service("InvalidInputException", 400, "The provided pagination token is not valid.",
                Map.of("Reason", "INVALID_NEXT_TOKEN"));
    }

    private static <T> ObjectNode page(Call c, List<T> all, Integer max, String token, String scope, String member, Function<T, JsonNode> map) {
        Page.Slice<T> slice = Page.of(all, Page.size(max, 20, 20, "maxResults"), token, scope + "/" + c.account(), badToken());
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray(member);
        slice.items().forEach(t -> items.add(map.apply(t)));
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }
}

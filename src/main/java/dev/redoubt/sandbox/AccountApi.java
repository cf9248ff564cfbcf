package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.account.model.ListRegionsRequest;

/** account:ListRegions: the regions the estate has for the account (the management account may ask for another). */
final class AccountApi {
    static final String SERVICE = "account";
    /** Regions AWS enables by default; the others are opt-in. */
    private static final Set<String> DEFAULT_REGIONS = Set.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AccountApi() {
    }

    static void register(Handlers h) {
        h.read(SERVICE, "ListRegions", ListRegionsRequest.class, AccountApi::listRegions);
    }

    private static JsonNode listRegions(Call c, ListRegionsRequest r) {
        String account = r.accountId() == null ? c.account() : r.accountId();
        var org = c.world().estate().organization();
        boolean management = org != null && c.account().equals(org.masterAccountId());
        if (!account.equals(c.account()) && (!management || c.world().account(account) == null)) {
            throw AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: account:ListRegions on resource: "
                    + "arn:aws:account::" + Wire.printable(account) + ":account");
        }
        List<ObjectNode> regions = new ArrayList<>();
        for (String name : c.world().regions(account)) {
            String status = DEFAULT_REGIONS.contains(name) ? "ENABLED_BY_DEFAULT" : "ENABLED";
            if (r.regionOptStatusContainsAsStrings().isEmpty() || r.regionOptStatusContainsAsStrings().contains(status)) {
                regions.add(JSON.objectNode().put("RegionName", name).put("RegionOptStatus", status));
            }
        }
        Page.Slice<ObjectNode> slice = Page.of(regions, Page.size(r.maxResults(), 50, 20, "maxResults"), r.nextToken(),
                "ListRegions/" + account + "/" + r.regionOptStatusContainsAsStrings(),
                () -> AwsError.validation("The provided NextToken is not valid."));
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray("Regions");
        slice.items().forEach(items::add);
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }
}

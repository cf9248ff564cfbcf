package dev.redoubt.ui.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.EstateOrigin;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organization tree's model: OUs from the accounts' paths, counts, worst severities, what could not be read, the filter. */
class OrgTreeTest {
    private static final String SHOP_PROD = "645019283746";
    private static final String DEV = "863201928374";

    @TempDir
    Path dir;

    private OrgNode tree(Estate estate) throws Exception {
        try (TestConsole console = TestConsole.create(dir)) {
            AuditRun run = console.context.services().audits().audit(estate,
                    AuditService.subjectOf(new LoadedEstate(estate, new EstateOrigin(EstateOrigin.Kind.FILE, dir.resolve("x.json"), null))));
            return OrgTree.build(EstateCatalog.of(run));
        }
    }

    @Test
    void accountsSitUnderTheirOusWithCountsAndTheWorstFailure() throws Exception {
        Estate estate = NorthwindDemo.build();
        OrgNode root = tree(estate);
        assertThat(root.accounts()).isEqualTo(estate.accounts().size());
        long points = estate.accounts().stream().flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.backupVaults() == null ? java.util.stream.Stream.empty() : r.backupVaults().stream())
                .mapToLong(v -> v.recoveryPoints() == null ? 0 : v.recoveryPoints().size()).sum();
        assertThat(root.recoveryPoints()).isEqualTo(points);

        List<String> path = OrgTree.pathTo(root, SHOP_PROD);
        assertThat(path).containsExactly(root.id(), "ou:Workloads", "ou:Workloads/Production", SHOP_PROD);
        OrgNode production = OrganizationViewModel.find(root, "ou:Workloads/Production");
        assertThat(production.scope().accounts()).contains(SHOP_PROD, "754192837465");

        try (TestConsole console = TestConsole.create(dir.resolve("c")).withDemoOpen()) {
            Severity worst = console.workspace.audit().results().stream()
                    .filter(r -> r.status() == Status.FAIL && SHOP_PROD.equals(r.accountId())).map(r -> r.severity())
                    .reduce(null, EstateCatalog::worse);
            assertThat(OrganizationViewModel.find(root, SHOP_PROD).worst()).isEqualTo(worst).isNotNull();
        }
    }

    @Test
    void whatCouldNotBeReadIsMarkedWithAwsReason() throws Exception {
        EstateFile files = new EstateFile();
        ObjectNode tree = (ObjectNode) files.toTree(NorthwindDemo.build());
        for (var account : tree.get("Accounts")) {
            if (account.get("Id").asText().equals(DEV)) {
                ArrayNode errors = ((ObjectNode) account.get("Regions").get("eu-west-1")).putArray("ReadErrors");
                errors.addObject().put("Operation", "backup:ListBackupVaults").put("ErrorCode", "AccessDeniedException")
                        .put("Message", "User is not authorized to perform backup:ListBackupVaults");
            }
        }
        OrgNode root = tree(files.fromTree(tree, "with-errors"));
        OrgNode region = OrganizationViewModel.find(root, DEV + "/eu-west-1");
        assertThat(region.problem()).isEqualTo("AccessDeniedException: User is not authorized to perform backup:ListBackupVaults (backup:ListBackupVaults)");
        assertThat(OrganizationViewModel.find(root, DEV).hasProblemBelow()).isTrue();
        assertThat(OrganizationViewModel.find(root, SHOP_PROD).hasProblemBelow()).isFalse();
    }

    @Test
    void theFilterKeepsMatchesAndTheirAncestors() throws Exception {
        OrgNode root = tree(NorthwindDemo.build());
        OrgNode cut = OrgTree.filter(root, "SHOP-US");
        List<OrgNode> leaves = new ArrayList<>();
        collect(cut, leaves);
        assertThat(leaves).extracting(OrgNode::name).containsExactly("shop-us");
        assertThat(OrgTree.pathTo(cut, leaves.get(0).id())).hasSize(6); // organization, Workloads, Production, account, region, vault
        assertThat(OrgTree.filter(root, "nothing-like-this").children()).isEmpty();
    }

    private static void collect(OrgNode n, List<OrgNode> out) {
        if (n.children().isEmpty()) {
            out.add(n);
        }
        n.children().forEach(c -> collect(c, out));
    }
}

package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.app.ConsoleStart;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estate that reading or validation refuses is refused the same way by every command that takes one: estate
 * validate, audit, sandbox and console all exit 2 with one line naming the file and the JSON path, never a crash
 * (exit 70) later, when the audit or the sandbox meets the bad member.
 */
@Timeout(120) // a sandbox that accepted the file would serve it until interrupted
class BadEstateCommandsTest {
    private static final String REGION = "/Accounts/0/Regions/us-east-2";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<ConsoleStart> opened = new ArrayList<>();

    private Path estate(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree;
        try (InputStream in = getClass().getResourceAsStream("/estates/minimal-estate.json")) {
            tree = (ObjectNode) json.readTree(in);
        }
        change.accept(tree);
        Path f = dir.resolve(name);
        json.writeValue(f.toFile(), tree);
        return f;
    }

    /** Every command refuses the file with exit 2 and one line naming the file, {@code path} and {@code problem}. */
    private void refusedEverywhere(Path f, String path, String problem) {
        Path home = dir.resolve("home");
        List<CliRun> runs = List.of(
                CliRun.run(home, "estate", "validate", f.toString()),
                CliRun.run(home, "audit", "--estate", f.toString(), "--out", dir.resolve("report.json").toString()),
                CliRun.run(home, "sandbox", "--estate", f.toString(), "--port", "0"),
                CliRun.withConsole(home, opened::add, "console", "--estate", f.toString()));
        for (CliRun r : runs) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.noStackTrace()).as(r.err()).isTrue();
            assertThat(r.err()).as("the refusal names the file, the path and the problem").contains(f + ": " + path + ": ").contains(problem);
            assertThat(r.err().lines().filter(l -> l.startsWith("redoubt: ")).count()).as(r.err()).isEqualTo(1);
        }
        // estate validate lists every error on a line of its own, then its verdict; the others say it in one line.
        assertThat(runs.subList(1, 4)).allSatisfy(r -> assertThat(r.err().strip().lines()).as(r.err()).hasSize(1));
        assertThat(Files.exists(dir.resolve("report.json"))).as("no report of an estate that was refused").isFalse();
        assertThat(opened).as("no window for a refused capture").isEmpty();
    }

    @Test
    void aNullInAListIsRefusedWithItsPathByEveryCommand() throws IOException {
        for (String list : List.of("ProtectedResources", "CopyJobs", "BackupPlans", "MpaApprovalTeams")) {
            Path f = estate("null-" + list + ".json", t -> ((ArrayNode) t.at(REGION + "/" + list)).addNull());
            int index = list.equals("ProtectedResources") ? 1 : 0;
            refusedEverywhere(f, "$.Accounts[0].Regions.us-east-2." + list + "[" + index + "]", "null is not a");
        }
        refusedEverywhere(estate("null-alias.json", t -> ((ArrayNode) t.at(REGION + "/KmsKeys/0/Aliases")).addNull()),
                "$.Accounts[0].Regions.us-east-2.KmsKeys[0].Aliases[1]", "null is not an alias");
        refusedEverywhere(estate("null-grant.json", t -> ((ArrayNode) t.at(REGION + "/KmsKeys/0/Grants")).addNull()),
                "$.Accounts[0].Regions.us-east-2.KmsKeys[0].Grants[0]", "null is not a grant");
        refusedEverywhere(estate("null-role.json", t -> ((ArrayNode) t.at("/Accounts/0/Roles")).addNull()),
                "$.Accounts[0].Roles[1]", "null is not a role");
    }

    @Test
    void aTimestampOutsideTheYears1970To9999IsRefusedNotWrappedTo1970() throws IOException {
        String vault = REGION + "/BackupVaults/0";
        refusedEverywhere(estate("e300.json", t -> ((ObjectNode) t.at(vault)).put("CreationDate", new BigDecimal("1e300"))),
                "$.Accounts[0].Regions.us-east-2.BackupVaults[0].CreationDate", "the number 1E+300 is outside the timestamps an estate may hold");
        refusedEverywhere(estate("far.json", t -> ((ObjectNode) t.at(vault)).put("CreationDate", "+999999999-01-01T00:00:00Z")),
                "$.Accounts[0].Regions.us-east-2.BackupVaults[0].CreationDate", "\"+999999999-01-01T00:00:00Z\" is outside");
    }

    @Test
    void aMemberThatDoesNotFitAwsShapeIsRefusedBeforeTheSandboxServesIt() throws IOException {
        Path f = estate("framework.json", t -> ((ArrayNode) t.at(REGION + "/Frameworks")).addObject().put("FrameworkName", "f")
                .put("FrameworkControls", "all of them"));
        refusedEverywhere(f, "$.Accounts[0].Regions.us-east-2.Frameworks[0].FrameworkControls", "expected an array (AWS's shape of this member)");
    }
}

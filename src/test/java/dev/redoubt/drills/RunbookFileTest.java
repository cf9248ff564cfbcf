package dev.redoubt.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbook files: written and read back the same; a bad one refused with the file, where and what to do. */
class RunbookFileTest {
    @TempDir
    Path dir;

    private RunbookFile.Problem problem(String json) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        try {
            RunbookFile.read(f);
        } catch (RunbookFile.Problem p) {
            assertThat(p.file()).isEqualTo(f);
            assertThat(p.getMessage()).startsWith(f.toString());
            return p;
        }
        throw new AssertionError("read " + json);
    }

    @Test
    void aRunbookWrittenReadsBackTheSame() throws Exception {
        Runbook r = new Runbook("shop", "orders then web", List.of(
                new Runbook.Member("arn:aws:rds:eu-west-1:645019283746:db:shop-orders", "arn:aws:iam::645019283746:role/Restore",
                        Map.of("DBInstanceClass", "db.t3.micro"), List.of("The orders page loads")),
                new Runbook.Member("arn:aws:ec2:eu-west-1:645019283746:volume/vol-1", null, null, null)));
        Path f = dir.resolve("shop.json");
        RunbookFile.write(r, f);
        assertThat(Files.readString(f)).contains("\"format\" : \"redoubt-runbook/1\"");
        assertThat(RunbookFile.read(f)).isEqualTo(r);
    }

    @Test
    void badFilesSayWhereAndWhatToDo() throws Exception {
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\",\n \"members\": [ {\"resourceArn\": \"arn:a\",, } ]}").where())
                .contains("line 2");
        RunbookFile.Problem unknown = problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": [{\"resourceArn\": \"arn:a\", \"role\": \"r\"}]}");
        assertThat(unknown.problem()).contains("\"role\" is not a runbook member");
        assertThat(unknown.where()).contains("members[0]");
        assertThat(problem("{\"name\": \"x\", \"members\": [{\"resourceArn\": \"arn:a\"}]}").problem()).contains("add \"format\"");
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": []}").problem()).contains("list the resources");
        RunbookFile.Problem notArn = problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": [{\"resourceArn\": \"shop-orders\"}]}");
        assertThat(notArn.where()).isEqualTo("members[0].resourceArn");
        assertThat(notArn.problem()).contains("is not an ARN");
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": [{\"resourceArn\": \"arn:a\"}, {\"resourceArn\": \"arn:a\"}]}")
                .problem()).contains("listed twice");
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": [{\"resourceArn\": \"arn:a\", \"iamRoleArn\": \"Restore\"}]}")
                .problem()).contains("not an IAM role ARN");
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": {\"resourceArn\": \"arn:a\"}}").problem())
                .contains("wrong type");
        assertThat(problem("{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"name\": \"y\", \"members\": []}").problem()).contains("not valid JSON");
        assertThat(problem("").problem()).contains("empty");
        assertThatThrownBy(() -> RunbookFile.read(dir.resolve("missing.json"))).isInstanceOf(RunbookFile.Problem.class).hasMessageContaining("does not exist");
    }
}

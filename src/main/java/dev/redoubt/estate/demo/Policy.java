package dev.redoubt.estate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** An IAM policy document (vault access policy or key policy), held as the string the service returns. */
final class Policy {
    private final String id;
    private final List<Statement> statements;

    private Policy(String id, List<Statement> statements) {
        this.id = id;
        this.statements = statements;
    }

    static Policy of(Statement... statements) {
        return withId(null, statements);
    }

    static Policy withId(String id, Statement... statements) {
        return new Policy(id, List.of(statements));
    }

    Policy plus(Statement... more) {
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(List.of(more));
        return new Policy(id, all);
    }

    private Json document() {
        return Json.object().with("Version", "2012-10-17").with("Id", id)
                .with("Statement", statements.stream().map(Statement::toJson).toList());
    }

    /** As AWS Backup returns a vault access policy: compact. */
    String compact() {
        return document().node().toString();
    }

    /** As KMS returns a key policy: Jackson's default pretty printing, {@code "Version" : "2012-10-17"}. */
    String kmsStyle() {
        return document().node().toPrettyString();
    }

    /** One statement; build with {@link #allow} or {@link #deny}, then the principal, actions and conditions. */
    static final class Statement {
        private final Json json;
        private JsonNode principal;
        private List<String> actions = List.of();
        private final Json conditions = Json.object();
        private boolean hasConditions;

        private Statement(String effect, String sid) {
            this.json = Json.object().with("Sid", sid).with("Effect", effect);
        }

        static Statement allow(String sid) {
            return new Statement("Allow", sid);
        }

        static Statement deny(String sid) {
            return new Statement("Deny", sid);
        }

        /** {@code "Principal": "*"} */
        Statement toEveryone() {
            principal = TextNode.valueOf("*");
            return this;
        }

        /** {@code "Principal": {"AWS": "*"}} */
        Statement toAnyAwsPrincipal() {
            return toAws("*");
        }

        Statement toAws(String... arns) {
            principal = Json.object().with("AWS", arns.length == 1 ? arns[0] : List.of(arns)).node();
            return this;
        }

        Statement actions(String... names) {
            return actions(List.of(names));
        }

        Statement actions(List<String> names) {
            actions = List.copyOf(names);
            return this;
        }

        /** Adds a condition; conditions of the same operator share one block, as IAM writes them (the second key no longer replaces the first). */
        Statement when(String operator, String key, Object value) {
            JsonNode block = conditions.node().get(operator);
            if (block instanceof ObjectNode existing) {
                existing.setAll(Json.object().with(key, value).node());
            } else {
                conditions.with(operator, Json.object().with(key, value));
            }
            hasConditions = true;
            return this;
        }

        private Json toJson() {
            return json.with("Principal", principal)
                    .with("Action", actions.size() == 1 ? actions.get(0) : actions)
                    .with("Resource", "*")
                    .with("Condition", hasConditions ? conditions : null);
        }
    }
}

package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateProblem;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The members an estate keeps as free JSON must have AWS's shapes, or the sandbox could only answer them with a 500. */
class AwsShapesTest {
    private final EstateFile file = new EstateFile();

    /** The first node of the demo's tree whose path ends with {@code member} (a JSON pointer suffix such as /FrameworkControls). */
    private static String find(JsonNode node, String pointer, String member) {
        if (pointer.endsWith(member)) {
            return pointer;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String found = find(e.getValue(), pointer + "/" + e.getKey(), member);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), pointer + "/" + i, member);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String path(String pointer) {
        return "$" + pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    private List<EstateProblem> check(ObjectNode tree) {
        return AwsShapes.check(file.fromTree(tree, "demo"));
    }

    @Test
    void theDemoHasAwsShapes() {
        assertThat(AwsShapes.check(NorthwindDemo.build())).isEmpty();
    }

    @Test
    void namesTheMemberThatDoesNotFitAwsShape() {
        ObjectNode tree = (ObjectNode) file.toTree(NorthwindDemo.build());
        String controls = find(tree, "", "/FrameworkControls");
        ((ObjectNode) tree.at(controls.substring(0, controls.lastIndexOf('/')))).put("FrameworkControls", 7);
        assertThat(check(tree)).extracting(EstateProblem::toString)
                .containsExactly("error: " + path(controls) + ": expected an array (AWS's shape of this member)");

        ObjectNode t2 = (ObjectNode) file.toTree(NorthwindDemo.build());
        String from = find(t2, "", "/DateRange/FromDate");
        ((ObjectNode) t2.at(from.substring(0, from.lastIndexOf('/')))).put("FromDate", "+999999999-01-01T00:00:00Z");
        assertThat(check(t2)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path(from));
            assertThat(p.message()).contains("outside the timestamps an estate may hold");
        });

        ObjectNode t3 = (ObjectNode) file.toTree(NorthwindDemo.build());
        String policies = find(t3, "", "/Policies");
        ((ArrayNode) t3.at(policies)).insertObject(0).putArray("PolicyArn");
        assertThat(check(t3)).extracting(EstateProblem::path).containsExactly(path(policies) + "[0].PolicyArn");
    }

    @Test
    void readsTimestampsOfFiveDigitYearsAsATimeShiftMakesThem() {
        assertThat(ShapeWalker.parseInstant("+10055-01-01T00:00:00Z")).isEqualTo(Instant.parse("+10055-01-01T00:00:00Z"));
        assertThat(ShapeWalker.parseInstant("-0500-01-01T00:00:00Z")).isEqualTo(Instant.parse("-0500-01-01T00:00:00Z"));
        assertThat(ShapeWalker.parseInstant("1e300")).as("no timestamp, not 1970").isNull();
    }
}

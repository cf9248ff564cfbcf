package dev.redoubt.drills;

import java.util.List;
import java.util.Map;

/**
 * A recovery group the team reuses: resources restored in this order (an application: its database,
 * then its volumes), each with the restore role and the restore metadata to use (overriding what
 * AWS answers for the point), and extra checks to run after the restore. Saved as a JSON file
 * ({@link RunbookFile}).
 */
public record Runbook(String name, String description, List<Member> members) {
    public Runbook {
        members = List.copyOf(members);
    }

    /** One resource of the group. {@code iamRoleArn}, {@code metadata} and {@code checks} may be null/empty. */
    public record Member(String resourceArn, String iamRoleArn, Map<String, String> metadata, List<String> checks) {
        public Member {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }
}

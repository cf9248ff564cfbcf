package dev.redoubt.app.cli;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** How commands that talk to AWS describe themselves in the journal (docs/journal.md has each action's details). */
final class Recording {
    private Recording() {
    }

    static Mode mode(AccessMode mode) {
        return mode == AccessMode.OPERATOR ? Mode.OPERATOR : Mode.AUDITOR;
    }

    /** "sandbox" when the endpoint override is on this machine (Redoubt's sandbox), else live AWS. */
    static Target target(URI endpointOverride) {
        if (endpointOverride == null || endpointOverride.getHost() == null) {
            return Target.aws();
        }
        try {
            return InetAddress.getByName(endpointOverride.getHost()).isLoopbackAddress() ? Target.sandbox() : Target.aws();
        } catch (UnknownHostException e) {
            return Target.aws();
        }
    }
}

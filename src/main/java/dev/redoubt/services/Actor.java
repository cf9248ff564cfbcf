package dev.redoubt.services;

import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import java.util.Objects;

/** Who did something, in which mode, against what: the three members every journal entry carries. */
public record Actor(String who, Mode mode, Target target) {
    /** Who records when no one has signed in (a capture file or the built-in demo opened offline). */
    public static final String OFFLINE = "offline";

    public Actor {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(target, "target");
    }

    /** Work on Redoubt's own data or a file, with no AWS identity. */
    public static Actor offline(Target target) {
        return new Actor(OFFLINE, Mode.AUDITOR, target);
    }
}

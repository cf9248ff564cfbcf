package dev.redoubt.ui.drills;

import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DeviceCode;
import dev.redoubt.services.ProfileInfo;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.services.Services;
import dev.redoubt.ui.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The second person of a sign-off, signed in in this window: in the demo one of its SSO users (bob
 * first), against AWS a profile of the AWS config other than the operator's. They sign in read-only
 * (a sign-off changes nothing in AWS), into a token cache of their own, leaving the operator signed in.
 */
public final class SecondPersonSignIn implements DrillsViewModel.SecondPerson {
    /** The demo's SSO users who may sign off, bob (the one who is not alice) first. */
    static final List<String> DEMO_USERS = List.of("bob", "carol", "dave");

    private final Services services;
    private final Workspace workspace;

    public SecondPersonSignIn(Services services, Workspace workspace) {
        this.services = services;
        this.workspace = workspace;
    }

    @Override
    public List<String> choices(Connection operator) {
        if (operator == null ? workspace.connection() != null && workspace.connection().demo() : operator.demo()) {
            return DEMO_USERS;
        }
        List<String> out = new ArrayList<>();
        for (ProfileInfo p : services.signIn().profiles().profiles()) {
            if (operator == null || !p.name().equals(operator.profileName())) {
                out.add(p.name());
            }
        }
        return out;
    }

    @Override
    public Connection signIn(Connection operator, String who, Consumer<DeviceCode> prompt, Cancellation cancel) {
        if (operator != null && operator.demo()) {
            return services.demo().connectAnotherPerson(who, prompt, cancel);
        }
        if (operator != null && who.equals(operator.profileName())) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, who + " is the operator's own profile: a second person signs off with their own");
        }
        return services.signIn().signInAnotherPerson(who, prompt, cancel);
    }

    /** A rehearsal's "skip ahead": the demo's clock moves on (refused by the demo service outside the running demo). */
    public static DrillWizardViewModel.Rehearsal rehearsal(Services services) {
        return (Duration by) -> services.demo().advanceClock(by);
    }
}

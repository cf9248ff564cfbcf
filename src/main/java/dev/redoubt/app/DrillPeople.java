package dev.redoubt.app;

import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DeviceCode;
import dev.redoubt.services.ProfileInfo;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.services.Services;
import dev.redoubt.ui.drills.DrillWizardViewModel;
import dev.redoubt.ui.drills.DrillsViewModel;
import dev.redoubt.ui.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drills screen's second person and the sandbox's clock, wired here because only {@code app}
 * may reach the demo's sandbox: in the demo the second person is one of its SSO users (bob first);
 * against AWS, a profile of the AWS config. The second person signs in read-only: a sign-off changes
 * nothing in AWS.
 */
final class DrillPeople implements DrillsViewModel.SecondPerson {
    /** The demo's SSO users who may sign off, bob (the one who is not alice) first. */
    static final List<String> DEMO_USERS = List.of("bob", "carol", "dave");

    private final Services services;
    private final Workspace workspace;

    DrillPeople(Services services, Workspace workspace) {
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

    /** A rehearsal's "skip ahead": the demo sandbox's clock moves on. */
    static final class Rehearsal implements DrillWizardViewModel.Rehearsal {
        private final Services services;

        Rehearsal(Services services) {
            this.services = services;
        }

        @Override
        public void skipAhead(Duration by) {
            services.demo().advanceClock(by);
        }
    }
}

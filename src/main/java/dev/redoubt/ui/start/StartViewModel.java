package dev.redoubt.ui.start;

import dev.redoubt.journal.Mode;
import dev.redoubt.services.CredentialKind;
import dev.redoubt.services.ProfileInfo;
import dev.redoubt.services.ProfileList;
import dev.redoubt.services.RecentCapture;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.ui.workspace.ConsoleActions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen: the AWS profiles found (kind, target, SSO sign-in state), sign in with one in
 * the chosen mode, explore the demo, open a capture, and what was used lately.
 */
public final class StartViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private final ConsoleActions actions;
    private final Clock clock;
    private final ObservableList<ProfileRow> profiles = FXCollections.observableArrayList();
    private final ObservableList<RecentRow> recentCaptures = FXCollections.observableArrayList();
    private final ObservableList<String> recentProfiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper profilesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper configFile = new ReadOnlyStringWrapper("");

    public StartViewModel(ConsoleActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    public ObservableList<ProfileRow> profiles() {
        return profiles;
    }

    public ObservableList<RecentRow> recentCaptures() {
        return recentCaptures;
    }

    public ObservableList<String> recentProfiles() {
        return recentProfiles;
    }

    /** Why the list is empty or incomplete (no config file, a config that cannot be parsed), else "". */
    public ReadOnlyStringProperty profilesNoteProperty() {
        return profilesNote.getReadOnlyProperty();
    }

    /** The AWS config file the profiles come from. */
    public ReadOnlyStringProperty configFileProperty() {
        return configFile.getReadOnlyProperty();
    }

    /** The mode the next sign-in uses; the view asks for confirmation before it sets OPERATOR. */
    public ObjectProperty<Mode> modeProperty() {
        return actions.workspace().modeProperty();
    }

    /** True while a sign-in, scan or opening runs (the buttons wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return actions.workspace().busyProperty();
    }

    /** Gets the demo ready in the background (once), so that exploring it does not wait for a cold start. */
    public void prepareDemo() {
        actions.prepareDemo();
    }

    /** Reads the profiles and the recent lists again (off the UI thread); called whenever the screen is shown. */
    public void refresh() {
        actions.tasks().run("Reading your AWS profiles", false, ctx -> load(), this::apply, t -> {
            profiles.clear();
            profilesNote.set(t instanceof ServiceFailure f ? f.getMessage() : String.valueOf(t.getMessage()));
        });
    }

    /** What {@link #refresh} reads. */
    private record Loaded(ProfileList profiles, String problem, List<RecentCapture> captures, List<String> recentProfiles) {
    }

    private Loaded load() {
        ProfileList list = null;
        String problem = null;
        try {
            list = actions.services().signIn().profiles();
        } catch (ServiceFailure f) {
            problem = f.getMessage();
        }
        return new Loaded(list, problem, actions.services().estates().recentCaptures(), actions.services().estates().recentProfiles());
    }

    private void apply(Loaded l) {
        List<ProfileRow> rows = new ArrayList<>();
        if (l.profiles() != null) {
            configFile.set(l.profiles().configFile().toString());
            for (ProfileInfo p : l.profiles().profiles()) {
                rows.add(row(p));
            }
        }
        profiles.setAll(rows);
        if (l.problem() != null) {
            profilesNote.set(l.problem());
        } else if (rows.isEmpty()) {
            profilesNote.set("No AWS profiles in " + configFile.get() + ". Add one with the AWS CLI (aws configure sso), "
                    + "or explore the demo organization.");
        } else {
            profilesNote.set("");
        }
        List<RecentRow> recents = new ArrayList<>();
        for (RecentCapture c : l.captures()) {
            recents.add(new RecentRow(c.estateName() == null ? c.file().getFileName().toString() : c.estateName(), c.file(),
                    c.usedAt() == null ? "" : ago(c.usedAt())));
        }
        recentCaptures.setAll(recents);
        recentProfiles.setAll(l.recentProfiles());
    }

    ProfileRow row(ProfileInfo p) {
        String kind = switch (p.kind()) {
            case SSO -> "IAM Identity Center";
            case STATIC -> "Access keys";
            case ASSUME_ROLE -> "Assumed role";
            case WEB_IDENTITY -> "Web identity";
            case PROCESS -> "Credential process";
            case NONE -> "No credentials";
        };
        String target = switch (p.kind()) {
            case SSO -> (p.accountId() == null ? "any account" : p.accountId()) + " · " + (p.roleName() == null ? "any role" : p.roleName());
            case ASSUME_ROLE, WEB_IDENTITY -> (p.accountId() == null ? "" : p.accountId() + " · ")
                    + (p.roleName() == null ? p.roleArn() : p.roleName()) + (p.sourceProfile() == null ? "" : " (via " + p.sourceProfile() + ")");
            case STATIC -> p.maskedAccessKey() == null ? "" : "key " + p.maskedAccessKey();
            default -> "";
        };
        ProfileRow.SignInState state = switch (p.ssoState()) {
            case NOT_SSO -> ProfileRow.SignInState.NOT_SSO;
            case SIGNED_IN -> ProfileRow.SignInState.SIGNED_IN;
            case EXPIRED -> ProfileRow.SignInState.EXPIRED;
            case NOT_SIGNED_IN -> ProfileRow.SignInState.NOT_SIGNED_IN;
        };
        String signIn = switch (p.ssoState()) {
            case NOT_SSO -> p.kind() == CredentialKind.NONE ? "No credentials" : "Ready";
            case SIGNED_IN -> "Signed in until " + at(p.ssoExpiresAt());
            case EXPIRED -> "Expired " + at(p.ssoExpiresAt());
            case NOT_SIGNED_IN -> "Not signed in";
        };
        return new ProfileRow(p.name(), kind, target, p.region() == null ? "" : p.region(), p.endpointUrl() == null ? "" : p.endpointUrl(),
                signIn, state, p.needsSignIn(), p.isDefault());
    }

    /** Signs in with the profile in the chosen mode (the SSO device-code sign-in first when it needs one). */
    public void signIn(String profile) {
        actions.signIn(profile);
    }

    public void openDemo() {
        actions.openDemo();
    }

    public void openCapture(Path file) {
        actions.openCapture(file);
    }

    private String at(Instant t) {
        if (t == null) {
            return "";
        }
        var z = t.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
        boolean today = z.toLocalDate().equals(clock.instant().atZone(z.getZone()).toLocalDate());
        return (today ? TIME : DAY).format(z);
    }

    private String ago(Instant t) {
        Duration d = Duration.between(t, clock.instant());
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 2) {
            return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
        }
        return d.toDays() + " days ago";
    }
}

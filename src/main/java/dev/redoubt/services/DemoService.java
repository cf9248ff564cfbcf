package dev.redoubt.services;

import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.files.SafeFiles;
import dev.redoubt.journal.Mode;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * The built-in demo: Redoubt's sandbox serving the Northwind organization inside the process on a
 * free port, signed in to through its own IAM Identity Center device flow (approved at once as the
 * demo's first user). Its AWS config and SSO token cache live under Redoubt's home, never in ~/.aws.
 * The organization is frozen at its capture date, so every run shows the same findings as
 * {@code audit} of the demo does.
 */
public final class DemoService implements AutoCloseable {
    private static final String AUDITOR_ROLE = "AuditReadOnly";
    private static final String OPERATOR_ROLE = "BackupOperator";

    private final Path dir;
    private final Clock clock;
    private final ActivityJournal journal;
    private Sandbox sandbox;
    private Estate estate;
    private Estate prepared;
    /** A token cached for an earlier run's sandbox means nothing to this one: sign in once per start. */
    private boolean signedIn;

    /** @param dir the demo's own folder under Redoubt's home (its AWS config and SSO token cache) */
    public DemoService(Path dir, Clock clock, ActivityJournal journal) {
        this.dir = dir;
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * Starts the sandbox if it is not running, signs in through its device flow, and connects as the
     * demo's read-only role (auditor) or its backup operator role (operator).
     */
    public synchronized Connection connect(Mode mode, Consumer<DeviceCode> prompt, Cancellation cancel) {
        Sandbox s = start();
        SignInService signIn = new SignInService(AwsConfigFiles.isolated(dir.resolve("aws-config"), dir.resolve("sso-cache")),
                java.util.Map.of(), clock, journal);
        SandboxCredential home = s.defaultCredential();
        String role = mode == Mode.OPERATOR ? OPERATOR_ROLE : AUDITOR_ROLE;
        SandboxCredential chosen = s.credential(home.accountId(), role);
        String profile = "sso-" + Sandbox.profileName(chosen != null ? chosen : home);
        if (!signedIn || signIn.profile(profile).needsSignIn()) {
            signIn.signInWithSso(profile, prompt, cancel);
            signedIn = true;
        }
        return signIn.connect(profile, mode, Clock.fixed(estate.capturedAt(), ZoneOffset.UTC), true, estate.name());
    }

    /**
     * Gets the demo ready to open at once: builds the organization and loads the SDK clients it will
     * use, without opening a port or calling anything. The start screen asks for it in the background,
     * so "Explore the demo" does not pay for a cold start.
     */
    public void prepare() {
        Estate built = NorthwindDemo.build();
        synchronized (this) {
            if (prepared == null) {
                prepared = built;
            }
        }
        AwsClients.preload();
    }

    /** The sandbox, started on first use. */
    public synchronized Sandbox start() {
        if (sandbox == null) {
            try {
                SafeFiles.ownerOnlyDirectory(dir);
                estate = prepared != null ? prepared : NorthwindDemo.build();
                Sandbox s = Sandbox.start(SandboxOptions.inProcess(estate, clock).withAsCaptured(true));
                try {
                    byte[] config = s.awsConfig().getBytes(StandardCharsets.UTF_8);
                    SafeFiles.writeAtomically(dir.resolve("aws-config"), out -> out.write(config), true);
                } catch (IOException | RuntimeException e) {
                    s.close();
                    throw e;
                }
                sandbox = s;
                signedIn = false;
            } catch (IOException e) {
                throw new ServiceFailure(ServiceFailure.Kind.INTERNAL, "the demo sandbox cannot start (" + e.getMessage() + ")", null, e);
            }
        }
        return sandbox;
    }

    public synchronized boolean running() {
        return sandbox != null;
    }

    /** The demo organization's name. */
    public String name() {
        return NorthwindDemo.NAME;
    }

    /** The sandbox's log of requests: which operations were called, by whom (for proving an auditor wrote nothing). */
    public synchronized Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
            signedIn = false;
        }
    }
}

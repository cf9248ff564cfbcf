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
     * Signs a second person of the demo in, in the same window, for a sign-off: the sandbox's device
     * sign-in is approved as the demo's SSO user {@code userName} (bob, say) instead of its first user,
     * into a temporary token cache of its own, so the operator's sign-in and connection are left as
     * they are. The connection is in auditor mode, with a role the user is assigned (the read-only
     * role of the demo's home account when the user has it). Journaled as every demo sign-in is.
     *
     * @throws ServiceFailure BAD_INPUT when the demo has no such user or the user has no role in it
     */
    public Connection connectAnotherPerson(String userName, Consumer<DeviceCode> prompt, Cancellation cancel) {
        Sandbox s = start();
        Estate e;
        synchronized (this) {
            e = estate;
        }
        SandboxCredential role = signerRole(s, userName);
        String profile = "sso-" + Sandbox.profileName(role);
        java.nio.file.Path cache = SignInService.temporaryTokenCache();
        try {
            SignInService signIn = new SignInService(AwsConfigFiles.isolated(dir.resolve("aws-config"), cache), java.util.Map.of(), clock, journal);
            signIn.signInWithSso(profile, code -> {
                try {
                    s.approveDevice(code.userCode(), userName);
                } catch (IllegalArgumentException refused) {
                    throw new ServiceFailure(ServiceFailure.Kind.SIGN_IN_REQUIRED, "the demo could not sign " + userName + " in: "
                            + refused.getMessage() + "; start the sign-in again", ServiceFailure.facts("user", userName), refused);
                }
                prompt.accept(code);
            }, cancel);
            return signIn.connect(profile, Mode.AUDITOR, Clock.fixed(e.capturedAt(), ZoneOffset.UTC), true, e.name())
                    .afterClose(() -> SignInService.deleteQuietly(cache));
        } catch (RuntimeException ex) {
            SignInService.deleteQuietly(cache);
            throw ex;
        }
    }

    /** The role a second person signs in with: the home account's read-only role if assigned, else any read-only role, else the first. */
    private static SandboxCredential signerRole(Sandbox s, String userName) {
        if (userName == null || !s.userNames().contains(userName)) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the demo has no person named " + userName + "; its people are "
                    + String.join(", ", s.userNames()), ServiceFailure.facts("user", String.valueOf(userName)), null);
        }
        java.util.List<SandboxCredential> roles = s.credentialsOf(userName);
        if (roles.isEmpty()) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, userName + " has no role in any account of the demo, so cannot sign in",
                    ServiceFailure.facts("user", userName), null);
        }
        String home = s.defaultCredential().accountId();
        return roles.stream().filter(c -> c.accountId().equals(home) && c.roleName().equals(AUDITOR_ROLE)).findFirst()
                .or(() -> roles.stream().filter(c -> c.roleName().equals(AUDITOR_ROLE)).findFirst())
                .orElse(roles.get(0));
    }

    /**
     * Moves the demo sandbox's clock forward by {@code by}, so a rehearsal's restore job (minutes on
     * the sandbox's clock) moves on at once: "skip ahead". Only the demo's own sandbox has a clock to
     * move: refused when the demo is not running. Whoever is signed in stays signed in.
     *
     * @throws ServiceFailure BAD_INPUT when {@code by} is not positive or more than a day; BAD_INPUT when the demo is not running
     */
    public synchronized void advanceClock(java.time.Duration by) {
        if (by == null || by.isNegative() || by.isZero() || by.compareTo(java.time.Duration.ofDays(1)) > 0) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the demo's clock moves ahead by more than nothing and at most a day, not "
                    + by, ServiceFailure.facts("problem", String.valueOf(by)), null);
        }
        if (sandbox == null) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "only the demo's clock can be moved ahead, and the demo is not running",
                    ServiceFailure.facts("problem", "not the demo"), null);
        }
        // skipped, not waited: the operator and the signer stay signed in (their sandbox credentials are extended)
        sandbox.skipAhead(by);
    }

    /**
     * Moves the clock for work done through {@code connection}: only a connection to the running demo
     * has one to move (AWS's clock and another sandbox's are not Redoubt's to move).
     *
     * @throws ServiceFailure BAD_INPUT when the connection is not the running demo's
     */
    public synchronized void advanceClock(Connection connection, java.time.Duration by) {
        if (connection == null || !connection.demo() || sandbox == null
                || !sandbox.endpoint().toString().equals(connection.endpoint())) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "only the demo's clock can be moved ahead; this connection is "
                    + (connection == null ? "not open" : connection.demo() ? "to a demo that is no longer running" : "not the demo"),
                    ServiceFailure.facts("problem", "not the demo"), null);
        }
        advanceClock(by);
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

    /**
     * The running demo's approver page, where the estate's SSO users vote on approval sessions as they would
     * in AWS's approval portal; null unless {@code connection} is the running demo's.
     */
    public synchronized String approverPage(Connection connection) {
        if (connection == null || !connection.demo() || sandbox == null || !sandbox.endpoint().toString().equals(connection.endpoint())) {
            return null;
        }
        return sandbox.endpoint().resolve("/approvals").toString();
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

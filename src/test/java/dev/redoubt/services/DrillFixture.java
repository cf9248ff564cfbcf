package dev.redoubt.services;

import dev.redoubt.app.AppContext;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.journal.Mode;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A Redoubt home in a temporary folder with the demo's sandbox behind it, on a clock the test moves
 * (the sandbox's restore jobs and the journal's times move with it).
 */
final class DrillFixture implements AutoCloseable {
    static final String SHOP = "645019283746";

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final Path home;
    final TestClock clock;
    final AppContext app;
    /** A sandbox that outlives this run of Redoubt (for restarts); null: the demo's own. */
    private final Sandbox external;

    DrillFixture(Path home, TestClock clock) {
        this(home, clock, null);
    }

    DrillFixture(Path home, TestClock clock, Sandbox external) {
        this.home = home;
        this.clock = clock;
        this.external = external;
        this.app = new AppContext(Map.of("REDOUBT_HOME", home.toString(), "HOME", home.resolveSibling(home.getFileName() + "-user").toString()), clock);
    }

    /** A run of Redoubt on {@code home} against a sandbox the test started (it survives the run's end). */
    static DrillFixture against(Path home, TestClock clock, Sandbox sandbox) {
        return new DrillFixture(home, clock, sandbox);
    }

    /** A sandbox serving the demo on {@code clock}, for a test to start and close itself. */
    static Sandbox demoSandbox(TestClock clock) throws java.io.IOException {
        return Sandbox.start(dev.redoubt.sandbox.SandboxOptions.inProcess(NorthwindDemo.build(), clock).withAsCaptured(true));
    }

    static DrillFixture open(Path dir) {
        return new DrillFixture(dir.resolve("home"), new TestClock(NorthwindDemo.CAPTURED_AT.plus(Duration.ofHours(1))));
    }

    /** A second run of Redoubt on the same home (after a restart). */
    DrillFixture restart() {
        return new DrillFixture(home, clock);
    }

    DrillService drills() {
        return app.drills();
    }

    Connection operator() {
        return app.demo().connect(Mode.OPERATOR, c -> { }, Cancellation.none());
    }

    Connection auditor() {
        return app.demo().connect(Mode.AUDITOR, c -> { }, Cancellation.none());
    }

    /** Another identity than the demo's SSO user: the static keys of a role of the sandbox, signed in through its profile. */
    Connection other(String accountId, String role, Mode mode) {
        Sandbox s = sandbox();
        SandboxCredential c = s.credential(accountId, role);
        if (c == null) {
            throw new IllegalArgumentException("the sandbox has no role " + role + " in " + accountId);
        }
        Path dir = app.paths().home().resolve(external != null ? "external" : "demo");
        if (external != null) {
            try {
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(dir.resolve("aws-config"), external.awsConfig());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        SignInService signIn = new SignInService(AwsConfigFiles.isolated(dir.resolve("aws-config"), dir.resolve("sso-cache")), Map.of(), clock,
                app.activity());
        return signIn.connect(Sandbox.profileName(c), mode, clock, true, NorthwindDemo.NAME);
    }

    Sandbox sandbox() {
        return external != null ? external : app.demo().start();
    }

    /** Moves Redoubt's and the sandbox's time on together. */
    void advance(Duration d) {
        clock.advance(d);
    }

    EstateCatalog catalog() {
        return catalog(NorthwindDemo.build());
    }

    EstateCatalog catalog(Estate estate) {
        LoadedEstate loaded = new LoadedEstate(estate, EstateOrigin.demo());
        return EstateCatalog.of(app.audits().audit(loaded.estate(), AuditService.subjectOf(loaded)));
    }

    static String arnOf(EstateCatalog catalog, String name) {
        for (EstateIndex.ResourceRef r : catalog.index().protectedResources()) {
            if (name.equals(r.resource().resourceName())) {
                return r.resource().resourceArn();
            }
        }
        throw new IllegalArgumentException("no resource " + name);
    }

    @Override
    public void close() {
        app.close();
    }
}

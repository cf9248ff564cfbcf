package dev.redoubt.services;

import dev.redoubt.aws.signin.Session;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * A signed-in identity Redoubt can scan with: who it is, in which mode, against which endpoint.
 * Holds the SDK clients of the sign-in; closing it closes them.
 */
public final class Connection implements AutoCloseable {
    private final Session session;
    private final Identity identity;
    private final Mode mode;
    private final Clock captureClock;
    private final boolean demo;
    private final String estateName;
    /** Run after the session closes (a second person's temporary token cache is deleted). */
    private volatile Runnable afterClose = () -> { };

    Connection(Session session, Identity identity, Mode mode, Clock captureClock, boolean demo, String estateName) {
        this.session = session;
        this.identity = identity;
        this.mode = mode;
        this.captureClock = captureClock;
        this.demo = demo;
        this.estateName = estateName;
    }

    public Identity identity() {
        return identity;
    }

    public Mode mode() {
        return mode;
    }

    public String profileName() {
        return identity.profile();
    }

    /** The profile's region (where single-region work goes by default). */
    public String region() {
        return session.region();
    }

    /** The endpoint override (the sandbox, or a custom endpoint), or null for AWS itself. */
    public String endpoint() {
        URI e = session.clients().settings().endpointOverride();
        return e == null ? null : e.toString();
    }

    /** True for the built-in demo organization served by Redoubt's own sandbox. */
    public boolean demo() {
        return demo;
    }

    /** The name a capture through this connection takes (the demo organization's), or null for the scanner's own. */
    String estateName() {
        return estateName;
    }

    /** "sandbox" when the endpoint is on this machine (Redoubt's sandbox), else live AWS. */
    public Target target() {
        return targetOf(session.clients().settings().endpointOverride());
    }

    /** Who is recorded in the journal for work done through this connection. */
    public Actor actor() {
        return new Actor(identity.arn(), mode, target());
    }

    /** For an SSO sign-in, every account and role the user may take; empty for other profiles. */
    public java.util.List<ReachableRole> reachableRoles() {
        try {
            return session.reachableRoles().stream().map(r -> new ReachableRole(r.accountId(), r.accountName(), r.roleName())).toList();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * The SDK clients to act in {@code accountId}: the sign-in's own in its own account, else the role of
     * the same name as the signed-in one in that account (SSO role credentials or sts:AssumeRole), as the
     * scanner reaches other accounts.
     */
    dev.redoubt.aws.AwsClients clientsIn(String accountId) {
        if (accountId == null || accountId.equals(identity.accountId())) {
            return session.clients();
        }
        String role = session.profile().ssoRoleName();
        if (role == null) {
            role = roleNameOf(identity.arn());
        }
        if (role == null) {
            throw new ServiceFailure(ServiceFailure.Kind.ACCESS_DENIED, "the signed-in identity " + identity.arn()
                    + " is not a role, so Redoubt cannot take the same role in account " + accountId + "; sign in to that account",
                    ServiceFailure.facts("account", accountId), null);
        }
        return session.clientsFor(accountId, role);
    }

    /** The role's name in an assumed-role or role ARN; null for users and roots. */
    static String roleNameOf(String arn) {
        if (arn == null) {
            return null;
        }
        int i = arn.indexOf(":assumed-role/");
        if (i >= 0) {
            String rest = arn.substring(i + ":assumed-role/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        i = arn.indexOf(":role/");
        return i < 0 ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    Session session() {
        return session;
    }

    /** The clock a capture through this connection is dated by (the demo is frozen at its own date). */
    Clock captureClock() {
        return captureClock;
    }

    static Target targetOf(URI endpointOverride) {
        if (endpointOverride == null || endpointOverride.getHost() == null) {
            return Target.aws();
        }
        try {
            return InetAddress.getByName(endpointOverride.getHost()).isLoopbackAddress() ? Target.sandbox() : Target.aws();
        } catch (UnknownHostException e) {
            return Target.aws();
        }
    }

    /** This connection, doing {@code cleanup} once its session is closed. */
    Connection afterClose(Runnable cleanup) {
        this.afterClose = cleanup;
        return this;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            Runnable r = afterClose;
            afterClose = () -> { };
            r.run();
        }
    }
}

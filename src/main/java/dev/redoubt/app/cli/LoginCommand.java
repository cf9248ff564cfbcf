package dev.redoubt.app.cli;

import dev.redoubt.app.SystemBrowser;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.signin.SignIn;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsFailures;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.journal.EntryDraft;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in to IAM Identity Center (SSO) with the device-code flow. The token is cached where the",
                "AWS CLI v2 keeps it (~/.aws/sso/cache), so `aws sso login` and Redoubt reuse each other's sign-in."})
final class LoginCommand implements Runnable {
    private final CliContext ctx;

    @Option(names = "--profile", description = "The SSO profile (default: AWS_PROFILE, else \"default\").")
    String profileName;

    @Option(names = "--no-browser", description = "Do not try to open the verification page; just print it.")
    boolean noBrowser;

    LoginCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        SignIn signIn = new SignIn(new AwsConfigFiles(ctx.env(), ctx.userHome()), ctx.env(), ctx.clock());
        AwsProfile profile = signIn.profile(profileName);
        if (profile.kind() != ProfileKind.SSO) {
            throw new CliException(ExitCodes.USAGE, "profile " + profile.name() + " signs in with " + profile.kind().label()
                    + " credentials, not IAM Identity Center; there is nothing to log in to (see: redoubt profiles)");
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        try (AwsClients clients = signIn.signInClients(profile)) {
            ctx.out().println("Signing in to " + profile.ssoStartUrl() + " (profile " + profile.name() + ").");
            SsoToken token;
            try {
                token = signIn.ssoLogin(clients).login(profile, (uri, complete, code, expires) -> {
                    String page = complete != null ? complete : uri;
                    ctx.out().println("Open this page and confirm the code " + code + " (valid until " + time.format(expires) + "):");
                    ctx.out().println("  " + page);
                    if (!noBrowser && new SystemBrowser(ctx.env()).open(page)) {
                        ctx.out().println("(A browser window was opened.)");
                    }
                    ctx.out().println("Waiting for confirmation... (Ctrl+C to cancel)");
                });
            } catch (RuntimeException e) {
                record(signIn, profile, profile.name(), "failed", AwsFailures.translate(e).getMessage(), null);
                throw e;
            }
            ctx.out().println("Signed in until " + token.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ".");
            record(signIn, profile, callerArn(signIn, profile), "ok", null, token.expiresAt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "sign-in cancelled");
        }
    }

    /** The caller's ARN when the profile names an account and role (one STS call); else the portal's start URL. */
    private String callerArn(SignIn signIn, AwsProfile profile) {
        if (profile.ssoAccountId() == null || profile.ssoRoleName() == null) {
            return profile.ssoStartUrl();
        }
        try (Session session = signIn.open(profile, AccessMode.AUDITOR)) {
            return session.callerIdentity().arn();
        } catch (RuntimeException e) {
            return profile.ssoStartUrl();
        }
    }

    private void record(SignIn signIn, AwsProfile profile, String subject, String outcome, String error, java.time.Instant expires) {
        String actor = subject.startsWith("arn:") ? subject : "sso:" + profile.ssoStartUrl();
        EntryDraft draft = EntryDraft.of(actor, Recording.mode(AccessMode.AUDITOR),
                Recording.target(signIn.settingsFor(profile, AccessMode.AUDITOR).endpointOverride()), "sign-in", subject);
        ObjectNode d = draft.detailsObject();
        d.put("method", "sso").put("profile", profile.name()).put("region", profile.ssoRegion()).put("outcome", outcome);
        if (profile.ssoAccountId() != null) {
            d.put("account", profile.ssoAccountId());
        }
        if (error != null) {
            d.put("error", error);
        }
        if (expires != null) {
            d.put("expiresAt", expires.toString());
        }
        ctx.journal().append(draft);
    }
}

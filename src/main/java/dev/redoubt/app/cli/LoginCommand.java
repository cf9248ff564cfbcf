package dev.redoubt.app.cli;

import dev.redoubt.app.SystemBrowser;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.SignInService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        header = "Sign in to IAM Identity Center (SSO) with the device-code flow.",
        description = {"The token is cached where the AWS CLI v2 keeps it (~/.aws/sso/cache), so `aws sso login` and Redoubt reuse"
                + " each other's sign-in."})
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
        SignInService signIn = ctx.app().signIn();
        var profile = signIn.profile(profileName);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        if (profile.ssoStartUrl() != null) {
            ctx.out().println("Signing in to " + profile.ssoStartUrl() + " (profile " + profile.name() + ").");
        }
        Cancellation cancel = new Cancellation();
        try (CtrlC ignored = CtrlC.cancels(ctx, cancel)) {
            SignInService.SsoSignIn done = signIn.signInWithSso(profile.name(), code -> {
                ctx.out().println("Open this page and confirm the code " + code.userCode() + " (valid until " + time.format(code.expiresAt()) + "):");
                ctx.out().println("  " + code.pageToOpen());
                if (!noBrowser && new SystemBrowser(ctx.env()).open(code.pageToOpen())) {
                    ctx.out().println("(A browser window was opened.)");
                }
                ctx.out().println("Waiting for confirmation... (Ctrl+C to cancel)");
            }, cancel);
            ctx.out().println("Signed in until " + done.expiresAt().truncatedTo(ChronoUnit.SECONDS) + ".");
        }
    }
}

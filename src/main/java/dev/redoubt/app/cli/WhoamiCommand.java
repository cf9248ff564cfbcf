package dev.redoubt.app.cli;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.signin.AccountRole;
import dev.redoubt.aws.signin.CallerIdentity;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show who you are signed in as (sts:GetCallerIdentity), in which mode, and which accounts and roles you can reach.")
final class WhoamiCommand implements Runnable {
    private final CliContext ctx;

    @Mixin
    SignInOptions signInOptions;

    @Option(names = "--accounts", description = "List every account and role an SSO sign-in can reach.")
    boolean listAccounts;

    WhoamiCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        SignIn signIn = new SignIn(new AwsConfigFiles(ctx.env(), ctx.userHome()), ctx.env(), ctx.clock());
        AwsProfile profile = signIn.profile(signInOptions.profile);
        AccessMode mode = signInOptions.accessMode();
        try (Session session = signIn.open(profile, mode)) {
            CallerIdentity id = session.callerIdentity();
            ctx.out().println("Principal: " + id.arn());
            ctx.out().println("Account:   " + id.account());
            ctx.out().println("Profile:   " + profile.name() + " (" + profile.kind().label() + ")");
            ctx.out().println("Mode:      " + mode.label() + (mode == AccessMode.AUDITOR ? " (read-only, enforced in the SDK)" : ""));
            if (session.clients().settings().endpointOverride() != null) {
                ctx.out().println("Endpoint:  " + session.clients().settings().endpointOverride());
            }
            List<AccountRole> roles = session.reachableRoles();
            if (!roles.isEmpty()) {
                long accounts = roles.stream().map(AccountRole::accountId).distinct().count();
                ctx.out().printf(Locale.ROOT, "Reach:     %d accounts, %d roles%n", accounts, roles.size());
                if (listAccounts) {
                    for (AccountRole r : roles) {
                        ctx.out().printf(Locale.ROOT, "  %s  %-28s  %s%n", r.accountId(), r.accountName(), r.roleName());
                    }
                }
            }
        }
    }
}

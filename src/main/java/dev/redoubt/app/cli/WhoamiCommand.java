package dev.redoubt.app.cli;

import dev.redoubt.journal.Mode;
import dev.redoubt.services.Connection;
import dev.redoubt.services.ReachableRole;
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
        Mode mode = signInOptions.mode();
        try (Connection c = ctx.app().signIn().signIn(signInOptions.profile, mode)) {
            ctx.out().println("Principal: " + c.identity().arn());
            ctx.out().println("Account:   " + c.identity().accountId());
            ctx.out().println("Profile:   " + c.profileName() + " (" + c.identity().kind().label() + ")");
            ctx.out().println("Mode:      " + mode.wire() + (mode == Mode.AUDITOR ? " (read-only, enforced in the SDK)" : ""));
            if (c.endpoint() != null) {
                ctx.out().println("Endpoint:  " + c.endpoint());
            }
            List<ReachableRole> roles = c.reachableRoles();
            if (!roles.isEmpty()) {
                long accounts = roles.stream().map(ReachableRole::accountId).distinct().count();
                ctx.out().printf(Locale.ROOT, "Reach:     %d accounts, %d roles%n", accounts, roles.size());
                if (listAccounts) {
                    for (ReachableRole r : roles) {
                        ctx.out().printf(Locale.ROOT, "  %s  %-28s  %s%n", r.accountId(), r.accountName(), r.roleName());
                    }
                }
            }
        }
    }
}

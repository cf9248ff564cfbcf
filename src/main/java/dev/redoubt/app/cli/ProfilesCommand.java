package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Quoting;
import dev.redoubt.services.CredentialKind;
import dev.redoubt.services.ProfileInfo;
import dev.redoubt.services.ProfileList;
import java.io.PrintStream;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        header = "List the AWS profiles (as the AWS CLI reads them) and how each signs in.",
        description = {"The profiles of the config and credentials files, with how each signs in and, for SSO, whether a valid token"
                + " is cached and until when."})
final class ProfilesCommand implements Runnable {
    private final CliContext ctx;

    @Option(names = "--json", description = "Print the profiles as JSON.")
    boolean json;

    ProfilesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ProfileList list = ctx.app().signIn().profiles();
        PrintStream out = ctx.out();
        if (json) {
            ArrayNode arr = new ObjectMapper().createArrayNode();
            for (ProfileInfo p : list.profiles()) {
                ObjectNode n = arr.addObject();
                n.put("Name", p.name());
                n.put("Kind", p.kind().label());
                n.put("Region", p.region());
                n.put("Target", target(p));
                n.put("EndpointUrl", p.endpointUrl());
                n.put("Default", p.isDefault());
                if (p.kind() == CredentialKind.SSO) {
                    n.put("SsoTokenValid", p.ssoState() == ProfileInfo.SsoState.SIGNED_IN);
                    n.put("SsoTokenExpiresAt", p.ssoExpiresAt() == null ? null : p.ssoExpiresAt().toString());
                }
            }
            out.println(arr.toPrettyString());
            return;
        }
        if (list.profiles().isEmpty()) {
            out.println("No AWS profiles in " + list.configFile() + " or " + list.credentialsFile()
                    + ". Add one with `aws configure sso`, or try the sandbox: redoubt sandbox --demo");
            return;
        }
        // The name column is as wide as the longest name, up to NAME_WIDTH; a longer one is cut in the middle.
        int nameWidth = Math.min(NAME_WIDTH, Math.max("PROFILE".length(),
                list.profiles().stream().mapToInt(p -> Columns.truncate(p.name(), Integer.MAX_VALUE).length()).max().orElse(0)));
        String fmt = "%-1s %-" + nameWidth + "s  %-12s  %-14s  %-44s  %s%n";
        out.printf(Locale.ROOT, fmt, "", "PROFILE", "KIND", "REGION", "ACCOUNT / ROLE", "SIGN-IN");
        for (ProfileInfo p : list.profiles()) {
            out.printf(Locale.ROOT, fmt, p.isDefault() ? "*" : "", Columns.middle(p.name(), nameWidth), p.kind().label(),
                    p.region() == null ? "-" : Columns.truncate(p.region(), 14), Columns.middle(target(p), 44), Columns.truncate(signIn(p), 200));
        }
        out.println();
        out.println("* the default profile (AWS_PROFILE, else \"default\"). Config: " + list.configFile());
    }

    private static final int NAME_WIDTH = 40;

    private static String target(ProfileInfo p) {
        return switch (p.kind()) {
            case SSO -> (p.accountId() == null ? "(choose account)" : p.accountId()) + " / "
                    + (p.roleName() == null ? "(choose role)" : p.roleName());
            case ASSUME_ROLE, WEB_IDENTITY -> p.roleArn();
            case STATIC -> "key " + (p.maskedAccessKey() == null ? "-" : p.maskedAccessKey());
            default -> "-";
        } + (p.endpointUrl() == null ? "" : " @ " + p.endpointUrl());
    }

    private static String signIn(ProfileInfo p) {
        return switch (p.ssoState()) {
            case NOT_SSO -> p.kind() == CredentialKind.ASSUME_ROLE && p.sourceProfile() != null ? "via " + p.sourceProfile() : "-";
            case NOT_SIGNED_IN -> "not signed in: redoubt login --profile " + Quoting.sh(p.name());
            case SIGNED_IN -> "signed in until " + p.ssoExpiresAt();
            case EXPIRED -> "expired " + p.ssoExpiresAt() + ": redoubt login --profile " + Quoting.sh(p.name());
        };
    }
}

package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.profiles.SsoTokenCache;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List the AWS profiles from the config and credentials files (as the AWS CLI reads them),",
                "with how each signs in and, for SSO, whether a valid token is cached and until when."})
final class ProfilesCommand implements Runnable {
    private final CliContext ctx;

    @Option(names = "--json", description = "Print the profiles as JSON.")
    boolean json;

    ProfilesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        AwsConfigFiles files = new AwsConfigFiles(ctx.env(), ctx.userHome());
        List<AwsProfile> profiles;
        try {
            profiles = files.profiles();
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, files.configFile() + ": cannot be parsed (" + e.getMessage()
                    + "); fix the file (see `aws configure list-profiles`)", null, e);
        }
        SsoTokenCache cache = new SsoTokenCache(files.ssoCacheDir());
        Instant now = ctx.clock().instant();
        PrintStream out = ctx.out();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode arr = m.createArrayNode();
            for (AwsProfile p : profiles) {
                ObjectNode n = arr.addObject();
                n.put("Name", p.name());
                n.put("Kind", p.kind().label());
                n.put("Region", p.region());
                n.put("Target", target(p));
                n.put("EndpointUrl", p.endpointUrl());
                n.put("Default", p.name().equals(files.defaultProfileName()));
                if (p.kind() == ProfileKind.SSO) {
                    Optional<SsoToken> t = token(cache, p);
                    n.put("SsoTokenValid", t.map(x -> x.validAt(now)).orElse(false));
                    n.put("SsoTokenExpiresAt", t.map(x -> x.expiresAt() == null ? null : x.expiresAt().toString()).orElse(null));
                }
            }
            out.println(arr.toPrettyString());
            return;
        }
        if (profiles.isEmpty()) {
            out.println("No AWS profiles in " + files.configFile() + " or " + files.credentialsFile()
                    + ". Add one with `aws configure sso`, or try the sandbox: redoubt sandbox --demo");
            return;
        }
        String fmt = "%-1s %-24s  %-12s  %-14s  %-44s  %s%n";
        out.printf(Locale.ROOT, fmt, "", "PROFILE", "KIND", "REGION", "ACCOUNT / ROLE", "SIGN-IN");
        for (AwsProfile p : profiles) {
            out.printf(Locale.ROOT, fmt, p.name().equals(files.defaultProfileName()) ? "*" : "", p.name(), p.kind().label(),
                    p.region() == null ? "-" : p.region(), target(p), signIn(cache, p, now));
        }
        out.println();
        out.println("* the default profile (AWS_PROFILE, else \"default\"). Config: " + files.configFile());
    }

    private static Optional<SsoToken> token(SsoTokenCache cache, AwsProfile p) {
        return p.ssoCacheKey() == null ? Optional.empty() : cache.read(p.ssoCacheKey());
    }

    private static String target(AwsProfile p) {
        return switch (p.kind()) {
            case SSO -> (p.ssoAccountId() == null ? "(choose account)" : p.ssoAccountId()) + " / "
                    + (p.ssoRoleName() == null ? "(choose role)" : p.ssoRoleName());
            case ASSUME_ROLE, WEB_IDENTITY -> p.roleArn();
            case STATIC -> "key " + mask(p.accessKeyId());
            default -> "-";
        } + (p.endpointUrl() == null ? "" : " @ " + p.endpointUrl());
    }

    private static String signIn(SsoTokenCache cache, AwsProfile p, Instant now) {
        if (p.kind() != ProfileKind.SSO) {
            return p.kind() == ProfileKind.ASSUME_ROLE && p.sourceProfile() != null ? "via " + p.sourceProfile() : "-";
        }
        Optional<SsoToken> t = token(cache, p);
        if (t.isEmpty()) {
            return "not signed in: redoubt login --profile " + p.name();
        }
        if (t.get().validAt(now)) {
            return "signed in until " + t.get().expiresAt();
        }
        return "expired " + t.get().expiresAt() + ": redoubt login --profile " + p.name();
    }

    /** Shows only the start of an access key ID, which identifies it without revealing it. */
    private static String mask(String keyId) {
        if (keyId == null) {
            return "-";
        }
        return keyId.length() <= 8 ? "****" : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }
}

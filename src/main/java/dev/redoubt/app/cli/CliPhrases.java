package dev.redoubt.app.cli;

import dev.redoubt.findings.Quoting;
import dev.redoubt.services.ServiceFailure;
import java.util.Map;

/** How the command line tells a service's failure: its one line, plus the command or option that helps. */
final class CliPhrases {
    /** The option each BAD_INPUT field comes from. */
    private static final Map<String, String> OPTIONS = Map.of("accounts", "--accounts", "regions", "--regions",
            "inFlight", "--in-flight", "check", "--check", "resource", "--resource", "justification", "--justification",
            "author", "--author", "expires", "--expires");

    private CliPhrases() {
    }

    static String of(ServiceFailure f) {
        String m = f.getMessage();
        return switch (f.kind()) {
            case SIGN_IN_REQUIRED -> f.fact("profile") != null ? m + "; run: redoubt login --profile " + Quoting.sh(f.fact("profile"))
                    : m.endsWith("sign in again") ? m + " (redoubt login)" : m;
            case PROFILE_NOT_FOUND -> m + "; list them with: redoubt profiles";
            case NOT_SSO -> m + " (see: redoubt profiles)";
            case BAD_INPUT -> {
                String option = f.fact("field") == null ? null : OPTIONS.get(f.fact("field"));
                if (option == null) {
                    yield m;
                }
                yield option + ": " + m + (option.equals("--accounts") ? "; use IDs or \"all\"" : option.equals("--regions") ? " or \"all\"" : "");
            }
            case CANCELLED -> m.contains("scan") ? "scan interrupted" : m;
            case READ_ONLY -> m + " (sign in with --operator)";
            default -> m;
        };
    }
}

package dev.redoubt.ui.workspace;

import dev.redoubt.services.ServiceFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** How the window tells a failure: a title saying what could not be done, the reason, and what to do (with a button when there is one). */
public final class FailureText {
    private FailureText() {
    }

    /**
     * @param what what the user was doing, as a title ("Could not open the capture")
     * @param signIn how to sign in to a profile again, offered when a sign-in is what is missing
     */
    public static Notice of(String what, Throwable t, Consumer<String> signIn) {
        if (!(t instanceof ServiceFailure f)) {
            return Notice.of(Notice.Kind.ERROR, what, "Something went wrong inside Redoubt (" + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "). The log in Redoubt's home has the details; please report it.");
        }
        String m = sentence(f.getMessage());
        List<Notice.Action> actions = new ArrayList<>();
        String advice = switch (f.kind()) {
            case SIGN_IN_REQUIRED -> {
                if (f.fact("profile") != null) {
                    actions.add(new Notice.Action("Sign in", () -> signIn.accept(f.fact("profile"))));
                }
                yield "Sign in again with SSO.";
            }
            case PROFILE_NOT_FOUND -> "Choose one of the profiles listed on the start screen, or add it to " + f.fact("configFile") + ".";
            case NOT_SSO -> "This profile uses its own credentials: connect with it directly.";
            case ACCESS_DENIED -> "Your role may not read this. Ask for a read-only role in the accounts to audit, or choose another role.";
            case UNREACHABLE -> "Check the network, the region or the profile's endpoint_url, then try again.";
            case READ_ONLY -> "You are signed in as an auditor (read-only). Sign in as an operator to make changes.";
            case BAD_INPUT -> f.fact("file") != null ? "Fix the file, or choose another one." : "Correct the value and try again.";
            case INTEGRITY -> "Keep a copy of the journal and verify it; do not rely on it until it verifies.";
            case CANCELLED -> "";
            case INTERNAL -> "This is a defect in Redoubt; the log in Redoubt's home has the details.";
        };
        Notice.Kind kind = f.kind() == ServiceFailure.Kind.CANCELLED ? Notice.Kind.INFO : Notice.Kind.ERROR;
        return new Notice(kind, what, advice.isEmpty() ? m : m + " " + advice, actions);
    }

    /** The services' lower-case one-liners as a sentence. */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.trim();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}

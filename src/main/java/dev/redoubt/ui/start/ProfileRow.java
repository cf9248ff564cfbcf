package dev.redoubt.ui.start;

/**
 * One AWS profile as the start screen lists it: name, how it signs in (in words), where it points,
 * and its SSO sign-in state in words ("Signed in until 15:02").
 */
public record ProfileRow(String name, String kind, String target, String region, String endpoint, String signIn, SignInState state,
                         boolean needsSignIn, boolean isDefault) {
    /** For the colour of the sign-in column. */
    public enum SignInState { NOT_SSO, SIGNED_IN, EXPIRED, NOT_SIGNED_IN }
}

package dev.redoubt.sandbox;

/** The sandbox's HTML pages (device sign-in, approvals); filled in with the SSO flow. */
final class Pages {
    boolean handles(HttpRequest req) {
        return false;
    }

    Wire.Answer handle(HttpRequest req) {
        throw new UnsupportedOperationException();
    }
}

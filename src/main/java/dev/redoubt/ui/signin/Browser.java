package dev.redoubt.ui.signin;

/** Opens a web page in the user's browser (the SSO verification page); behind an interface because a headless test has no browser. */
@FunctionalInterface
public interface Browser {
    /** True when a browser was asked to open it. */
    boolean open(String url);

    Browser NONE = url -> false;
}

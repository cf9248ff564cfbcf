package dev.redoubt.ui.signin;

import dev.redoubt.services.Cancellation;
import dev.redoubt.services.DeviceCode;
import dev.redoubt.ui.signin.Browser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The SSO device-code sign-in as the user follows it: the code to confirm, the page to confirm it
 * on, the time left before the code expires, and cancel. The dialog's view binds to it.
 */
public final class SignInViewModel {
    private final String profile;
    private final DeviceCode code;
    private final Cancellation cancellation;
    private final Browser browser;
    private final Clock clock;
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper browserOpened = new ReadOnlyBooleanWrapper();

    public SignInViewModel(String profile, DeviceCode code, Cancellation cancellation, Browser browser, Clock clock) {
        this.profile = profile;
        this.code = code;
        this.cancellation = cancellation;
        this.browser = browser;
        this.clock = clock;
        tick();
    }

    public String profile() {
        return profile;
    }

    /** The code as AWS gives it (ABCD-EFGH). */
    public String userCode() {
        return code.userCode();
    }

    /** The page without the code filled in: what the user types if the browser did not open. */
    public String verificationUri() {
        return code.verificationUri();
    }

    public String pageToOpen() {
        return code.pageToOpen();
    }

    public Instant expiresAt() {
        return code.expiresAt();
    }

    /** "9:41 left", updated by {@link #tick()}. */
    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    /** True once the browser was asked to open the page; otherwise the dialog says to open it by hand. */
    public ReadOnlyBooleanProperty browserOpenedProperty() {
        return browserOpened.getReadOnlyProperty();
    }

    /** Recomputes the time left; the view calls it every second. */
    public void tick() {
        Duration left = code.expiresAt() == null ? Duration.ZERO : Duration.between(clock.instant(), code.expiresAt());
        if (left.isNegative() || left.isZero()) {
            remaining.set("The code has expired");
            expired.set(true);
        } else {
            long s = left.getSeconds();
            remaining.set(String.format(java.util.Locale.ROOT, "%d:%02d left", s / 60, s % 60));
        }
    }

    /** Opens the verification page (with the code filled in when AWS gives one). */
    public void openPage() {
        browserOpened.set(browser.open(code.pageToOpen()));
    }

    /** Stops waiting for the confirmation; the sign-in then ends as cancelled. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean cancelled() {
        return cancellation.isCancelled();
    }
}

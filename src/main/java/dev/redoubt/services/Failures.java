package dev.redoubt.services;

import dev.redoubt.aws.AwsFailure;
import dev.redoubt.aws.AwsFailures;
import dev.redoubt.aws.EndpointUnreachableException;
import dev.redoubt.aws.ReadOnlyViolationException;
import dev.redoubt.aws.signin.ProfileNotFoundException;
import dev.redoubt.aws.signin.SignInRequiredException;
import dev.redoubt.estate.EstateFormatException;
import dev.redoubt.journal.JournalException;
import java.io.UncheckedIOException;

/** The one translation of what the adapters throw into {@link ServiceFailure}s. */
final class Failures {
    private Failures() {
    }

    static ServiceFailure translate(Throwable t) {
        if (t instanceof ServiceFailure f) {
            return f;
        }
        if (t instanceof ProfileNotFoundException p) {
            return new ServiceFailure(ServiceFailure.Kind.PROFILE_NOT_FOUND, p.getMessage(), ServiceFailure.facts("profile", p.profile(),
                    "configFile", String.valueOf(p.configFile()), "credentialsFile", String.valueOf(p.credentialsFile())), p);
        }
        if (t instanceof SignInRequiredException s) {
            return new ServiceFailure(ServiceFailure.Kind.SIGN_IN_REQUIRED, s.getMessage(), ServiceFailure.facts("profile", s.profile(),
                    "expiredAt", s.expiredAt() == null ? null : s.expiredAt().toString()), s);
        }
        if (t instanceof EstateFormatException e) {
            return new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, e.getMessage(), ServiceFailure.facts("file", e.file(), "where", e.path()), e);
        }
        if (t instanceof JournalException j) {
            return new ServiceFailure(j.integrity() ? ServiceFailure.Kind.INTEGRITY : ServiceFailure.Kind.BAD_INPUT, j.getMessage(), null, j);
        }
        if (t instanceof UncheckedIOException u) {
            return new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, u.getMessage(), null, u);
        }
        if (t instanceof ReadOnlyViolationException r) {
            return new ServiceFailure(ServiceFailure.Kind.READ_ONLY, r.getMessage(), null, r);
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ServiceFailure(ServiceFailure.Kind.CANCELLED, "interrupted", null, t);
        }
        if (t instanceof AwsFailure || t instanceof EndpointUnreachableException || t.getClass().getName().startsWith("software.amazon.awssdk.")) {
            AwsFailure f = AwsFailures.translate(t);
            ServiceFailure.Kind kind = switch (f.kind()) {
                case SIGN_IN_REQUIRED -> ServiceFailure.Kind.SIGN_IN_REQUIRED;
                case ACCESS_DENIED -> ServiceFailure.Kind.ACCESS_DENIED;
                case UNREACHABLE, THROTTLED -> ServiceFailure.Kind.UNREACHABLE;
                case READ_ONLY -> ServiceFailure.Kind.READ_ONLY;
                case NOT_FOUND -> ServiceFailure.Kind.BAD_INPUT;
                case OTHER -> ServiceFailure.Kind.INTERNAL;
            };
            SignInRequiredException cause = f.getCause() instanceof SignInRequiredException s ? s : null;
            return new ServiceFailure(kind, f.getMessage(), ServiceFailure.facts("errorCode", f.errorCode(),
                    "profile", cause == null ? null : cause.profile()), t);
        }
        if (t instanceof IllegalArgumentException) {
            return new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, String.valueOf(t.getMessage()), null, t);
        }
        return new ServiceFailure(ServiceFailure.Kind.INTERNAL, t.getClass().getSimpleName() + ": " + t.getMessage(), null, t);
    }
}

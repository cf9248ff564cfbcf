package dev.redoubt.sandbox;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.ReadError;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Answers again what a capture could not read: a ReadError in the estate (Operation "kms:GetKeyPolicy",
 * Scope an ARN or "account/region") makes the sandbox refuse that operation on that scope with the
 * recorded error, so scanning a served capture gives back its ReadErrors too.
 */
final class ReadErrorReplay {
    private ReadErrorReplay() {
    }

    /** The recorded error for this call, or null. */
    static AwsError match(World world, Principal principal, String region, String signingName, String operation, SdkPojo input) {
        if (principal == null) {
            return null;
        }
        List<ReadError> candidates = new ArrayList<>();
        World.Cell cell = world.cell(principal.accountId(), region);
        if (cell != null) {
            candidates.addAll(cell.readErrors);
        }
        Account account = world.account(principal.accountId());
        if (account != null && account.readErrors() != null) {
            candidates.addAll(account.readErrors());
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String op = signingName + ":" + operation;
        List<String> values = null;
        for (ReadError e : candidates) {
            if (!op.equals(e.operation()) || e.scope() == null) {
                continue;
            }
            String scope = e.scope();
            boolean matches = scope.equals(principal.accountId() + "/" + region) || scope.equals(principal.accountId());
            if (!matches && scope.startsWith("arn:")) {
                values = values == null ? strings(input) : values;
                for (String v : values) {
                    if (scope.equals(v) || scope.endsWith("/" + v) || scope.endsWith(":" + v)) {
                        matches = true;
                        break;
                    }
                }
            }
            if (matches) {
                return error(e);
            }
        }
        return null;
    }

    private static List<String> strings(SdkPojo input) {
        List<String> out = new ArrayList<>();
        for (SdkField<?> f : input.sdkFields()) {
            Object v = f.getValueOrDefault(input);
            if (v instanceof String s && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static AwsError error(ReadError e) {
        String code = e.errorCode() == null ? "AccessDeniedException" : e.errorCode();
        String message = e.message() == null ? "" : e.message();
        return switch (code) {
            case "AccessDeniedException", "AccessDenied" -> AwsError.accessDenied(message);
            case "ThrottlingException", "TooManyRequestsException", "Throttling" -> AwsError.of(AwsError.Kind.THROTTLED, message);
            case "ResourceNotFoundException" -> AwsError.service(code, 400, message);
            default -> AwsError.service(code, 400, message);
        };
    }
}

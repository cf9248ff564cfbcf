package dev.redoubt.sandbox;

import dev.redoubt.sandbox.ServiceModel.Protocol;

/**
 * How one service spells the common errors: codes and HTTP statuses differ by protocol (a Coral
 * awsJson1_1 service answers AccessDeniedException with 400, a restJson1 service with 403, STS's
 * awsQuery says AccessDenied) and by service (throttling is ThrottlingException, TooManyRequestsException
 * or Throttling). The message member's spelling differs too (Message, message, error_description).
 */
record Dialect(String service, Protocol protocol, String messageKey) {
    record Rendered(String code, int status) {
    }

    static Dialect of(String service, Protocol protocol) {
        String key = switch (service) {
            case "backup", "organizations", "mpa", "identitystore", "sso-admin" -> "Message";
            case "sso-oidc" -> "error_description";
            default -> "message";
        };
        return new Dialect(service, protocol, key);
    }

    Rendered render(AwsError e) {
        boolean query = protocol == Protocol.QUERY;
        boolean awsJson = protocol == Protocol.AWS_JSON;
        return switch (e.kind()) {
            case SERVICE -> new Rendered(e.code(), e.status());
            case ACCESS_DENIED -> query ? new Rendered("AccessDenied", 403)
                    : new Rendered("AccessDeniedException", awsJson || service.equals("sso-oidc") ? 400 : 403);
            case THROTTLED -> switch (service) {
                case "organizations" -> new Rendered("TooManyRequestsException", 400);
                case "sts" -> new Rendered("Throttling", 400);
                case "mpa" -> new Rendered("ThrottlingException", 429);
                case "account", "sso" -> new Rendered("TooManyRequestsException", 429);
                case "sso-oidc" -> new Rendered("InternalServerException", 500);
                default -> new Rendered("ThrottlingException", 400);
            };
            case VALIDATION -> switch (service) {
                case "sts" -> new Rendered("ValidationError", 400);
                case "sso", "sso-oidc" -> new Rendered("InvalidRequestException", 400);
                case "organizations" -> new Rendered("InvalidInputException", 400);
                default -> new Rendered("ValidationException", 400);
            };
            case SERIALIZATION -> query ? new Rendered("MalformedInput", 400) : new Rendered("SerializationException", 400);
            case UNKNOWN_OPERATION -> query ? new Rendered("InvalidAction", 400)
                    : new Rendered("UnknownOperationException", awsJson ? 400 : 404);
            case INTERNAL -> switch (service) {
                case "kms" -> new Rendered("KMSInternalException", 500);
                case "organizations" -> new Rendered("ServiceException", 500);
                case "mpa", "account", "sso-oidc", "identitystore", "sso-admin" -> new Rendered("InternalServerException", 500);
                default -> new Rendered("InternalFailure", 500);
            };
            case UNAVAILABLE -> service.equals("backup") ? new Rendered("ServiceUnavailableException", 503)
                    : new Rendered("ServiceUnavailable", 503);
            case UNRECOGNIZED_CLIENT -> query ? new Rendered("InvalidClientTokenId", 403)
                    : new Rendered("UnrecognizedClientException", awsJson ? 400 : 403);
            case SIGNATURE_MISMATCH -> new Rendered("SignatureDoesNotMatch", 403);
            // STS says SignatureDoesNotMatch; Coral JSON services InvalidSignatureException (400), REST services with 403
            case SIGNATURE_EXPIRED -> query ? new Rendered("SignatureDoesNotMatch", 403)
                    : new Rendered("InvalidSignatureException", awsJson ? 400 : 403);
            case INCOMPLETE_SIGNATURE -> query ? new Rendered("IncompleteSignature", 400)
                    : new Rendered("IncompleteSignatureException", awsJson ? 400 : 403);
            case MISSING_AUTHENTICATION -> query ? new Rendered("MissingAuthenticationToken", 403)
                    : new Rendered("MissingAuthenticationTokenException", awsJson ? 400 : 403);
            case EXPIRED_TOKEN -> query ? new Rendered("ExpiredToken", 403)
                    : new Rendered("ExpiredTokenException", awsJson ? 400 : 403);
        };
    }
}

package dev.redoubt.sandbox;

import java.nio.charset.StandardCharsets;

/** The control surface for tests and demos, under a path prefix no AWS API uses. */
final class ControlApi {
    static final String PREFIX = "/_sandbox/";

    Wire.Answer handle(HttpRequest req) {
        return Wire.Answer.of(404, "application/json", "{\"message\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
    }
}

package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The operations the sandbox answers, by service and operation name, each marked as a read or a write of the world. */
final class Handlers {
    @FunctionalInterface
    interface Handler<Q> {
        /** The answer in AWS's member shapes, timestamps in estate time. */
        JsonNode handle(Call call, Q input);
    }

    record Registered(Class<?> input, Handler<Object> handler, boolean write) {
    }

    private final Map<String, Registered> byName = new HashMap<>();

    <Q> void read(String service, String operation, Class<Q> input, Handler<Q> handler) {
        put(service, operation, input, handler, false);
    }

    <Q> void write(String service, String operation, Class<Q> input, Handler<Q> handler) {
        put(service, operation, input, handler, true);
    }

    @SuppressWarnings("unchecked")
    private <Q> void put(String service, String operation, Class<Q> input, Handler<Q> handler, boolean write) {
        if (byName.put(service + ":" + operation, new Registered(input, (Handler<Object>) handler, write)) != null) {
            throw new IllegalStateException("two handlers for " + service + ":" + operation);
        }
    }

    Registered get(String service, String operation) {
        return byName.get(service + ":" + operation);
    }

    Map<String, Registered> all() {
        return byName;
    }
}

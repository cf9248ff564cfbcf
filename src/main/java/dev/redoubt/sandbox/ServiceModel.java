package dev.redoubt.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * A service's operations as the AWS SDK defines them: for each operation its request and response
 * model classes and, for restJson1, its HTTP method and URI template. Read from the SDK's client
 * interface and its marshallers, so the sandbox routes exactly what the SDK sends, for every
 * operation of the service (implemented or not).
 */
final class ServiceModel {
    enum Protocol { REST_JSON, AWS_JSON, QUERY }

    record Operation(String name, Supplier<SdkPojo> request, Supplier<SdkPojo> response, String method, Template template) {
        /** Describe/Get/List operations only read; anything else is a write. */
        boolean isRead() {
            return name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List");
        }
    }

    /** A restJson1 URI template: literal segments and labels, plus a literal query key some operations need. */
    record Template(List<String> segments, String literalQueryKey) {
        static Template parse(String uri) {
            String path = uri;
            String queryKey = null;
            int q = uri.indexOf('?');
            if (q >= 0) {
                path = uri.substring(0, q);
                String query = uri.substring(q + 1);
                int eq = query.indexOf('=');
                queryKey = eq < 0 ? query : query.substring(0, eq);
            }
            return new Template(split(path), queryKey);
        }

        /** Labels captured from {@code segments} (decoded), or null when the path does not match. */
        Map<String, String> match(List<String> requestSegments, Set<String> queryKeys) {
            if (literalQueryKey != null && !queryKeys.contains(literalQueryKey)) {
                return null;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String t = segments.get(i);
                if (t.startsWith("{") && t.endsWith("+}")) {
                    if (i >= requestSegments.size()) {
                        return null;
                    }
                    labels.put(t.substring(1, t.length() - 2), String.join("/", requestSegments.subList(i, requestSegments.size())));
                    return labels;
                }
                if (i >= requestSegments.size()) {
                    return null;
                }
                String s = requestSegments.get(i);
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (s.isEmpty()) {
                        return null;
                    }
                    labels.put(t.substring(1, t.length() - 1), s);
                } else if (!t.equals(s)) {
                    return null;
                }
            }
            return segments.size() == requestSegments.size() ? labels : null;
        }

        int literalCount() {
            int n = literalQueryKey == null ? 0 : 1;
            for (String s : segments) {
                if (!s.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A matched restJson1 route. */
    record Route(Operation operation, Map<String, String> labels) {
    }

    private final String name;
    private final String signingName;
    private final Protocol protocol;
    private final String targetPrefix;
    private final String apiVersion;
    private final Map<String, Operation> operations;

    private ServiceModel(String name, String signingName, Protocol protocol, String targetPrefix, String apiVersion,
                         Map<String, Operation> operations) {
        this.name = name;
        this.signingName = signingName;
        this.protocol = protocol;
        this.targetPrefix = targetPrefix;
        this.apiVersion = apiVersion;
        this.operations = operations;
    }

    /** Reads every operation of the SDK client interface {@code client}. */
    static ServiceModel of(String name, String signingName, Protocol protocol, String targetPrefix, String apiVersion, Class<?> client) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        for (Method m : client.getMethods()) {
            if (m.getParameterCount() != 1 || !SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            Class<?> request = m.getParameterTypes()[0];
            Class<?> response = m.getReturnType();
            OperationInfo info = operationInfo(request);
            if (info == null || info.hasStreamingInput() || info.hasEventStreamingInput()) {
                continue;
            }
            String uri = info.requestUri() == null ? "/" : info.requestUri();
            // the SDK names each client method after its operation ("getBackupPlanFromJSON" for GetBackupPlanFromJSON)
            // awsJson1_1 marshallers know their operation as its X-Amz-Target ("TrentService.DescribeKey")
            String opName = info.operationIdentifier() != null
                    ? info.operationIdentifier().substring(info.operationIdentifier().lastIndexOf('.') + 1)
                    : Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
            ops.put(opName, new Operation(opName, builder(request), builder(response), info.httpMethod().name(), Template.parse(uri)));
        }
        if (ops.isEmpty()) {
            throw new IllegalStateException("no operations found on " + client.getName());
        }
        return new ServiceModel(name, signingName, protocol, targetPrefix, apiVersion, Collections.unmodifiableMap(ops));
    }

    private static OperationInfo operationInfo(Class<?> request) {
        String marshaller = request.getPackageName().replace(".model", ".transform") + "." + request.getSimpleName() + "Marshaller";
        try {
            Field f = Class.forName(marshaller).getDeclaredField("SDK_OPERATION_BINDING");
            f.setAccessible(true);
            return (OperationInfo) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Supplier<SdkPojo> builder(Class<?> type) {
        try {
            MethodHandle h = MethodHandles.publicLookup().findStatic(type, "builder",
                    MethodType.methodType(type.getMethod("builder").getReturnType()));
            return () -> {
                try {
                    return (SdkPojo) h.invoke();
                } catch (Throwable t) {
                    throw new IllegalStateException("cannot create a builder for " + type.getSimpleName(), t);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no builder on " + type.getName(), e);
        }
    }

    String name() {
        return name;
    }

    String signingName() {
        return signingName;
    }

    Protocol protocol() {
        return protocol;
    }

    String targetPrefix() {
        return targetPrefix;
    }

    String apiVersion() {
        return apiVersion;
    }

    Operation operation(String opName) {
        return operations.get(opName);
    }

    Map<String, Operation> operations() {
        return operations;
    }

    /** The restJson1 operation for a method and raw path, preferring the most literal template; null when none. */
    Route route(String method, String rawPath, Set<String> queryKeys) {
        List<String> segments = new ArrayList<>();
        for (String s : split(rawPath)) {
            segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        Route best = null;
        int bestScore = -1;
        for (Operation op : operations.values()) {
            if (!op.method().equals(method)) {
                continue;
            }
            Map<String, String> labels = op.template().match(segments, queryKeys);
            if (labels != null && op.template().literalCount() > bestScore) {
                best = new Route(op, labels);
                bestScore = op.template().literalCount();
            }
        }
        return best;
    }

    /** Path segments without the leading slash and without a trailing empty segment ("/a/b/" and "/a/b" are the same). */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return out;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        for (String s : p.split("/", -1)) {
            out.add(s);
        }
        return out;
    }
}

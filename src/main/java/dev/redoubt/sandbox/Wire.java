package dev.redoubt.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.redoubt.sandbox.ServiceModel.Operation;
import dev.redoubt.sandbox.ServiceModel.Protocol;
import dev.redoubt.sandbox.ServiceModel.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * The three wire protocols, as the service models define them: how an operation is found in a
 * request, how its input is read into the SDK's request object, and how an answer or an error is
 * written. restJson1 routes by method and URI template, awsJson1_1 by X-Amz-Target, awsQuery by
 * Action; all three read and write through {@link ShapeWalker}.
 */
final class Wire {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Generators from the mapper's factory can write trees. */
    private static final JsonFactory JSON_FACTORY = MAPPER.getFactory();
    /** Operations whose model answers 204 No Content. */
    private static final Set<String> NO_CONTENT = Set.of("PutRestoreValidationResult");

    /** An HTTP answer. */
    record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
        static Answer of(int status, String contentType, byte[] body) {
            return new Answer(status, contentType, new LinkedHashMap<>(), body);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Wire() {
    }

    static String contentType(Protocol p) {
        return switch (p) {
            case REST_JSON -> "application/json";
            case AWS_JSON -> "application/x-amz-json-1.1";
            case QUERY -> "text/xml";
        };
    }

    // ---------------------------------------------------------------- finding the operation

    /** The operation a request names, with its path labels; UnknownOperationException when none. */
    static Route resolve(ServiceModel model, HttpRequest req, Map<String, List<String>> form) {
        switch (model.protocol()) {
            case REST_JSON -> {
                Route r = model.route(req.method(), req.rawPath(), req.query().keySet());
                if (r == null) {
                    throw AwsError.of(AwsError.Kind.UNKNOWN_OPERATION, "No operation matches " + req.method() + " "
                            + printable(req.rawPath()) + " for " + model.name());
                }
                return r;
            }
            case AWS_JSON -> {
                String target = req.header("x-amz-target");
                if (target == null) {
                    throw AwsError.of(AwsError.Kind.UNKNOWN_OPERATION, "Missing X-Amz-Target header");
                }
                int dot = target.lastIndexOf('.');
                String prefix = dot < 0 ? "" : target.substring(0, dot);
                Operation op = dot < 0 ? null : model.operation(target.substring(dot + 1));
                if (op == null || !prefix.equals(model.targetPrefix())) {
                    throw AwsError.of(AwsError.Kind.UNKNOWN_OPERATION, null);
                }
                return new Route(op, Map.of());
            }
            default -> {
                String action = first(form, "Action");
                Operation op = action == null ? null : model.operation(action);
                if (op == null) {
                    throw AwsError.of(AwsError.Kind.UNKNOWN_OPERATION, "Could not find operation " + printable(String.valueOf(action))
                            + " for version " + printable(String.valueOf(first(form, "Version"))));
                }
                return new Route(op, Map.of());
            }
        }
    }

    static String first(Map<String, List<String>> m, String key) {
        List<String> v = m.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The awsQuery form: the query string and, for a form body, the body. */
    static Map<String, List<String>> form(HttpRequest req) {
        Map<String, List<String>> form = new LinkedHashMap<>(req.query());
        String type = req.header("content-type");
        if (req.body().length > 0 && (type == null || type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
            HttpRequest.decodeForm(req.bodyText()).forEach((k, v) -> form.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        return form;
    }

    // ---------------------------------------------------------------- reading input

    /** The request as the SDK's request object; ValidationException / SerializationException when it does not fit. */
    static SdkPojo readInput(ServiceModel model, Route route, HttpRequest req, Map<String, List<String>> form) {
        SdkPojo builder = route.operation().request().get();
        try {
            switch (model.protocol()) {
                case REST_JSON -> readRest(builder, route, req);
                case AWS_JSON -> fillFromBody(builder, req, true);
                default -> {
                    Map<String, String> flat = new LinkedHashMap<>();
                    form.forEach((k, v) -> flat.put(k, v.isEmpty() ? "" : v.get(0)));
                    ShapeWalker.fillFromQuery(builder, flat, "");
                }
            }
        } catch (ShapeWalker.ShapeException e) {
            throw AwsError.validation("1 validation error detected: Value at '" + member(e.path()) + "' failed to satisfy constraint: "
                    + "Member must be " + e.getMessage().replace("expected ", ""));
        }
        List<String> missing = ShapeWalker.missingRequired(builder);
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder(missing.size() + " validation error" + (missing.size() == 1 ? "" : "s") + " detected: ");
            for (int i = 0; i < missing.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append("Value null at '").append(lowerFirst(missing.get(i))).append("' failed to satisfy constraint: Member must not be null");
            }
            throw AwsError.validation(sb.toString());
        }
        return ShapeWalker.build(builder);
    }

    private static String member(String path) {
        String p = path.startsWith(".") ? path.substring(1) : path;
        return lowerFirst(p);
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static void readRest(SdkPojo builder, Route route, HttpRequest req) {
        Map<String, List<String>> query = req.query();
        boolean payload = false;
        for (SdkField<?> field : builder.sdkFields()) {
            MarshallLocation loc = field.location();
            String name = field.locationName();
            Object value = null;
            switch (loc) {
                case PATH, GREEDY_PATH -> {
                    String v = route.labels().get(name);
                    if (v != null) {
                        value = ShapeWalker.value(field, TextNode.valueOf(v), UnaryOperator.identity(), name);
                    }
                }
                case QUERY_PARAM -> {
                    List<String> vs = query.get(name);
                    if (vs != null && !vs.isEmpty()) {
                        if (field.marshallingType() == MarshallingType.LIST) {
                            SdkField<?> m = field.getTrait(ListTrait.class).memberFieldInfo();
                            List<Object> list = new ArrayList<>();
                            for (String v : vs) {
                                list.add(ShapeWalker.value(m, TextNode.valueOf(v), UnaryOperator.identity(), name));
                            }
                            value = list;
                        } else if (field.marshallingType() != MarshallingType.MAP) {
                            value = ShapeWalker.value(field, TextNode.valueOf(vs.get(0)), UnaryOperator.identity(), name);
                        }
                    }
                }
                case HEADER -> {
                    String v = req.header(name);
                    if (v != null && field.marshallingType() != MarshallingType.LIST && field.marshallingType() != MarshallingType.MAP) {
                        value = ShapeWalker.value(field, TextNode.valueOf(v), UnaryOperator.identity(), name);
                    }
                }
                case PAYLOAD -> payload = true;
                default -> {
                    // STATUS_CODE is never in a request
                }
            }
            if (value != null) {
                field.set(builder, value);
            }
        }
        if (payload) {
            fillFromBody(builder, req, false);
        }
    }

    /** Fills the payload members from a JSON body (an explicit payload member takes the whole body). */
    private static void fillFromBody(SdkPojo builder, HttpRequest req, boolean awsJson) {
        if (req.body().length == 0) {
            return;
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(req.body());
        } catch (IOException e) {
            throw AwsError.of(AwsError.Kind.SERIALIZATION, "Could not parse the request body as JSON");
        }
        if (body == null || body.isMissingNode()) {
            return;
        }
        SdkField<?> explicit = awsJson ? null : ShapeWalker.explicitPayload(builder);
        if (explicit != null) {
            explicit.set(builder, ShapeWalker.value(explicit, body, UnaryOperator.identity(), explicit.memberName()));
            return;
        }
        if (!body.isObject()) {
            throw AwsError.of(AwsError.Kind.SERIALIZATION, "Start of structure or map found where not expected");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            JsonNode v = body.get(field.locationName());
            if (v != null && !v.isNull()) {
                field.set(builder, ShapeWalker.value(field, v, UnaryOperator.identity(), field.locationName()));
            }
        }
    }

    // ---------------------------------------------------------------- writing answers

    static Answer writeOutput(ServiceModel model, Operation op, SdkPojo response, String requestId) {
        Answer answer;
        switch (model.protocol()) {
            case REST_JSON -> {
                SdkField<?> explicit = ShapeWalker.explicitPayload(response);
                byte[] body;
                if (explicit != null) {
                    Object v = explicit.getValueOrDefault(response);
                    body = ShapeWalker.present(v) ? json(g -> ShapeWalker.writeJsonValue(explicit, v, g, ShapeWalker.Timestamps.EPOCH_SECONDS))
                            : new byte[0];
                } else {
                    body = json(g -> ShapeWalker.writeJson(response, g, ShapeWalker.Timestamps.EPOCH_SECONDS));
                }
                boolean noContent = NO_CONTENT.contains(op.name());
                answer = Answer.of(noContent ? 204 : 200, "application/json", noContent ? new byte[0] : body);
                for (SdkField<?> field : response.sdkFields()) {
                    Object v = field.getValueOrDefault(response);
                    if (field.location() == MarshallLocation.HEADER && ShapeWalker.present(v)) {
                        answer.headers().put(field.locationName(), headerValue(field, v));
                    }
                }
            }
            case AWS_JSON -> answer = Answer.of(200, contentType(Protocol.AWS_JSON),
                    json(g -> ShapeWalker.writeJson(response, g, ShapeWalker.Timestamps.EPOCH_SECONDS)));
            default -> {
                StringBuilder xml = new StringBuilder(512);
                xml.append("<").append(op.name()).append("Response xmlns=\"https://").append(model.signingName())
                        .append(".amazonaws.com/doc/").append(model.apiVersion()).append("/\">\n  <").append(op.name()).append("Result>");
                ShapeWalker.writeXml(response, xml);
                xml.append("</").append(op.name()).append("Result>\n  <ResponseMetadata><RequestId>").append(requestId)
                        .append("</RequestId></ResponseMetadata>\n</").append(op.name()).append("Response>\n");
                answer = Answer.of(200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        answer.headers().put("x-amzn-RequestId", requestId);
        return answer;
    }

    private static String headerValue(SdkField<?> field, Object v) {
        if (v instanceof java.time.Instant t) {
            return switch (ShapeWalker.timestampFormat(field, TimestampFormatTrait.Format.RFC_822)) {
                case ISO_8601 -> ShapeWalker.iso(t);
                case UNIX_TIMESTAMP -> ShapeWalker.epochSecondsText(t).toPlainString();
                case UNIX_TIMESTAMP_MILLIS -> Long.toString(t.toEpochMilli());
                default -> ShapeWalker.rfc822(t);
            };
        }
        return String.valueOf(v);
    }

    static Answer writeError(Dialect dialect, AwsError error, String requestId) {
        Dialect.Rendered r = dialect.render(error);
        String message = error.getMessage();
        Answer answer;
        switch (dialect.protocol()) {
            case QUERY -> {
                String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>"
                        + (r.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n    <Code>" + ShapeWalker.xmlText(r.code())
                        + "</Code>\n    <Message>" + ShapeWalker.xmlText(message == null ? "" : message) + "</Message>\n  </Error>\n"
                        + "  <RequestId>" + requestId + "</RequestId>\n</ErrorResponse>\n";
                answer = Answer.of(r.status(), "text/xml", xml.getBytes(StandardCharsets.UTF_8));
            }
            case AWS_JSON -> answer = Answer.of(r.status(), contentType(Protocol.AWS_JSON), json(g -> {
                g.writeStartObject();
                g.writeStringField("__type", r.code());
                if (message != null) {
                    g.writeStringField(dialect.messageKey(), message);
                }
                for (Map.Entry<String, String> e : error.members().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }));
            default -> {
                answer = Answer.of(r.status(), "application/json", json(g -> {
                    g.writeStartObject();
                    if (dialect.service().equals("backup")) {
                        g.writeStringField("Code", r.code());
                    }
                    for (Map.Entry<String, String> e : error.members().entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    if (message != null) {
                        g.writeStringField(dialect.messageKey(), message);
                    }
                    g.writeEndObject();
                }));
                answer.headers().put("x-amzn-ErrorType", r.code());
            }
        }
        answer.headers().put("x-amzn-RequestId", requestId);
        return answer;
    }

    interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] json(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            writing.write(g);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text from a request made safe to quote in a message: printable ASCII, at most 200 characters. */
    static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 200 ? clean.substring(0, 197) + "..." : clean;
    }
}

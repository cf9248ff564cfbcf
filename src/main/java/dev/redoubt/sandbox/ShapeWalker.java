package dev.redoubt.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * One walker over the SDK's model classes ({@link SdkPojo#sdkFields()}): it maps JSON in AWS's member
 * shapes (the estate's shapes, and the wire's JSON bodies) to SDK objects, SDK objects back to that
 * JSON, and writes SDK objects in each protocol's wire form. Nothing here knows an operation.
 */
final class ShapeWalker {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** A value that does not fit the shape; the path says where. */
    static final class ShapeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String path;

        ShapeException(String path, String message) {
            super(message);
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    /** The key a member has in JSON: its wire name in the payload, its member name elsewhere. */
    static String jsonName(SdkField<?> field) {
        return field.location() == MarshallLocation.PAYLOAD ? field.locationName() : field.memberName();
    }

    // ---------------------------------------------------------------- JSON (member shapes) -> SDK

    /** Fills {@code builder} from a JSON object keyed by member wire names and builds it; unknown keys are ignored. */
    static <T> T toSdk(SdkPojo builder, JsonNode node, UnaryOperator<Instant> time) {
        fill(builder, node, time, Where.ROOT);
        return build(builder);
    }

    @SuppressWarnings("unchecked")
    static <T> T build(SdkPojo builder) {
        return (T) ((Buildable) builder).build();
    }

    private static void fill(SdkPojo builder, JsonNode node, UnaryOperator<Instant> time, Where path) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new ShapeException(path.toString(), "expected an object");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            String name = jsonName(field);
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            field.set(builder, value(field, v, time, new Where(path, name, -1)));
        }
    }

    /** Where a value is, spelled out only when it does not fit (building paths for every value costs too much). */
    record Where(Where parent, String name, int index) {
        static final Where ROOT = new Where(null, null, -1);

        static Where of(String name) {
            return new Where(ROOT, name, -1);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            return parent + (index >= 0 ? "[" + index + "]" : (parent.parent == null ? "" : ".") + name);
        }
    }

    static Object value(SdkField<?> field, JsonNode v, UnaryOperator<Instant> time, String path) {
        return value(field, v, time, Where.of(path));
    }

    static Object value(SdkField<?> field, JsonNode v, UnaryOperator<Instant> time, Where path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!v.isValueNode()) {
                throw new ShapeException(String.valueOf(path), "expected a string");
            }
            return v.asText();
        }
        if (type == MarshallingType.INTEGER) {
            return (int) integral(v, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == MarshallingType.LONG) {
            return integral(v, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == MarshallingType.SHORT) {
            return (short) integral(v, path, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (type == MarshallingType.BYTE) {
            return (byte) integral(v, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (type == MarshallingType.FLOAT) {
            return decimal(v, path).floatValue();
        }
        if (type == MarshallingType.DOUBLE) {
            return decimal(v, path).doubleValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return decimal(v, path);
        }
        if (type == MarshallingType.BOOLEAN) {
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
                return Boolean.parseBoolean(v.textValue());
            }
            throw new ShapeException(String.valueOf(path), "expected true or false");
        }
        if (type == MarshallingType.INSTANT) {
            return shifted(time, instant(v, path), path);
        }
        if (type == MarshallingType.SDK_BYTES) {
            if (!v.isTextual()) {
                throw new ShapeException(String.valueOf(path), "expected base64 text");
            }
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.textValue()));
            } catch (IllegalArgumentException e) {
                throw new ShapeException(String.valueOf(path), "expected base64 text");
            }
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, v, time, path);
            return build(nested);
        }
        if (type == MarshallingType.LIST) {
            if (!v.isArray()) {
                throw new ShapeException(String.valueOf(path), "expected an array");
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                out.add(e == null || e.isNull() ? null : value(member, e, time, new Where(path, null, i)));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            if (!v.isObject()) {
                throw new ShapeException(String.valueOf(path), "expected an object");
            }
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            v.properties().forEach(e -> out.put(e.getKey(),
                    e.getValue().isNull() ? null : value(valueField, e.getValue(), time, new Where(path, e.getKey(), -1))));
            return out;
        }
        if (type == MarshallingType.DOCUMENT) {
            return document(v);
        }
        throw new ShapeException(String.valueOf(path), "unsupported member type " + type);
    }

    private static long integral(JsonNode v, Object path, long min, long max) {
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isTextual()) {
            try {
                n = Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new ShapeException(String.valueOf(path), "expected a whole number");
            }
        } else {
            throw new ShapeException(String.valueOf(path), "expected a whole number");
        }
        if (n < min || n > max) {
            throw new ShapeException(String.valueOf(path), "number out of range");
        }
        return n;
    }

    private static BigDecimal decimal(JsonNode v, Object path) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new ShapeException(String.valueOf(path), "expected a number");
            }
        }
        throw new ShapeException(String.valueOf(path), "expected a number");
    }

    /** Applies the time shift; an instant it cannot move (or refuses) does not fit the shape. */
    static Instant shifted(UnaryOperator<Instant> time, Instant t, Object path) {
        try {
            return time.apply(t);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ShapeException(String.valueOf(path), "expected a timestamp in range (" + e.getMessage() + ")");
        }
    }

    /** Reads a timestamp as any AWS wire or CLI spelling: epoch seconds (number or text), ISO-8601, RFC 822. */
    static Instant instant(JsonNode v, Object path) {
        if (v.isNumber()) {
            try {
                return epochSeconds(v.decimalValue());
            } catch (DateTimeException | ArithmeticException e) {
                throw new ShapeException(String.valueOf(path), "expected a timestamp");
            }
        }
        if (v.isTextual()) {
            Instant parsed = parseInstant(v.textValue().trim());
            if (parsed != null) {
                return parsed;
            }
        }
        throw new ShapeException(String.valueOf(path), "expected a timestamp");
    }

    static Instant parseInstant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (looksNumeric(text)) {
            try {
                return epochSeconds(new BigDecimal(text));
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                return null;
            }
        }
        // ISO-8601; years beyond four digits (+10055-...) or before year 0 (-0500-...) are spelled with a sign.
        int t = text.indexOf('T');
        if (t >= 10 && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '+' || text.charAt(0) == '-')) {
            if (text.charAt(text.length() - 1) == 'Z') {
                Instant plain = plainIsoInstant(text);
                if (plain != null) {
                    return plain;
                }
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException ignored) {
                    // an offset form after all
                }
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            return ZonedDateTime.parse(text, RFC_822).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The common spelling, {@code 2024-05-01T10:15:30[.fraction]Z} as {@link Instant#toString()} writes it, read by hand
     * (an estate's points carry three timestamps each, and the formatter was a tenth of a page's cost); null for
     * any other spelling or any out-of-range field, which {@link Instant#parse} then reads or refuses.
     */
    static Instant plainIsoInstant(String text) {
        return text.endsWith("Z") ? EstateJson.parseCommonTimestamp(text) : null;
    }

    private static boolean looksNumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-') && c != 'E' && c != 'e' && c != '+') {
                return false;
            }
        }
        return true;
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        long whole = seconds.toBigInteger().longValueExact(); // 1e300 is no timestamp, not 1970
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    static Document document(JsonNode v) {
        if (v == null || v.isNull()) {
            return Document.fromNull();
        }
        if (v.isBoolean()) {
            return Document.fromBoolean(v.booleanValue());
        }
        if (v.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(v.decimalValue()));
        }
        if (v.isTextual()) {
            return Document.fromString(v.textValue());
        }
        if (v.isArray()) {
            List<Document> list = new ArrayList<>();
            v.forEach(e -> list.add(document(e)));
            return Document.fromList(list);
        }
        Map<String, Document> map = new LinkedHashMap<>();
        v.properties().forEach(e -> map.put(e.getKey(), document(e.getValue())));
        return Document.fromMap(map);
    }

    // ---------------------------------------------------------------- SDK -> JSON (member shapes)

    /** An SDK object as JSON in AWS's member shapes, timestamps as ISO-8601 (the estate's and the CLI's spelling). */
    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = JSON.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object v = field.getValueOrDefault(pojo);
            if (present(v)) {
                out.set(jsonName(field), jsonValue(field, v));
            }
        }
        return out;
    }

    private static JsonNode jsonValue(SdkField<?> field, Object v) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.INSTANT) {
            return JSON.textNode(((Instant) v).toString());
        }
        if (type == MarshallingType.SDK_POJO) {
            return toJson((SdkPojo) v);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode a = JSON.arrayNode();
            for (Object e : (List<?>) v) {
                a.add(e == null ? JSON.nullNode() : jsonValue(member, e));
            }
            return a;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode o = JSON.objectNode();
            ((Map<?, ?>) v).forEach((k, e) -> o.set(String.valueOf(k), e == null ? JSON.nullNode() : jsonValue(valueField, e)));
            return o;
        }
        return scalar(type, v);
    }

    private static JsonNode scalar(MarshallingType<?> type, Object v) {
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof Short s) {
            return JSON.numberNode(s);
        }
        if (v instanceof Byte b) {
            return JSON.numberNode(b);
        }
        if (v instanceof Float f) {
            return JSON.numberNode(f);
        }
        if (v instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (v instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (v instanceof SdkBytes b) {
            return JSON.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        }
        if (v instanceof Document d) {
            return documentJson(d);
        }
        throw new ShapeException("$", "unsupported value " + v.getClass().getSimpleName() + " for " + type);
    }

    static JsonNode documentJson(Document d) {
        if (d == null || d.isNull()) {
            return JSON.nullNode();
        }
        if (d.isBoolean()) {
            return JSON.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            return JSON.numberNode(d.asNumber().bigDecimalValue());
        }
        if (d.isString()) {
            return JSON.textNode(d.asString());
        }
        if (d.isList()) {
            ArrayNode a = JSON.arrayNode();
            d.asList().forEach(e -> a.add(documentJson(e)));
            return a;
        }
        ObjectNode o = JSON.objectNode();
        d.asMap().forEach((k, e) -> o.set(k, documentJson(e)));
        return o;
    }

    /** Absent members: null, and the SDK's auto-constructed empty lists and maps (which mean "not sent"). */
    static boolean present(Object v) {
        return v != null && !(v instanceof SdkAutoConstructList) && !(v instanceof SdkAutoConstructMap);
    }

    // ---------------------------------------------------------------- wire writers

    /** How timestamps are spelled where a member has no timestampFormat trait. */
    enum Timestamps { EPOCH_SECONDS, ISO_8601 }

    /** Writes the payload members of {@code pojo} as a JSON object (restJson1 and awsJson1_1 bodies). */
    static void writeJson(SdkPojo pojo, JsonGenerator g, Timestamps defaults) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Object v = field.getValueOrDefault(pojo);
            if (present(v)) {
                g.writeFieldName(field.locationName());
                writeJsonValue(field, v, g, defaults);
            }
        }
        g.writeEndObject();
    }

    /**
     * Writes JSON in AWS's member shapes straight to the wire form of {@code fields}' shape, without
     * building the SDK object: the same walk as {@link #toSdk} then {@link #writeJson}, for answers large
     * enough that the intermediate objects cost (a page of 1,000 recovery points).
     */
    static void writeJsonTree(List<SdkField<?>> fields, JsonNode node, JsonGenerator g, Timestamps defaults, UnaryOperator<Instant> time,
                              Where path) throws IOException {
        if (!node.isObject()) {
            throw new ShapeException(path.toString(), "expected an object");
        }
        g.writeStartObject();
        for (SdkField<?> field : fields) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            String name = field.locationName();
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            g.writeFieldName(name);
            writeTreeValue(field, v, g, defaults, time, new Where(path, name, -1));
        }
        g.writeEndObject();
    }

    static void writeTreeValue(SdkField<?> field, JsonNode v, JsonGenerator g, Timestamps defaults, UnaryOperator<Instant> time,
                               Where path) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!v.isValueNode()) {
                throw new ShapeException(path.toString(), "expected a string");
            }
            g.writeString(v.asText());
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            g.writeNumber(((Number) value(field, v, time, path)).longValue());
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) value(field, v, time, path));
        } else if (type == MarshallingType.INSTANT) {
            writeJsonValue(field, shifted(time, instant(v, path), path), g, defaults);
        } else if (type == MarshallingType.SDK_POJO) {
            if (v instanceof com.fasterxml.jackson.databind.node.POJONode pojo && pojo.getPojo() instanceof RecordWire.Deferred record) {
                RecordWire.write(field.constructor().get().sdkFields(), record, g, defaults, time, path);
            } else {
                writeJsonTree(field.constructor().get().sdkFields(), v, g, defaults, time, path);
            }
        } else if (type == MarshallingType.LIST) {
            if (!v.isArray()) {
                throw new ShapeException(path.toString(), "expected an array");
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e == null || e.isNull()) {
                    g.writeNull();
                } else {
                    writeTreeValue(member, e, g, defaults, time, new Where(path, null, i));
                }
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            if (!v.isObject()) {
                throw new ShapeException(path.toString(), "expected an object");
            }
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                g.writeFieldName(e.getKey());
                if (e.getValue().isNull()) {
                    g.writeNull();
                } else {
                    writeTreeValue(valueField, e.getValue(), g, defaults, time, new Where(path, e.getKey(), -1));
                }
            }
            g.writeEndObject();
        } else if (type == MarshallingType.DOCUMENT) {
            g.writeTree(v);
        } else {
            writeJsonValue(field, value(field, v, time, path), g, defaults);
        }
    }

    /** The member that is the whole body (a payload trait), or null when the body is the payload members. */
    static SdkField<?> explicitPayload(SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.containsTrait(PayloadTrait.class)) {
                return field;
            }
        }
        return null;
    }

    static void writeJsonValue(SdkField<?> field, Object v, JsonGenerator g, Timestamps defaults) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.INSTANT) {
            Instant t = (Instant) v;
            switch (timestampFormat(field, defaults == Timestamps.ISO_8601 ? TimestampFormatTrait.Format.ISO_8601
                    : TimestampFormatTrait.Format.UNIX_TIMESTAMP)) {
                case ISO_8601 -> g.writeString(iso(t));
                case RFC_822 -> g.writeString(rfc822(t));
                case UNIX_TIMESTAMP_MILLIS -> g.writeNumber(t.toEpochMilli());
                default -> g.writeNumber(epochSecondsString(t));
            }
            return;
        }
        if (type == MarshallingType.SDK_POJO) {
            writeJson((SdkPojo) v, g, defaults);
            return;
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object e : (List<?>) v) {
                if (e == null) {
                    g.writeNull();
                } else {
                    writeJsonValue(member, e, g, defaults);
                }
            }
            g.writeEndArray();
            return;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    writeJsonValue(valueField, e.getValue(), g, defaults);
                }
            }
            g.writeEndObject();
            return;
        }
        if (v instanceof Document d) {
            g.writeTree(documentJson(d));
            return;
        }
        g.writeTree(scalar(type, v));
    }

    static TimestampFormatTrait.Format timestampFormat(SdkField<?> field, TimestampFormatTrait.Format fallback) {
        return field.getOptionalTrait(TimestampFormatTrait.class).map(TimestampFormatTrait::format).orElse(fallback);
    }

    /** Epoch seconds with millisecond precision, as AWS's JSON protocols write them. */
    static String epochSecondsString(Instant t) {
        long millis = t.toEpochMilli();
        StringBuilder sb = new StringBuilder(16);
        if (millis < 0) {
            sb.append('-');
            millis = -millis;
        }
        sb.append(millis / 1000);
        int fraction = (int) (millis % 1000);
        if (fraction != 0) {
            sb.append('.').append((char) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                sb.append((char) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    sb.append((char) ('0' + fraction % 10));
                }
            }
        }
        return sb.toString();
    }

    /** The same number as {@link #epochSecondsString}, as a BigDecimal. */
    static BigDecimal epochSecondsText(Instant t) {
        BigDecimal d = BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    static String rfc822(Instant t) {
        return RFC_822.format(t.atOffset(ZoneOffset.UTC));
    }

    /** Writes {@code pojo}'s payload members as XML elements (awsQuery results). */
    static void writeXml(SdkPojo pojo, StringBuilder out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Object v = field.getValueOrDefault(pojo);
            if (present(v)) {
                writeXmlElement(field, field.locationName(), v, out);
            }
        }
    }

    private static void writeXmlElement(SdkField<?> field, String name, Object v, StringBuilder out) {
        MarshallingType<?> type = field.marshallingType();
        out.append('<').append(name).append('>');
        if (type == MarshallingType.SDK_POJO) {
            writeXml((SdkPojo) v, out);
        } else if (type == MarshallingType.LIST) {
            ListTrait trait = field.getTrait(ListTrait.class);
            String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
            for (Object e : (List<?>) v) {
                if (e != null) {
                    writeXmlElement(trait.memberFieldInfo(), memberName, e, out);
                }
            }
        } else if (type == MarshallingType.MAP) {
            MapTrait trait = field.getTrait(MapTrait.class);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.append("<entry><").append(trait.keyLocationName()).append('>').append(xmlText(String.valueOf(e.getKey())))
                        .append("</").append(trait.keyLocationName()).append('>');
                if (e.getValue() != null) {
                    writeXmlElement(trait.valueFieldInfo(), trait.valueLocationName(), e.getValue(), out);
                }
                out.append("</entry>");
            }
        } else if (type == MarshallingType.INSTANT) {
            Instant t = (Instant) v;
            out.append(switch (timestampFormat(field, TimestampFormatTrait.Format.ISO_8601)) {
                case UNIX_TIMESTAMP -> epochSecondsText(t).toPlainString();
                case UNIX_TIMESTAMP_MILLIS -> Long.toString(t.toEpochMilli());
                case RFC_822 -> rfc822(t);
                default -> iso(t);
            });
        } else if (v instanceof SdkBytes b) {
            out.append(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        } else {
            out.append(xmlText(String.valueOf(v)));
        }
        out.append("</").append(name).append('>');
    }

    static String xmlText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- request readers

    /** The members a request must carry (the model's required trait) that it does not. */
    static List<String> missingRequired(SdkPojo request) {
        List<String> missing = new ArrayList<>();
        for (SdkField<?> field : request.sdkFields()) {
            if (field.containsTrait(RequiredTrait.class) && !present(field.getValueOrDefault(request))) {
                missing.add(field.memberName());
            }
        }
        return missing;
    }

    /** Reads an awsQuery form (already decoded) into {@code builder}: scalars by name, lists as Name.member.N, structures as Name.Member. */
    static void fillFromQuery(SdkPojo builder, Map<String, String> form, String prefix) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            String key = prefix + field.locationName();
            Object v = queryValue(field, form, key);
            if (v != null) {
                field.set(builder, v);
            }
        }
    }

    private static Object queryValue(SdkField<?> field, Map<String, String> form, String key) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            String dotted = key + ".";
            if (form.keySet().stream().noneMatch(k -> k.startsWith(dotted))) {
                return null;
            }
            SdkPojo nested = field.constructor().get();
            fillFromQuery(nested, form, dotted);
            return build(nested);
        }
        if (type == MarshallingType.LIST) {
            ListTrait trait = field.getTrait(ListTrait.class);
            String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
            List<Object> out = new ArrayList<>();
            for (int i = 1; ; i++) {
                String k = key + "." + memberName + "." + i;
                Object e = queryValue(trait.memberFieldInfo(), form, k);
                if (e == null) {
                    break;
                }
                out.add(e);
            }
            if (out.isEmpty() && !form.containsKey(key)) {
                return null;
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            return null; // no awsQuery operation the sandbox serves takes a map
        }
        String text = form.get(key);
        return text == null ? null : value(field, JSON.textNode(text), UnaryOperator.identity(), key);
    }
}

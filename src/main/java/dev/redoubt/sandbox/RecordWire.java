package dev.redoubt.sandbox;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.redoubt.estate.CalculatedLifecycle;
import dev.redoubt.estate.Lifecycle;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RecoveryPointCreator;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * An estate record written straight to a JSON protocol's wire form, without first turning it into a
 * JSON tree: a page of 1,000 recovery points spent most of the sandbox's CPU in that tree (each
 * timestamp written as text, then read back). Handlers put {@link #node} where the tree would go;
 * {@link ShapeWalker#writeTreeValue} writes it. The bytes are those of the tree path, which every record
 * that does not fit (an unknown member, a value of another type than its member's) still takes.
 */
final class RecordWire {
    /** The records written directly: members of plain types only (strings, numbers, booleans, timestamps, these records). */
    private static final Set<Class<?>> DIRECT = Set.of(RecoveryPoint.class, RecoveryPointCreator.class, CalculatedLifecycle.class,
            Lifecycle.class);

    /** A record waiting to be written, with the mapper that would have made its tree. */
    record Deferred(Record value, ObjectMapper mapper) {
    }

    /** A record's JSON members by name, and its member of unknown properties. */
    private record Layout(Map<String, Method> members, Method unknown, boolean named) {
    }

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            Map<String, Method> members = new HashMap<>();
            Method unknown = null;
            boolean named = true;
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                if (c.isAnnotationPresent(JsonAnyGetter.class) || accessor.isAnnotationPresent(JsonAnyGetter.class)) {
                    unknown = accessor;
                    continue;
                }
                // @JsonProperty does not target record components: javac leaves it on the accessor (and the field)
                JsonProperty p = accessor.getAnnotation(JsonProperty.class);
                if (p == null || p.value().isEmpty()) {
                    named = false; // Jackson's own naming: left to the tree
                } else {
                    members.put(p.value(), accessor);
                }
            }
            return new Layout(members, unknown, named);
        }
    };

    private RecordWire() {
    }

    /** The record as a node of a handler's answer, written when the answer is. */
    static JsonNode node(Record value, ObjectMapper mapper) {
        return new POJONode(new Deferred(value, mapper));
    }

    static void write(List<SdkField<?>> fields, Deferred d, JsonGenerator g, ShapeWalker.Timestamps defaults, UnaryOperator<Instant> time,
                      ShapeWalker.Where path) throws IOException {
        if (fits(fields, d.value())) {
            writeDirect(fields, d.value(), g, defaults, time, path);
        } else {
            ShapeWalker.writeJsonTree(fields, d.mapper().valueToTree(d.value()), g, defaults, time, path);
        }
    }

    /** True when every member the shape asks for is absent or of the plain type its member shape has, recursively. */
    static boolean fits(List<SdkField<?>> fields, Object record) {
        if (!DIRECT.contains(record.getClass())) {
            return false;
        }
        Layout layout = LAYOUTS.get(record.getClass());
        if (!layout.named()) {
            return false;
        }
        Object unknown = get(layout.unknown(), record);
        if (unknown instanceof Map<?, ?> m && !m.isEmpty()) {
            return false;
        }
        for (SdkField<?> field : fields) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Method member = layout.members().get(field.locationName());
            Object v = member == null ? null : get(member, record);
            if (v == null) {
                continue;
            }
            MarshallingType<?> type = field.marshallingType();
            boolean plain = (type == MarshallingType.STRING && v instanceof String)
                    || (type == MarshallingType.INSTANT && v instanceof Instant)
                    || (type == MarshallingType.LONG && v instanceof Long)
                    || (type == MarshallingType.INTEGER && v instanceof Integer)
                    || (type == MarshallingType.BOOLEAN && v instanceof Boolean)
                    || (type == MarshallingType.SDK_POJO && v instanceof Record && fits(field.constructor().get().sdkFields(), v));
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static void writeDirect(List<SdkField<?>> fields, Object record, JsonGenerator g, ShapeWalker.Timestamps defaults,
                                    UnaryOperator<Instant> time, ShapeWalker.Where path) throws IOException {
        Layout layout = LAYOUTS.get(record.getClass());
        g.writeStartObject();
        for (SdkField<?> field : fields) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            String name = field.locationName();
            Method member = layout.members().get(name);
            Object v = member == null ? null : get(member, record);
            if (v == null) {
                continue;
            }
            g.writeFieldName(name);
            ShapeWalker.Where where = new ShapeWalker.Where(path, name, -1);
            MarshallingType<?> type = field.marshallingType();
            if (type == MarshallingType.STRING) {
                g.writeString((String) v);
            } else if (type == MarshallingType.INSTANT) {
                ShapeWalker.writeJsonValue(field, ShapeWalker.shifted(time, (Instant) v, where), g, defaults);
            } else if (type == MarshallingType.LONG || type == MarshallingType.INTEGER) {
                g.writeNumber(((Number) v).longValue());
            } else if (type == MarshallingType.BOOLEAN) {
                g.writeBoolean((Boolean) v);
            } else {
                writeDirect(field.constructor().get().sdkFields(), v, g, defaults, time, where);
            }
        }
        g.writeEndObject();
    }

    private static Object get(Method accessor, Object record) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

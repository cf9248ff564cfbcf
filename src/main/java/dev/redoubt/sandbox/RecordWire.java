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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** One member of a shape that the record has: where to read it and how to write it. */
    private record Member(String name, SdkField<?> field, MarshallingType<?> type, Method accessor, List<SdkField<?>> nested) {
    }

    /** What writing a record class in a shape takes, worked out once: null members when the class is not written directly. */
    private record Plan(List<Member> members, Method unknown) {
    }

    /** A shape's field list, by identity (the SDK keeps one list per shape). */
    private record Key(Class<?> type, List<SdkField<?>> fields) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.fields == fields;
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + System.identityHashCode(fields);
        }
    }

    private static final Map<Key, Plan> PLANS = new ConcurrentHashMap<>();

    private static Plan plan(List<SdkField<?>> fields, Class<?> type) {
        return PLANS.computeIfAbsent(new Key(type, fields), k -> {
            Layout layout = LAYOUTS.get(type);
            if (!DIRECT.contains(type) || !layout.named()) {
                return new Plan(null, null);
            }
            List<Member> members = new ArrayList<>();
            for (SdkField<?> field : fields) {
                Method accessor = layout.members().get(field.locationName());
                if (field.location() == MarshallLocation.PAYLOAD && accessor != null) {
                    members.add(new Member(field.locationName(), field, field.marshallingType(), accessor,
                            field.marshallingType() == MarshallingType.SDK_POJO ? field.constructor().get().sdkFields() : null));
                }
            }
            return new Plan(List.copyOf(members), layout.unknown());
        });
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
        Plan plan = plan(fields, record.getClass());
        if (plan.members() == null || get(plan.unknown(), record) instanceof Map<?, ?> m && !m.isEmpty()) {
            return false;
        }
        for (Member member : plan.members()) {
            Object v = get(member.accessor(), record);
            if (v == null) {
                continue;
            }
            MarshallingType<?> type = member.type();
            boolean plain = (type == MarshallingType.STRING && v instanceof String)
                    || (type == MarshallingType.INSTANT && v instanceof Instant)
                    || (type == MarshallingType.LONG && v instanceof Long)
                    || (type == MarshallingType.INTEGER && v instanceof Integer)
                    || (type == MarshallingType.BOOLEAN && v instanceof Boolean)
                    || (type == MarshallingType.SDK_POJO && v instanceof Record && fits(member.nested(), v));
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static void writeDirect(List<SdkField<?>> fields, Object record, JsonGenerator g, ShapeWalker.Timestamps defaults,
                                    UnaryOperator<Instant> time, ShapeWalker.Where path) throws IOException {
        g.writeStartObject();
        for (Member member : plan(fields, record.getClass()).members()) {
            Object v = get(member.accessor(), record);
            if (v == null) {
                continue;
            }
            g.writeFieldName(member.name());
            MarshallingType<?> type = member.type();
            if (type == MarshallingType.STRING) {
                g.writeString((String) v);
            } else if (type == MarshallingType.INSTANT) {
                ShapeWalker.writeJsonValue(member.field(), ShapeWalker.shifted(time, (Instant) v, new ShapeWalker.Where(path, member.name(), -1)),
                        g, defaults);
            } else if (type == MarshallingType.LONG || type == MarshallingType.INTEGER) {
                g.writeNumber(((Number) v).longValue());
            } else if (type == MarshallingType.BOOLEAN) {
                g.writeBoolean((Boolean) v);
            } else {
                writeDirect(member.nested(), v, g, defaults, time, new ShapeWalker.Where(path, member.name(), -1));
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

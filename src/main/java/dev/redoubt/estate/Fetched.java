package dev.redoubt.estate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A member that an API answers with either a value or "none configured" (a ResourceNotFoundException),
 * such as a vault's access policy. In the file, {@code null} is "none configured"; a missing member
 * (a null {@code Fetched} reference in the record) is "not read".
 */
@JsonSerialize(using = Fetched.Writer.class)
@JsonDeserialize(using = Fetched.Reader.class)
public final class Fetched<T> {
    private static final Fetched<?> NONE = new Fetched<>(null);
    private final T value;

    private Fetched(T value) {
        this.value = value;
    }

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(Objects.requireNonNull(value, "value"));
    }

    @SuppressWarnings("unchecked")
    public static <T> Fetched<T> none() {
        return (Fetched<T>) NONE;
    }

    /** The value, or empty when the API said none is configured. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public boolean isNone() {
        return value == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fetched<?> f && Objects.equals(value, f.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value == null ? "Fetched[none]" : "Fetched[" + value + "]";
    }

    static final class Writer extends StdSerializer<Fetched<?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Writer() {
            super((Class) Fetched.class);
        }

        @Override
        public void serialize(Fetched<?> f, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (f.value == null) {
                gen.writeNull();
            } else {
                provider.defaultSerializeValue(f.value, gen);
            }
        }
    }

    static final class Reader extends JsonDeserializer<Fetched<?>> implements ContextualDeserializer {
        private final JavaType valueType;

        Reader() {
            this(null);
        }

        private Reader(JavaType valueType) {
            this.valueType = valueType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType type = property != null ? property.getType() : ctxt.getContextualType();
            JavaType inner = type != null && type.containedTypeCount() == 1 ? type.containedType(0) : ctxt.constructType(Object.class);
            return new Reader(inner);
        }

        @Override
        public Fetched<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object v = ctxt.readValue(p, valueType);
            return v == null ? none() : of(v);
        }

        @Override
        public Fetched<?> getNullValue(DeserializationContext ctxt) {
            return none();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}

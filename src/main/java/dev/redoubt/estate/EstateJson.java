package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The Jackson configuration for estate files: strict types, AWS timestamps, shared strings. */
public final class EstateJson {
    /** Context attribute under which a read keeps its string pool. */
    static final Object STRING_POOL = new Object();

    private EstateJson() {
    }

    /** A mapper for estate JSON: strict about types, ISO-8601 UTC timestamps out, ISO-8601 or epoch seconds in. */
    public static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("redoubt-estate");
        module.addSerializer(Instant.class, new InstantWriter());
        module.addDeserializer(Instant.class, new InstantReader());
        module.addDeserializer(String.class, new PooledStringReader());
        return JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPrettyPrinter(prettyPrinter())
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .addModule(module)
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(indenter);
        pp.indentArraysWith(indenter);
        return pp.withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
    }

    /** Parses an AWS timestamp as the CLI prints it (ISO-8601 with an offset) or as epoch seconds. */
    public static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text);
        }
    }

    static final class InstantWriter extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    static final class InstantReader extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                try {
                    return parseTimestamp(text);
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 timestamp");
                }
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochSecond(p.getLongValue());
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal seconds = p.getDecimalValue();
                long whole = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }

    /** Reads strings strictly (no numbers or booleans as strings) and shares equal ones within one read. */
    static final class PooledStringReader extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        PooledStringReader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            @SuppressWarnings("unchecked")
            Map<String, String> pool = (Map<String, String>) ctxt.getAttribute(STRING_POOL);
            if (pool == null) {
                return s;
            }
            String shared = pool.putIfAbsent(s, s);
            return shared != null ? shared : s;
        }
    }

    static Map<String, String> newPool() {
        return new HashMap<>(1 << 16);
    }
}

package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The Jackson configuration for estate files: strict types, AWS timestamps, shared strings. */
public final class EstateJson {
    /** Context attribute under which a read keeps its string pool. */
    static final Object STRING_POOL = new Object();

    private EstateJson() {
    }

    /**
     * How deep objects and arrays may nest. AWS's shapes nest a dozen levels at most; the bound keeps a hostile file
     * from exhausting the stack of whoever walks the tree later (the sandbox, the reports).
     */
    public static final int MAX_NESTING_DEPTH = 200;

    /** The earliest timestamp an estate may hold: the Unix epoch (no AWS resource is older). */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest timestamp an estate may hold: the last instant a four-digit year can spell. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The accepted range, as messages state it. */
    public static final String RANGE = "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

    /** A mapper for estate JSON: strict about types, ISO-8601 UTC timestamps out, ISO-8601 or epoch seconds in. */
    public static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("redoubt-estate");
        module.addSerializer(Instant.class, new InstantWriter());
        module.addDeserializer(Instant.class, new InstantReader());
        module.addDeserializer(String.class, new PooledStringReader());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return SHARED.contains(description.getBeanClass()) ? new SharedValueReader(deserializer) : deserializer;
            }
        });
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                // A null inside a list or map ("RecoveryPoints": [null]) is no AWS output: refuse it where it is.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
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
        Instant fast = parseCommonTimestamp(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text);
        }
    }

    /**
     * The form AWS and Redoubt write, {@code 2026-11-02T04:10:00Z} (optionally with a fraction and a {@code +hh:mm} offset),
     * read by hand: the formatter path costs microseconds and a dozen maps a timestamp, and a capture holds 600,000 of them.
     * Returns null for anything else (lower case, no seconds, out-of-range fields), which the formatter then reads or refuses,
     * so the instant and the errors are the formatter's.
     */
    public static Instant parseCommonTimestamp(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            int width = i - start;
            if (width == 0) {
                return null;
            }
            for (int k = width; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** True when an estate may hold this timestamp ({@link #RANGE}). */
    public static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    static final class InstantWriter extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            char[] text = new char[30];
            int n = formatTimestamp(value, text);
            if (n < 0) {
                gen.writeString(value.toString());
            } else {
                gen.writeString(text, 0, n);
            }
        }
    }

    /**
     * {@code t.toString()} written by hand into {@code out} (which holds 30 chars), for the years 1970 to 9999; -1 for
     * any other, which {@link Instant#toString} then writes. The formatter's path costs a microsecond a timestamp and a
     * capture writes 600,000 of them.
     */
    static int formatTimestamp(Instant t, char[] out) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds > LATEST.getEpochSecond()) {
            return -1;
        }
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds - days * 86_400);
        // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), in the proleptic Gregorian calendar
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = t.getNano();
        if (nanos > 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1000 == 0) {
                put(out, n, nanos / 1000, 6);
                n += 6;
            } else {
                put(out, n, nanos, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return n;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
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
                Instant parsed;
                try {
                    parsed = parseTimestamp(text);
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 timestamp");
                }
                if (!inRange(parsed)) {
                    throw outOfRange(p, "\"" + abbreviate(text) + "\"", text);
                }
                return parsed;
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                // Epoch seconds, compared before any conversion: 1e300 must not wrap around to 1970.
                BigDecimal seconds = p.getDecimalValue();
                if (seconds.compareTo(BigDecimal.valueOf(EARLIEST.getEpochSecond())) < 0
                        || seconds.compareTo(BigDecimal.valueOf(LATEST.getEpochSecond() + 1)) >= 0) {
                    throw outOfRange(p, "the number " + abbreviate(p.getText()), seconds);
                }
                long whole = seconds.longValue();
                int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }

    /** The message of a timestamp outside {@link #RANGE}; {@link EstateFile} reports it with the member's path. */
    static final String OUT_OF_RANGE = "is outside the timestamps an estate may hold (" + RANGE + ")";

    private static InvalidFormatException outOfRange(JsonParser p, String found, Object value) {
        return InvalidFormatException.from(p, found + " " + OUT_OF_RANGE + "; give a date-time within it", value, Instant.class);
    }

    static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
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
            StringPool pool = poolOf(ctxt);
            if (pool != null) {
                return pool.share(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            return p.getText();
        }

        /**
         * The read's pool: the context's attribute, remembered for the context that asked last (a read is one context),
         * because looking an attribute up is a map lookup and a capture holds millions of strings.
         */
        private StringPool poolOf(DeserializationContext ctxt) {
            LastPool last = this.last;
            if (last != null && last.ctxt() == ctxt) {
                return last.pool();
            }
            StringPool pool = ctxt.getAttribute(STRING_POOL) instanceof StringPool found ? found : null;
            this.last = new LastPool(ctxt, pool);
            return pool;
        }

        private transient volatile LastPool last;

        private record LastPool(DeserializationContext ctxt, StringPool pool) {
        }
    }

    /**
     * The records that recovery points repeat: the plan and rule that made them and their lifecycle are the same for
     * thousands of points, so one instance per value saves ~80 bytes a point (a capture holds 200,000 of them).
     */
    private static final java.util.Set<Class<?>> SHARED = java.util.Set.of(RecoveryPointCreator.class, Lifecycle.class);

    /** Reads a record as its own reader does, then hands back the equal instance read before, if any. */
    static final class SharedValueReader extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        SharedValueReader(JsonDeserializer<?> reader) {
            super(reader);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new SharedValueReader(reader);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            return ctxt.getAttribute(STRING_POOL) instanceof StringPool pool ? pool.shareValue(value) : value;
        }
    }

    static StringPool newPool() {
        return new StringPool();
    }
}

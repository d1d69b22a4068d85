package org.kindred.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one JSON mapper: snake_case names, RFC 3339 timestamps, and strict reading: unknown properties,
 * duplicate keys, trailing tokens, nulls for primitives and every implicit type coercion ("5" for 5,
 * 1.5 for 1, 1 for true, 5 for "5", "NaN" for a number) are refused, and so are enum values with surrounding
 * whitespace and dates and timestamps in any other form than the contract's. {@link ReusableJson} values are
 * written through a {@link JsonMemo}, which renders them with a second mapper built the same way ({@link #bytesOnce}
 * uses that one directly).
 */
public final class Json {
    /** A date of the contract: four-digit year, no sign (java.time would read "+300000000-01-01" too). */
    static final Pattern DATE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A timestamp of the contract (RFC 3339): a date as above, a time and an offset. */
    static final Pattern TIMESTAMP_FORM =
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final ObjectMapper PLAIN = create();
    private static final ObjectMapper MAPPER = create().registerModule(JsonMemo.module(PLAIN));

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] bytes(Object value) {
        return bytes(MAPPER, value);
    }

    /** {@link #bytes} for a value written once, such as one just created: nothing of it is kept for later writes. */
    public static byte[] bytesOnce(Object value) {
        return bytes(PLAIN, value);
    }

    private static byte[] bytes(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON this server wrote itself (stored columns); a failure here is a bug, not bad input. */
    public static <T> T parse(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("strict-scalars").setDeserializerModifier(new StrictScalars()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
        refuse(mapper, LogicalType.Textual,
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
            CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float,
            CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.String);
        refuse(mapper, LogicalType.Collection, CoercionInputShape.EmptyString, CoercionInputShape.String);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Jackson trims enum values, dates and times before reading them, reads numbers and arrays as dates and
     * times, a timestamp as a date and digits as a timestamp; but " coordinator" is not a role, and neither
     * " 2030-01-07", 5 nor "2030-01-07T00:00:00Z" is a date of the contract. It also reads the strings "NaN"
     * and "Infinity" as numbers whatever the coercion settings say, and a stored NaN would be written back as a
     * string where the contract promises a number.
     */
    private static final class StrictScalars extends BeanDeserializerModifier {
        private static final Set<Class<?>> FLOATING = Set.of(Double.class, double.class, Float.class, float.class);
        private static final Pattern TRIMMED = Pattern.compile("\\S(.*\\S)?", Pattern.DOTALL);
        private static final Map<Class<?>, Pattern> TIME_FORMS = Map.of(LocalDate.class, DATE_FORM, Instant.class, TIMESTAMP_FORM);

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new TextInForm(deserializer, type.getRawClass(), TRIMMED, false);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type.getPackageName().equals("java.time")) {
                return new TextInForm(deserializer, type, TIME_FORMS.getOrDefault(type, TRIMMED), true);
            }
            return FLOATING.contains(type) ? new NumberValue(deserializer, type) : deserializer;
        }
    }

    /** A value written as text must have the given form; with {@code textOnly}, it must be written as text. */
    private static final class TextInForm extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<?> type;
        private final Pattern form;
        private final boolean textOnly;

        TextInForm(JsonDeserializer<?> delegate, Class<?> type, Pattern form, boolean textOnly) {
            super(delegate);
            this.type = type;
            this.form = form;
            this.textOnly = textOnly;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextInForm(delegate, type, form, textOnly);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !form.matcher(parser.getText()).matches()) {
                return context.handleWeirdStringValue(type, parser.getText(), "not in the form " + form);
            }
            if (textOnly && !parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class NumberValue extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<?> type;

        NumberValue(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NumberValue(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }
}

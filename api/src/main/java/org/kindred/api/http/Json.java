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

/**
 * The one JSON mapper: snake_case names, RFC 3339 timestamps, and strict reading: unknown properties,
 * duplicate keys, trailing tokens, nulls for primitives and every implicit type coercion ("5" for 5,
 * 1.5 for 1, 1 for true, 5 for "5") are refused, and so are enum values, dates and times with surrounding
 * whitespace.
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
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
            .addModule(new SimpleModule("untrimmed").setDeserializerModifier(new Untrimmed()))
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
     * Jackson trims enum values, dates and times before reading them, and reads numbers and arrays as dates
     * and times; but " coordinator" is not a role, and neither " 2030-01-07" nor 5 is a date of the contract.
     */
    private static final class Untrimmed extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new UntrimmedValue(deserializer, type.getRawClass(), false);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type.getPackageName().equals("java.time") ? new UntrimmedValue(deserializer, type, true) : deserializer;
        }
    }

    private static final class UntrimmedValue extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<?> type;
        private final boolean textOnly;

        UntrimmedValue(JsonDeserializer<?> delegate, Class<?> type, boolean textOnly) {
            super(delegate);
            this.type = type;
            this.textOnly = textOnly;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new UntrimmedValue(delegate, type, textOnly);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !parser.getText().equals(parser.getText().trim())) {
                return context.handleWeirdStringValue(type, parser.getText(), "surrounding whitespace");
            }
            if (textOnly && !parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }
}

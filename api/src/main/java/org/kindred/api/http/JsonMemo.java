package org.kindred.api.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the JSON of a {@link ReusableJson} value once and copies those bytes whenever an equal value is written
 * again. Reads and lists return the same rows far more often than the rows change, and Jackson's walk over a
 * record's properties was the largest single cost of a list page. What is kept is keyed by the value itself, so
 * it can never be out of date: a changed row is a different key. At most {@link #KEPT} values of each type are
 * kept; when full, the memo starts again empty.
 */
final class JsonMemo extends JsonSerializer<Object> {
    static final int KEPT = 2_000;

    private final ObjectMapper plain;
    private final Map<Object, SerializedString> kept = new ConcurrentHashMap<>();

    private JsonMemo(ObjectMapper plain) {
        this.plain = plain;
    }

    /** Serializes each {@link ReusableJson} type through a memo of its own, rendering with {@code plain}. */
    static SimpleModule module(ObjectMapper plain) {
        return new SimpleModule("reusable-json").setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return description.getBeanClass().isAnnotationPresent(ReusableJson.class) ? new JsonMemo(plain) : serializer;
            }
        });
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (generator instanceof TokenBuffer) {
            // Building a tree (valueToTree): raw text would land in it as one opaque value, not as its fields.
            generator.writeTree(plain.valueToTree(value));
            return;
        }
        generator.writeRawValue(json(value));
    }

    private SerializedString json(Object value) throws IOException {
        SerializedString json = kept.get(value);
        if (json == null) {
            json = new SerializedString(plain.writeValueAsString(value));
            if (kept.size() >= KEPT) {
                kept.clear();
            }
            kept.put(value, json);
        }
        return json;
    }
}

package org.kindred.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kindred.sdk.invoker.ApiClient;

/**
 * The generated client's mapper, taught one thing: some operations answer with text that is not JSON (the
 * group calendar, the contract as YAML, the docs page). The generated code hands every body to the mapper
 * to read as JSON; for those, whose return type is String, the text is returned as it is.
 */
final class TextTolerantMapper extends ObjectMapper {
    private static final long serialVersionUID = 1L;

    TextTolerantMapper() {
        this(ApiClient.createDefaultObjectMapper());
    }

    private TextTolerantMapper(ObjectMapper source) {
        super(source);
    }

    @Override
    public ObjectMapper copy() {
        _checkInvalidCopy(TextTolerantMapper.class);
        return new TextTolerantMapper(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readValue(String content, TypeReference<T> type) throws JsonProcessingException {
        if (type.getType() == String.class && !content.stripLeading().startsWith("\"")) {
            return (T) content;
        }
        return super.readValue(content, type);
    }
}

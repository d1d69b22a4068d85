package org.kindred.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads request bodies: checks the content type, refuses empty and non-object bodies, and turns every
 * Jackson failure into a 400 that names the field. PATCH bodies are JSON merge patches (RFC 7396)
 * applied to the resource's current input shape, so one record and one validator serve create and update.
 */
public final class JsonBody {
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Pattern JACKSON_HINT =
        Pattern.compile("[:;,]?\\s*(enable |disable |from )?`[A-Za-z_$][\\w$]*(\\.[\\w$]+)+(\\(\\))?`( to allow)?"
            + "|\\s*\\([^()]*Feature '[A-Z_]+'[^()]*\\)");

    private JsonBody() {
    }

    /** The body of a POST or PUT as {@code type}. */
    public static <T> T read(Context ctx, Class<T> type) {
        return convert(readObject(ctx, JSON), type);
    }

    /** The body as a JSON object, for requests whose shape is checked by hand. */
    public static ObjectNode readObject(Context ctx) {
        return readObject(ctx, JSON);
    }

    /**
     * The PATCH body, read and checked before the update begins: an update applies it inside its write, and a client
     * sending its body slowly must not hold every other write up meanwhile. {@code fixed} names properties that no
     * update may carry (a group stays in its program): in a patch they are unknown properties, even with their
     * current value.
     */
    public static MergePatch mergePatch(Context ctx, String... fixed) {
        ObjectNode patch = readObject(ctx, MERGE_PATCH);
        for (String name : fixed) {
            if (patch.has(name)) {
                throw ApiException.invalid(name, "unknown_property", "is not a property of this request; it cannot change");
            }
        }
        return new MergePatch(patch);
    }

    /** Reads {@code type} from an already-parsed tree with the same strict rules and error mapping. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw toProblem(e);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.validation_failed, e.getMessage());
        }
    }

    private static ObjectNode readObject(Context ctx, String alsoAccepted) {
        requireJsonContentType(ctx, alsoAccepted);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(ErrorCode.malformed_json, "the request body is empty; send a JSON object");
        }
        if (!isUtf8(body)) {
            throw new ApiException(ErrorCode.malformed_json, "the body is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (MismatchedInputException e) {
            throw new ApiException(ErrorCode.malformed_json, "the body must be one JSON object with nothing after it");
        } catch (IOException e) {
            throw toProblem(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiException(ErrorCode.malformed_json, "the request body must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    /**
     * Strict UTF-8: Jackson reads some malformed sequences as characters (the overlong {@code C0 AF} as "/"),
     * which would let a body smuggle text past a check of its bytes.
     */
    private static boolean isUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }

    private static void requireJsonContentType(Context ctx, String alsoAccepted) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON) && !mediaType.equals(alsoAccepted)) {
            throw new ApiException(ErrorCode.unsupported_media_type,
                "send the body as " + (alsoAccepted.equals(JSON) ? JSON : JSON + " or " + alsoAccepted)
                    + (contentType == null ? "; no Content-Type was given" : ", not " + contentType));
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || !target.isObject()) {
            return patch;
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        patch.properties().forEach(entry -> {
            if (entry.getValue().isNull()) {
                result.putNull(entry.getKey());
            } else {
                JsonNode existing = result.get(entry.getKey());
                result.set(entry.getKey(), existing == null ? entry.getValue() : merge(existing, entry.getValue()));
            }
        });
        return result;
    }

    /** A JSON merge patch (RFC 7396) read from a request. */
    public static final class MergePatch {
        private final ObjectNode patch;

        private MergePatch(ObjectNode patch) {
            this.patch = patch;
        }

        /** Applies the patch to {@code current} and reads the result as {@code type}. */
        public <T> T applyTo(T current, Class<T> type) {
            return convert(merge(Json.tree(current), patch), type);
        }
    }

    private static ApiException toProblem(Exception e) {
        if (e instanceof StreamReadException parse) {
            return new ApiException(ErrorCode.malformed_json, "the body is not valid JSON: " + withoutHints(parse.getOriginalMessage()));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return ApiException.invalid(field, "unknown_property", "is not a property of this request"
                + knownProperties(unknown.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
            && format.getTargetType().isEnum()) {
            return ApiException.invalid(path(format), "invalid_value",
                "must be one of: " + enumValues(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ApiException.invalid(path(mismatch), "wrong_type", "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException) {
            return ApiException.invalid(path(mapping), "out_of_range", "is too large or too small a number");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ApiException.invalid(path(mapping), "invalid_value", "cannot be read as this property");
        }
        if (e instanceof DatabindException) {
            return new ApiException(ErrorCode.validation_failed, "the body does not have the shape this operation expects");
        }
        return new ApiException(ErrorCode.malformed_json, "the body could not be read");
    }

    /** Jackson's parse messages, without its advice on parser settings (which names Java classes). */
    private static String withoutHints(String message) {
        return JACKSON_HINT.matcher(message).replaceAll("");
    }

    private static String knownProperties(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return "; known properties: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of: " + enumValues(type);
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return "an object";
    }
}

package org.kindred.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refusal the client can act on; the error mapper turns it into problem+json. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final transient List<FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException invalid(String field, String code, String message) {
        return new ApiException(ErrorCode.validation_failed, field + " " + message,
            List.of(new FieldError(field, code, message)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.not_found, what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.forbidden, detail);
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

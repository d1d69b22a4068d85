package org.kindred.api.http;

import java.util.List;

/**
 * RFC 9457 problem details, with Kindred's {@code code}, {@code request_id} and field {@code errors}. A problem
 * stays small whatever was sent: at most {@value #MAX_ERRORS} field errors, and texts that may quote the request
 * (a path, a property name) cut at {@value #MAX_TEXT} characters.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String requestId,
    List<FieldError> errors) {

    public static final int MAX_ERRORS = 100;
    public static final int MAX_TEXT = 10_000;

    static Problem of(ApiException e, String instance, String requestId) {
        ErrorCode code = e.code();
        List<FieldError> errors = e.errors().stream().limit(MAX_ERRORS)
            .map(error -> new FieldError(shortened(error.field()), error.code(), shortened(error.message())))
            .toList();
        return new Problem(code.type(), code.title(), code.status(), shortened(e.detail()), shortened(instance),
            code.name(), requestId, errors);
    }

    private static String shortened(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
    }
}

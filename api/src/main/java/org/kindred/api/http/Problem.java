package org.kindred.api.http;

import java.util.List;

/** RFC 9457 problem details, with Kindred's {@code code}, {@code request_id} and field {@code errors}. */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String requestId,
    List<FieldError> errors) {

    static Problem of(ApiException e, String instance, String requestId) {
        ErrorCode code = e.code();
        return new Problem(code.type(), code.title(), code.status(), e.detail(), instance, code.name(),
            requestId, e.errors());
    }
}

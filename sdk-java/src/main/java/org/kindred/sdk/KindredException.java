package org.kindred.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.kindred.sdk.invoker.ApiClient;
import org.kindred.sdk.invoker.ApiException;
import org.kindred.sdk.model.FieldError;
import org.kindred.sdk.model.Problem;

/**
 * A refusal or failure from the Kindred API, read from its problem details: the HTTP status, the stable
 * problem {@link #code()} to branch on, a human {@link #detail()}, the field errors of a 400, and the
 * {@link #requestId()} to quote when reporting a problem. Status 0 means no HTTP response arrived.
 */
public class KindredException extends RuntimeException {
    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    private final int status;
    private final String code;
    private final String detail;
    private final String requestId;
    private final transient List<FieldError> fieldErrors;

    public KindredException(int status, String code, String detail, String requestId, List<FieldError> fieldErrors,
                            Throwable cause) {
        super(status + " " + code + ": " + detail + (requestId == null ? "" : " (request " + requestId + ")"), cause);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.requestId = requestId;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** Reads the problem details carried by an exception of the generated client. */
    public static KindredException from(ApiException e) {
        if (e.getCode() == 0) {
            return new KindredException(0, "connection_failed",
                "no response from the server: " + e.getMessage(), null, List.of(), e);
        }
        String requestId = e.getResponseHeaders() == null ? null
            : e.getResponseHeaders().firstValue("Request-Id").orElse(null);
        try {
            Problem problem = MAPPER.readValue(e.getResponseBody(), Problem.class);
            return new KindredException(e.getCode(), problem.getCode(), problem.getDetail(),
                problem.getRequestId() != null ? problem.getRequestId() : requestId, problem.getErrors(), e);
        } catch (Exception unreadable) {
            return new KindredException(e.getCode(), "unexpected_response",
                "the server answered " + e.getCode() + " without problem details", requestId, List.of(), e);
        }
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String requestId() {
        return requestId;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}

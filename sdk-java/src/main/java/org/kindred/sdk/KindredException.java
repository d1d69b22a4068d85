package org.kindred.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.List;
import org.kindred.sdk.invoker.ApiClient;
import org.kindred.sdk.invoker.ApiException;
import org.kindred.sdk.model.FieldError;
import org.kindred.sdk.model.Problem;

/**
 * A refusal or failure from the Kindred API, read from its problem details: the HTTP status, the stable
 * problem {@link #code()} to branch on, a human {@link #detail()}, the field errors of a 400 or 422, and the
 * {@link #requestId()} to quote when reporting a problem. Each kind of failure has its own subclass
 * ({@link ValidationException}, {@link UnauthorizedException}, {@link ForbiddenException},
 * {@link NotFoundException}, {@link ConflictException}, {@link RateLimitedException}, {@link ServerException},
 * {@link ConnectionException}); other statuses arrive as a plain KindredException.
 */
public class KindredException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    /** What every failure carries. */
    record Details(int status, String code, String detail, String requestId, List<FieldError> fieldErrors) {
        Details {
            fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        }
    }

    private final int status;
    private final String code;
    private final String detail;
    private final String requestId;
    private final transient List<FieldError> fieldErrors;

    KindredException(Details details, Throwable cause) {
        super(details.status() + " " + details.code() + ": " + details.detail()
            + (details.requestId() == null ? "" : " (request " + details.requestId() + ")"), cause);
        this.status = details.status();
        this.code = details.code();
        this.detail = details.detail();
        this.requestId = details.requestId();
        this.fieldErrors = details.fieldErrors();
    }

    /** Reads the problem details carried by an exception of the generated client into the matching subclass. */
    public static KindredException from(ApiException e) {
        if (e.getCode() == 0) {
            return new ConnectionException(new Details(0, "connection_failed",
                "no response from the server: " + e.getMessage(), null, List.of()), e);
        }
        HttpHeaders headers = e.getResponseHeaders();
        Details details = details(e, headers == null ? null : headers.firstValue("Request-Id").orElse(null));
        return switch (details.status()) {
            case 400, 422 -> new ValidationException(details, e);
            case 401 -> new UnauthorizedException(details, e);
            case 403 -> new ForbiddenException(details, e);
            case 404 -> new NotFoundException(details, e);
            case 409, 412 -> new ConflictException(details, e);
            case 429 -> new RateLimitedException(details, RetryAfter.of(headers).orElse(null), e);
            default -> details.status() >= 500 ? new ServerException(details, e) : new KindredException(details, e);
        };
    }

    private static Details details(ApiException e, String requestId) {
        try {
            Problem problem = MAPPER.readValue(e.getResponseBody(), Problem.class);
            return new Details(e.getCode(), problem.getCode(), problem.getDetail(),
                problem.getRequestId() != null ? problem.getRequestId() : requestId, problem.getErrors());
        } catch (Exception unreadable) {
            return new Details(e.getCode(), "unexpected_response",
                "the server answered " + e.getCode() + " without problem details", requestId, List.of());
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

package org.kindred.api.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.kindred.api.db.Ids;

/**
 * Answers the requests Jetty refuses before any route runs (a path that is not UTF-8 or holds a NUL, a URI or
 * headers over its limits) with a problem like every other error, instead of Jetty's HTML page.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        String requestId = Ids.next("req");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponder.PROBLEM_JSON);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        byte[] body = problem(status, message, request.getHttpURI().getPath(), requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = Ids.next("req");
        fields.put(HttpHeader.CONTENT_TYPE, ProblemResponder.PROBLEM_JSON);
        fields.put(new HttpField(RequestIds.HEADER, requestId));
        return ByteBuffer.wrap(problem(status, reason, null, requestId));
    }

    private static byte[] problem(int status, String reason, String path, String requestId) {
        ErrorCode code = codeFor(status);
        String detail = "the HTTP server could not read this request" + (reason == null ? "" : ": " + reason);
        return Json.bytes(Problem.of(new ApiException(code, detail), path, requestId));
    }

    private static ErrorCode codeFor(int status) {
        return Arrays.stream(ErrorCode.values())
            .filter(code -> code.status() == status)
            .findFirst()
            .orElse(status >= 500 ? ErrorCode.internal_error : ErrorCode.validation_failed);
    }
}

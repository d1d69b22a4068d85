package org.kindred.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the app's errors become {@code application/problem+json}; {@link ProblemErrorHandler} does the
 * same for requests the HTTP server refuses before the app sees them.
 */
public final class ProblemResponder {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private ProblemResponder() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, translate(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
            write(ctx, new ApiException(ErrorCode.internal_error,
                "something went wrong on our side; quote the request_id if you report it"));
        });
    }

    public static void write(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        if (e.code().status() == 401) {
            ctx.header("WWW-Authenticate", e.code() == ErrorCode.invalid_token
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        Problem problem = Problem.of(e, ctx.path(), RequestIds.of(ctx));
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.bytes(problem));
    }

    private static ApiException translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException(ErrorCode.not_found, "there is no " + ctx.path() + " here; see /openapi.yaml for the routes");
            case 405 -> methodNotAllowed(e, ctx);
            case 413 -> new ApiException(ErrorCode.payload_too_large, "the request body is over the 1 MB limit");
            case 415 -> new ApiException(ErrorCode.unsupported_media_type, e.getMessage());
            case 400 -> new ApiException(ErrorCode.malformed_json, e.getMessage());
            case 503 -> new ApiException(ErrorCode.unavailable, e.getMessage());
            default -> {
                LOG.error("request {} {} {} failed with {}", RequestIds.of(ctx), ctx.method(), ctx.path(), e.getStatus(), e);
                yield new ApiException(ErrorCode.internal_error, "something went wrong on our side");
            }
        };
    }

    private static ApiException methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().getOrDefault("availableMethods", "");
        ApiException problem = new ApiException(ErrorCode.method_not_allowed,
            ctx.method() + " is not supported on " + ctx.path()
                + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
        if (!allowed.isEmpty()) {
            problem.withHeader("Allow", allowed);
        }
        return problem;
    }
}

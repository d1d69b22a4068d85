package org.kindred.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/** Writes JSON results; single resources get an ETag and honour If-None-Match. */
public final class Responses {
    public static final String JSON = "application/json";

    private Responses() {
    }

    public static void ok(Context ctx, Object body) {
        write(ctx, 200, Json.bytes(body));
    }

    public static void created(Context ctx, String location, Object body) {
        ctx.header("Location", location);
        write(ctx, 201, Json.bytesOnce(body));
    }

    /**
     * A single resource: 200 with its ETag, or, for a GET, 304 when the client already holds this
     * representation (a PATCH has already made its change, so it always answers with the result).
     */
    public static void resource(Context ctx, Object body) {
        byte[] bytes = Json.bytes(body);
        String etag = ETags.of(bytes);
        ctx.header("ETag", etag);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && isRead(ctx) && ETags.matchesWeakly(ifNoneMatch, etag)) {
            ctx.status(304);
            return;
        }
        write(ctx, 200, bytes);
    }

    private static boolean isRead(Context ctx) {
        return HandlerType.GET.equals(ctx.method()) || HandlerType.HEAD.equals(ctx.method());
    }

    public static void noContent(Context ctx) {
        ctx.status(204);
    }

    private static void write(Context ctx, int status, byte[] bytes) {
        ctx.status(status).contentType(JSON).result(bytes);
    }
}

package org.kindred.api.http;

import io.javalin.http.Context;

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
        write(ctx, 201, Json.bytes(body));
    }

    /** A single resource: 200 with its ETag, or 304 when the client already holds this representation. */
    public static void resource(Context ctx, Object body) {
        byte[] bytes = Json.bytes(body);
        String etag = ETags.of(bytes);
        ctx.header("ETag", etag);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, etag)) {
            ctx.status(304);
            return;
        }
        write(ctx, 200, bytes);
    }

    public static void noContent(Context ctx) {
        ctx.status(204);
    }

    private static void write(Context ctx, int status, byte[] bytes) {
        ctx.status(status).contentType(JSON).result(bytes);
    }
}

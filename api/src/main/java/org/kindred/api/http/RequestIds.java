package org.kindred.api.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.kindred.api.db.Ids;

/** Gives every request an id: the caller's {@code Request-Id} when it is sane, else a new one. */
public final class RequestIds {
    public static final String HEADER = "Request-Id";
    private static final String ATTRIBUTE = "kindred.request_id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : Ids.next("req");
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unknown" : id;
    }
}

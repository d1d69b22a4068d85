package org.kindred.api.idempotency;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.kindred.api.db.Database;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.security.Secrets;

/**
 * {@code Idempotency-Key} on creates. The create and the record of its response are committed in one
 * transaction, so after a crash a retry either replays the response or runs the create for the first
 * time, never twice. Only successful responses are kept: a refused request can be corrected and retried
 * with the same key. A request that fails because a concurrent one with the same key got there first (on a
 * unique slug or email, say) replays that one's response instead.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern ACCEPTABLE_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Database db;
    private final IdempotencyStore store;
    private final Clock clock;
    private final Function<Context, Optional<String>> callerOf;

    /**
     * {@code callerOf} gives the signed-in caller's user id: each caller has keys of their own. Anonymous
     * requests (sign-up) are scoped by their exact content too, so strangers' keys never meet and a key
     * reveals nothing about anyone else's request; for them a key only ever replays an identical request.
     */
    public Idempotency(Database db, Clock clock, Function<Context, Optional<String>> callerOf) {
        this.db = db;
        this.store = new IdempotencyStore(db);
        this.clock = clock;
        this.callerOf = callerOf;
    }

    public Handler wrap(Handler create) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                create.handle(ctx);
                return;
            }
            if (!ACCEPTABLE_KEY.matcher(key).matches()) {
                throw ApiException.invalid(HEADER, "invalid_format", "must be 1 to 255 visible ASCII characters");
            }
            String hash = requestHash(ctx);
            String scope = callerOf.apply(ctx).orElse("anonymous:" + hash);
            Optional<StoredResponse> earlier = store.find(scope, key, cutoff());
            if (earlier.isPresent()) {
                replay(ctx, earlier.get(), hash);
                return;
            }
            try {
                db.unitOfWork(() -> {
                    runUnchecked(create, ctx);
                    return null;
                }, (handle, ignored) -> {
                    if (ctx.statusCode() / 100 != 2) {
                        return;
                    }
                    StoredResponse response = new StoredResponse(hash, ctx.statusCode(),
                        ctx.res().getHeader("Location"), resultBytes(ctx));
                    Instant notBefore = cutoff();
                    if (!store.saveUnlessKept(handle, scope, key, response, clock.instant(), notBefore)) {
                        throw new AlreadyDone(store.find(handle, scope, key, notBefore).orElseThrow());
                    }
                });
            } catch (AlreadyDone done) {
                replay(ctx, done.response, hash);
            } catch (RuntimeException e) {
                Optional<StoredResponse> raced = store.find(scope, key, cutoff());
                if (raced.isEmpty()) {
                    throw e;
                }
                replay(ctx, raced.get(), hash);
            }
        };
    }

    public int purgeExpired() {
        return store.deleteCreatedBefore(cutoff());
    }

    private Instant cutoff() {
        return clock.instant().minus(RETENTION);
    }

    private static void replay(Context ctx, StoredResponse response, String hash) {
        if (!response.requestHash().equals(hash)) {
            throw new ApiException(ErrorCode.idempotency_key_reused,
                "this Idempotency-Key was used with a different request in the last 24 hours; use a new key for a new request");
        }
        if (response.location() != null) {
            ctx.header("Location", response.location());
        }
        ctx.header("Idempotent-Replayed", "true");
        ctx.status(response.status()).contentType("application/json").result(response.body());
    }

    private static String requestHash(Context ctx) {
        byte[] target = (ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Secrets.sha256(target, ctx.bodyAsBytes()));
    }

    private static byte[] resultBytes(Context ctx) {
        try (InputStream in = ctx.resultInputStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            ctx.result(body);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runUnchecked(Handler handler, Context ctx) {
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class AlreadyDone extends RuntimeException {
        private final transient StoredResponse response;

        AlreadyDone(StoredResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}

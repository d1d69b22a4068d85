package org.kindred.api.security;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;

/**
 * Runs before every handler: a request without credentials is anonymous; one with a bearer token gets a
 * {@link Principal} or a 401. The account is loaded on each request, so a deleted account stops working
 * at once even while its token has not expired.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "kindred.principal";
    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final Function<String, Optional<Principal>> accounts;

    public Authenticator(AccessTokens tokens, Function<String, Optional<Principal>> accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    public void authenticate(Context ctx) {
        if (ctx.queryParamMap().containsKey("access_token")) {
            throw new ApiException(ErrorCode.invalid_token,
                "access tokens are never accepted in the query string; send Authorization: Bearer <token>");
        }
        String header = ctx.header("Authorization");
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.invalid_token, "the Authorization header must be 'Bearer <access token>'");
        }
        String userId = tokens.verify(header.substring(BEARER.length()).trim());
        Principal principal = accounts.apply(userId)
            .orElseThrow(() -> new ApiException(ErrorCode.invalid_token, "the account of this token no longer exists"));
        ctx.attribute(ATTRIBUTE, principal);
    }

    /** The caller, or a 401 when the request carries no token. */
    public static Principal required(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new ApiException(ErrorCode.unauthorized, "this operation needs an access token: Authorization: Bearer <token>");
        }
        return principal;
    }

    /** The caller, or empty for an anonymous request. */
    public static Optional<Principal> optional(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}

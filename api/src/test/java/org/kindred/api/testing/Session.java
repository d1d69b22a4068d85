package org.kindred.api.testing;

/** A signed-in test user: who they are, their tokens, and a client that sends their access token. */
public record Session(String userId, String email, String accessToken, String refreshToken, Http http) {
}

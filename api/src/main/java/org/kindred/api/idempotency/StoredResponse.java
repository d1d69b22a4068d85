package org.kindred.api.idempotency;

/** The first response to a create made with an {@code Idempotency-Key}, kept for replays. */
record StoredResponse(String requestHash, int status, String location, byte[] body) {
}

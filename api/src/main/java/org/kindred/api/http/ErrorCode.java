package org.kindred.api.http;

/**
 * Every problem {@code code} the API can return. Clients branch on these strings, so they never change
 * once released; the spec's Problem schema lists them all (a test checks that).
 */
public enum ErrorCode {
    validation_failed(400, "Invalid request"),
    malformed_json(400, "Malformed JSON"),
    unauthorized(401, "Authentication required"),
    invalid_token(401, "Invalid access token"),
    invalid_credentials(401, "Invalid email or password"),
    invalid_refresh_token(401, "Invalid refresh token"),
    forbidden(403, "Not allowed"),
    enrollment_closed(403, "Enrollment is not open"),
    not_found(404, "Not found"),
    method_not_allowed(405, "Method not allowed"),
    conflict(409, "Conflict"),
    email_taken(409, "Email already registered"),
    slug_taken(409, "Slug already in use"),
    already_member(409, "Already a member"),
    invalid_transition(409, "Invalid state transition"),
    program_not_empty(409, "Program has members"),
    venue_in_use(409, "Venue in use"),
    mentor_unavailable(409, "Mentor not taking mentees"),
    mentor_full(409, "Mentor at capacity"),
    mentorship_exists(409, "Mentorship already exists"),
    invitation_unusable(409, "Invitation cannot be used"),
    precondition_failed(412, "Precondition failed"),
    payload_too_large(413, "Request body too large"),
    uri_too_long(414, "URI too long"),
    unsupported_media_type(415, "Unsupported media type"),
    idempotency_key_reused(422, "Idempotency key reused"),
    unprocessable(422, "Request cannot be carried out"),
    rate_limited(429, "Too many requests"),
    headers_too_large(431, "Request headers too large"),
    internal_error(500, "Internal server error"),
    unavailable(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "https://kindred.dev/problems/" + name().replace('_', '-');
    }
}

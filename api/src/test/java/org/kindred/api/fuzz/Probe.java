package org.kindred.api.fuzz;

/**
 * One request of the fuzz tests and what it must get. {@code raw} marks requests the contract cannot
 * describe, whose response is checked by hand instead of against the contract.
 */
record Probe(String what, String method, String path, byte[] body, String contentType, boolean raw, Expect expect,
             String field) {

    /** What the server must answer. */
    enum Expect {
        /** 400 validation_failed with {@code field} among errors[].field. */
        INVALID_FIELD,
        /** 400 validation_failed with an error of code unknown_property on exactly {@code field}. */
        UNKNOWN_PROPERTY,
        /**
         * 422 unprocessable naming {@code field}: what the contract refuses that way, such as a service-animal
         * policy other than always_welcome.
         */
        UNPROCESSABLE_FIELD,
        /** 400 malformed_json. */
        MALFORMED,
        /** 413 payload_too_large. */
        TOO_LARGE,
        /** 415 unsupported_media_type. */
        MEDIA_TYPE,
        /** 404 not_found. */
        NOT_FOUND,
        /** Some refusal (400, 404 or 405) as problem+json: for requests the router cannot take apart. */
        REFUSED,
        /** Either success, or 400 validation_failed naming {@code field}: the value is odd, not forbidden. */
        ACCEPTED_OR_INVALID_FIELD,
        /**
         * Success, 400 validation_failed naming {@code field}, or for an id that names nothing (or no one the
         * caller may ask about) 404 not_found or 403 forbidden.
         */
        ACCEPTED_OR_UNKNOWN_ID,
        /** 401 invalid_token: an access token in the query string is refused, whatever else is wrong. */
        TOKEN_IN_QUERY
    }

    @Override
    public String toString() {
        int length = body == null ? 0 : body.length;
        return abbreviate(what) + " [" + method + " " + abbreviate(path) + ", " + length + " body bytes, " + contentType
            + "] expecting " + expect + (field == null ? "" : " on " + abbreviate(field));
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
    }
}

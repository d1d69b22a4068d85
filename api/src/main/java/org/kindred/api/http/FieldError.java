package org.kindred.api.http;

/** One reason a request was refused: which field, a stable code, and a sentence for people. */
public record FieldError(String field, String code, String message) {
}

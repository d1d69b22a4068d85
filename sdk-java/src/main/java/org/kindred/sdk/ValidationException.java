package org.kindred.sdk;

/** The request was malformed or broke a rule (400, 422): {@link #fieldErrors()} names each field and why. */
public class ValidationException extends KindredException {
    private static final long serialVersionUID = 1L;

    ValidationException(Details details, Throwable cause) {
        super(details, cause);
    }
}

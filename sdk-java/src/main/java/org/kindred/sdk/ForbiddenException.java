package org.kindred.sdk;

/** Signed in, but this person may not do this (403). */
public class ForbiddenException extends KindredException {
    private static final long serialVersionUID = 1L;

    ForbiddenException(Details details, Throwable cause) {
        super(details, cause);
    }
}

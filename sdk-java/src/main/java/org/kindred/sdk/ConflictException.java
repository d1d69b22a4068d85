package org.kindred.sdk;

/** The resource is not in a state that allows this (409), or changed since it was read (412, with {@code If-Match}). */
public class ConflictException extends KindredException {
    private static final long serialVersionUID = 1L;

    ConflictException(Details details, Throwable cause) {
        super(details, cause);
    }
}

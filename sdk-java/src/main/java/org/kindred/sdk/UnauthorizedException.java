package org.kindred.sdk;

/** No valid login (401): sign in again. */
public class UnauthorizedException extends KindredException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException(Details details, Throwable cause) {
        super(details, cause);
    }
}

package org.kindred.sdk;

/** No such resource, or none this caller may see (404). */
public class NotFoundException extends KindredException {
    private static final long serialVersionUID = 1L;

    NotFoundException(Details details, Throwable cause) {
        super(details, cause);
    }
}

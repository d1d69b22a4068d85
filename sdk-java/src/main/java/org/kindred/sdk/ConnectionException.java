package org.kindred.sdk;

/** No HTTP response arrived (status 0): the server could not be reached or the connection broke; safe retries have already been made. */
public class ConnectionException extends KindredException {
    private static final long serialVersionUID = 1L;

    ConnectionException(Details details, Throwable cause) {
        super(details, cause);
    }
}

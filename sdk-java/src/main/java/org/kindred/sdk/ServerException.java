package org.kindred.sdk;

/** The server or a gateway in front of it failed (5xx); safe retries have already been made. */
public class ServerException extends KindredException {
    private static final long serialVersionUID = 1L;

    ServerException(Details details, Throwable cause) {
        super(details, cause);
    }
}

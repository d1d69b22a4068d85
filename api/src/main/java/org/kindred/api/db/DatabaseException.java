package org.kindred.api.db;

/** The database cannot be opened or used; the message names the file and the reason. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.kindred.examples;

import java.io.PrintStream;
import org.kindred.sdk.ConnectionException;
import org.kindred.sdk.KindredException;
import org.kindred.sdk.RateLimitedException;
import org.kindred.sdk.model.FieldError;

/** How the examples report a failure none of their own handling covers: what went wrong and the request id to quote. */
final class Failures {
    private Failures() {
    }

    /** Prints {@code e} for a person and returns the exit status for it. */
    static int report(KindredException e, String baseUrl, PrintStream out) {
        if (e instanceof ConnectionException) {
            out.println("Cannot reach Kindred at " + baseUrl + ": is the server running? (" + e.detail() + ")");
            return 3;
        }
        if (e instanceof RateLimitedException limited) {
            out.println("Kindred asks us to slow down" + limited.retryAfter()
                .map(wait -> ": try again in " + Math.max(1, wait.toSeconds()) + " s.").orElse("; try again later."));
            return 4;
        }
        out.println("Kindred refused the request: " + e.detail() + " [" + e.code() + "]");
        for (FieldError error : e.fieldErrors()) {
            out.println("  " + error.getField() + ": " + error.getMessage());
        }
        if (e.requestId() != null) {
            out.println("  (request " + e.requestId() + ")");
        }
        return 1;
    }
}

package org.kindred.api.privacy;

import org.kindred.api.http.Checks;

/** Body of {@code DELETE /v1/me}: the password again, so a borrowed device cannot erase someone. */
public record ErasureRequest(String password) {

    void validate() {
        new Checks().required("password", password).throwIfInvalid();
    }

    @Override
    public String toString() {
        return "ErasureRequest[redacted]";
    }
}

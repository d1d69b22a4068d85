package org.kindred.api.demo;

/** A demo account, printed at start-up so people can try the API at once. */
public record DemoLogin(String email, String password, String description) {
}

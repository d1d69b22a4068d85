package org.kindred.api.users;

/** A checked request for an account: the password is still plain text and is hashed by {@link UserService}. */
public record NewAccount(String email, String password, String displayName, boolean admin) {

    @Override
    public String toString() {
        return "NewAccount[email=" + email + ", displayName=" + displayName + ", admin=" + admin + "]";
    }
}

package dk.sosi.sts.token.idcard;

import java.util.Objects;

/**
 * Immutable. The {@code wsse:UsernameToken} of a level-2 card's SubjectConfirmationData (protocol.md 6).
 * {@link #toString()} does not show the password.
 */
public record UsernameToken(String username, String password) {

    public UsernameToken {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "UsernameToken[username=" + username + ", password=***]";
    }
}

package dk.sosi.sts.token.saml;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A {@code saml:AuthnStatement}.
 *
 * @param authnInstant          {@code @AuthnInstant}
 * @param sessionIndex          {@code @SessionIndex}
 * @param authnContextClassRef  {@code saml:AuthnContext/saml:AuthnContextClassRef}, e.g. {@link #X509};
 *                              the writer requires it, as the schema does
 */
public record AuthnStatement(Instant authnInstant, Optional<String> sessionIndex, Optional<String> authnContextClassRef) {

    public static final String X509 = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";
    public static final String PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";

    public AuthnStatement {
        Objects.requireNonNull(authnInstant, "authnInstant");
        Objects.requireNonNull(sessionIndex, "sessionIndex");
        Objects.requireNonNull(authnContextClassRef, "authnContextClassRef");
    }
}

package dk.sosi.sts.token.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A {@code saml:SubjectConfirmation}: how the subject is confirmed, and what its
 * {@code saml:SubjectConfirmationData} says.
 *
 * @param method                 the confirmation method URI, e.g. {@link #HOLDER_OF_KEY}; never empty
 * @param recipient              {@code SubjectConfirmationData/@Recipient}
 * @param notOnOrAfter           {@code SubjectConfirmationData/@NotOnOrAfter}
 * @param holderOfKeyCertificate the certificate of {@code SubjectConfirmationData/ds:KeyInfo/ds:X509Data/ds:X509Certificate}
 */
public record SubjectConfirmation(String method, Optional<String> recipient, Optional<Instant> notOnOrAfter,
                                  Optional<X509Certificate> holderOfKeyCertificate) {

    public static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String SENDER_VOUCHES = "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches";

    /** @throws IllegalArgumentException if {@code method} is empty */
    public SubjectConfirmation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(holderOfKeyCertificate, "holderOfKeyCertificate");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("a SubjectConfirmation needs a Method");
        }
    }

    /** A bearer confirmation for delivery to {@code recipient} before {@code notOnOrAfter}. */
    public static SubjectConfirmation bearer(String recipient, Instant notOnOrAfter) {
        return new SubjectConfirmation(BEARER, Optional.of(recipient), Optional.of(notOnOrAfter), Optional.empty());
    }

    /** A holder-of-key confirmation: the subject proves it holds the key of {@code certificate}. */
    public static SubjectConfirmation holderOfKey(X509Certificate certificate, String recipient, Instant notOnOrAfter) {
        return new SubjectConfirmation(HOLDER_OF_KEY, Optional.of(recipient), Optional.of(notOnOrAfter),
                Optional.of(certificate));
    }

    /** A holder-of-key confirmation that names no recipient and no time: only the key (the eHDSI XUA token, OQ-21). */
    public static SubjectConfirmation holderOfKey(X509Certificate certificate) {
        return new SubjectConfirmation(HOLDER_OF_KEY, Optional.empty(), Optional.empty(), Optional.of(certificate));
    }

    /** Whether the confirmation has no SubjectConfirmationData to write. */
    boolean hasNoData() {
        return recipient.isEmpty() && notOnOrAfter.isEmpty() && holderOfKeyCertificate.isEmpty();
    }
}

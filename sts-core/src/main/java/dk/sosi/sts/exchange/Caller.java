package dk.sosi.sts.exchange;

import dk.sosi.sts.trust.OcesCertificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. Who sent a request, as the caller step found it: the certificate that signed the message
 * (checked: trusted, in time, not revoked, whitelisted where the endpoint demands it), or none where an
 * endpoint accepts unsigned requests (Sosi2OIOSaml without {@code validateEnvelopeSignature}).
 */
public record Caller(Optional<OcesCertificate> signer) {

    /** A caller that did not sign its message. */
    public static final Caller UNSIGNED = new Caller(Optional.empty());

    public Caller {
        Objects.requireNonNull(signer, "signer");
    }

    public static Caller signedBy(OcesCertificate signer) {
        return new Caller(Optional.of(signer));
    }

    /** The certificate that signed the message, if any. */
    public Optional<X509Certificate> certificate() {
        return signer.map(OcesCertificate::certificate);
    }
}

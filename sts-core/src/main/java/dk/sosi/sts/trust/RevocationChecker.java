package dk.sosi.sts.trust;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/** Thread-safe. Answers whether a certificate is on its issuer's CRL in the CRA store. */
public final class RevocationChecker {

    private final CrlStore crls;

    public RevocationChecker(CrlStore crls) {
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    /** True when the issuer's stored CRL lists {@code certificate}; false when listed nowhere. */
    public boolean isRevoked(X509Certificate certificate) {
        Optional<X509CRL> crl = crls.forIssuer(certificate.getIssuerX500Principal());
        return crl.map(c -> c.isRevoked(certificate)).orElse(false);
    }
}

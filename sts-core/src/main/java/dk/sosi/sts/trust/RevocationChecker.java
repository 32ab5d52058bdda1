package dk.sosi.sts.trust;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Thread-safe. Answers whether a certificate is on a CRL of its issuer in the CRA store, whichever of the
 * CA's keys signed the list ({@link CrlStore#covering}).
 */
public final class RevocationChecker {

    private final CrlStore crls;

    public RevocationChecker(CrlStore crls) {
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    /** True when a stored CRL covering {@code certificate} lists it; false when listed nowhere. */
    public boolean isRevoked(X509Certificate certificate) {
        return crls.covering(certificate).stream().anyMatch(crl -> crl.isRevoked(certificate));
    }
}

package dk.sosi.sts.trust;

import java.security.cert.X509CRL;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Thread-safe. The certificate revocation lists the STS knows, one per issuing CA: the guide's
 * "CRA" database. Every certificate validation consults it; the CRL fetcher fills it.
 */
public interface CrlStore {

    /** The newest stored CRL issued by {@code issuer}, if any. */
    Optional<X509CRL> forIssuer(X500Principal issuer);

    /** All stored CRLs, newest per issuer. */
    List<StoredCrl> all();

    /** Stores {@code crl} as the current list of its issuer, replacing an older one. */
    void store(X509CRL crl, String sourceUrl);

    /** A stored CRL with where it came from. */
    record StoredCrl(X509CRL crl, String sourceUrl, java.time.Instant storedAt) {
    }
}

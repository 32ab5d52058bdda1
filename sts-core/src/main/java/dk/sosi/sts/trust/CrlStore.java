package dk.sosi.sts.trust;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Thread-safe. The certificate revocation lists the STS knows, one per issuing CA key: the guide's
 * "CRA" database. A list is kept per issuer name and authority key identifier ({@link KeyIdentifiers}),
 * so the lists of a CA renewed under its old name with a new key do not replace each other; a list
 * without the identifier is kept by its issuer's name. Every certificate validation consults it; the CRL
 * fetcher fills it.
 */
public interface CrlStore {

    /** The newest stored CRL issued under the name {@code issuer}, by whichever of its keys. */
    default Optional<X509CRL> forIssuer(X500Principal issuer) {
        return all().stream().map(StoredCrl::crl).filter(crl -> crl.getIssuerX500Principal().equals(issuer))
                .max(Comparator.comparing(X509CRL::getThisUpdate));
    }

    /** All stored CRLs, one per issuer name and CA key. */
    List<StoredCrl> all();

    /** Stores {@code crl} as the current list of its issuer and CA key, replacing an older one. */
    void store(X509CRL crl, String sourceUrl);

    /**
     * The stored lists that say whether {@code certificate} is revoked: every list of its issuer's name, whichever of
     * the CA's keys signed it. Serial numbers are unique per CA name (RFC 5280), and a renewed CA may publish one list
     * under its new key that covers certificates of the old one; lists are kept per key only so that they do not
     * replace each other.
     */
    default List<X509CRL> covering(X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        return all().stream().map(StoredCrl::crl).filter(crl -> crl.getIssuerX500Principal().equals(issuer)).toList();
    }

    /** The stored list that {@code crl} would replace: the one of the same issuer name and CA key. */
    default Optional<X509CRL> storedListOf(X509CRL crl) {
        Optional<String> key = KeyIdentifiers.authorityKeyId(crl);
        return all().stream().map(StoredCrl::crl)
                .filter(stored -> stored.getIssuerX500Principal().equals(crl.getIssuerX500Principal())
                        && KeyIdentifiers.authorityKeyId(stored).equals(key))
                .findFirst();
    }

    /** A stored CRL with where it came from. */
    record StoredCrl(X509CRL crl, String sourceUrl, java.time.Instant storedAt) {

        /** The CA key that issued the list, in hex; empty when the list does not say. */
        public Optional<String> authorityKeyId() {
            return KeyIdentifiers.authorityKeyId(crl);
        }
    }
}

package dk.sosi.sts.trust;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** A CRA store holding the CRLs given to it. */
final class ListCrlStore implements CrlStore {

    private final List<X509CRL> crls = new ArrayList<>();
    private final Instant storedAt;

    ListCrlStore(Instant storedAt) {
        this.storedAt = storedAt;
    }

    @Override
    public Optional<X509CRL> forIssuer(X500Principal issuer) {
        return crls.stream().filter(c -> c.getIssuerX500Principal().equals(issuer)).findFirst();
    }

    @Override
    public List<StoredCrl> all() {
        return crls.stream().map(c -> new StoredCrl(c, "test", storedAt)).toList();
    }

    @Override
    public void store(X509CRL crl, String sourceUrl) {
        crls.add(crl);
    }
}

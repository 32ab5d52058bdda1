package dk.sosi.sts.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** Immutable. The STS's own signing key and certificate chain (leaf first), from {@code teststs-1.keystore}. */
public record StsCredential(PrivateKey privateKey, List<X509Certificate> chain) {

    public StsCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The STS credential needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}

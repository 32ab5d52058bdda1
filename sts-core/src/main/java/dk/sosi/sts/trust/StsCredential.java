package dk.sosi.sts.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Immutable. The STS's own signing key and certificate chain (leaf first), from {@code teststs-1.keystore},
 * and the certificates of its other keys that tokens it issued may be signed with: the previous one after a
 * key rollover, until those tokens expire, and the next one of a planned rollover. A credential is also the
 * {@link StsKeys} that always answers itself.
 */
public record StsCredential(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> previousCertificates)
        implements StsKeys {

    public StsCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        previousCertificates = List.copyOf(previousCertificates);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The STS credential needs its certificate");
        }
    }

    /** A credential without previous keys. */
    public StsCredential(PrivateKey privateKey, List<X509Certificate> chain) {
        this(privateKey, chain, List.of());
    }

    @Override
    public StsCredential current() {
        return this;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The current certificate and the other ones: what a token the STS issued may be signed with. */
    public Set<X509Certificate> trustedOwnCertificates() {
        return Stream.concat(Stream.of(certificate()), previousCertificates.stream()).collect(Collectors.toUnmodifiableSet());
    }
}

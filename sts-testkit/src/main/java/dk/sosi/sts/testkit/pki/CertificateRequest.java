package dk.sosi.sts.testkit.pki;

import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Immutable. What an end-entity certificate issued by a {@link CertificateAuthority} should hold.
 *
 * @param subject               subject name; built from an RFC 2253 string, which may use the
 *                              {@code SERIALNUMBER} keyword (OID 2.5.4.5) the OCES conventions need
 * @param notBefore             start of validity
 * @param notAfter              end of validity, after {@code notBefore}
 * @param keyUsages             key usage bits, marked critical; at least one
 * @param crlDistributionPoint  where relying parties fetch the issuer's CRL, if anywhere
 * @param keySize               RSA modulus size for a new key pair
 * @param keyPair               an existing key pair to certify instead of making one (tests reuse keys)
 */
public record CertificateRequest(
        X500Principal subject,
        Instant notBefore,
        Instant notAfter,
        Set<KeyUsageFlag> keyUsages,
        Optional<URI> crlDistributionPoint,
        int keySize,
        Optional<KeyPair> keyPair) {

    public static final int DEFAULT_KEY_SIZE = 2048;

    /** A signing and key-transport certificate, as OCES function, company and employee certificates are. */
    public static final Set<KeyUsageFlag> DEFAULT_KEY_USAGES =
            Set.copyOf(EnumSet.of(KeyUsageFlag.DIGITAL_SIGNATURE, KeyUsageFlag.KEY_ENCIPHERMENT));

    public CertificateRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(keyUsages, "keyUsages");
        Objects.requireNonNull(crlDistributionPoint, "crlDistributionPoint");
        Objects.requireNonNull(keyPair, "keyPair");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        if (keyUsages.isEmpty()) {
            throw new IllegalArgumentException("at least one key usage is required");
        }
        if (keySize < 1024) {
            throw new IllegalArgumentException("keySize must be at least 1024 bits, was " + keySize);
        }
        keyUsages = Set.copyOf(keyUsages);
    }

    /**
     * A builder with the defaults: {@link #DEFAULT_KEY_USAGES}, no CRL distribution point,
     * a new {@link #DEFAULT_KEY_SIZE}-bit key.
     *
     * @param subjectDn e.g. {@code CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo Lægehus // CVR:20921897, C=DK}
     * @throws IllegalArgumentException if {@code subjectDn} is not a distinguished name
     */
    public static Builder builder(String subjectDn, Instant notBefore, Instant notAfter) {
        return new Builder(new X500Principal(Objects.requireNonNull(subjectDn, "subjectDn")), notBefore, notAfter);
    }

    /** Not thread-safe. Builds a {@link CertificateRequest}. */
    public static final class Builder {
        private final X500Principal subject;
        private final Instant notBefore;
        private final Instant notAfter;
        private Set<KeyUsageFlag> keyUsages = DEFAULT_KEY_USAGES;
        private URI crlDistributionPoint;
        private int keySize = DEFAULT_KEY_SIZE;
        private KeyPair keyPair;

        private Builder(X500Principal subject, Instant notBefore, Instant notAfter) {
            this.subject = subject;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
        }

        public Builder keyUsages(KeyUsageFlag first, KeyUsageFlag... more) {
            this.keyUsages = EnumSet.of(first, more);
            return this;
        }

        public Builder crlDistributionPoint(URI url) {
            this.crlDistributionPoint = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder keySize(int bits) {
            this.keySize = bits;
            return this;
        }

        /** Certifies this key pair instead of making a new one; {@link #keySize(int)} is then not used. */
        public Builder keyPair(KeyPair existing) {
            this.keyPair = Objects.requireNonNull(existing, "existing");
            return this;
        }

        public CertificateRequest build() {
            return new CertificateRequest(subject, notBefore, notAfter, keyUsages,
                    Optional.ofNullable(crlDistributionPoint), keySize, Optional.ofNullable(keyPair));
        }
    }
}

package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.RevocationChecker;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** Fixtures: a test CA issuing certificates around {@link #NOW}, a CRA store holding its CRL, a configuration to edit. */
public final class TestCertificates {

    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(400));
    private static final CertificateAuthority CA = CertificateAuthority.createRoot("CN=Inventory Test CA, C=DK",
            NOT_BEFORE, NOW.plus(Duration.ofDays(3650)), KeyPairSource.recycling(1));

    private TestCertificates() {
    }

    /** A certificate with subject serial number {@code serialNumber}, valid until {@code notAfter}. */
    static X509Certificate certificate(String serialNumber, Instant notAfter) {
        return credential(serialNumber, NOT_BEFORE, notAfter).certificate();
    }

    /** A key and certificate with subject serial number {@code serialNumber}, e.g. the STS's own. */
    public static IssuedCredential credential(String serialNumber, Instant notBefore, Instant notAfter) {
        return CA.issue(CertificateRequest.builder("CN=Test + SERIALNUMBER=" + serialNumber + ", O=Test, C=DK", notBefore, notAfter)
                .build());
    }

    static X509Certificate issue(String subjectDn, Instant notBefore, Instant notAfter) {
        return CA.issue(CertificateRequest.builder(subjectDn, notBefore, notAfter).build()).certificate();
    }

    /** The warning horizon of 30 days, with {@code revoked} on the CA's CRL. */
    public static CertificateStatusPolicy policy(X509Certificate... revoked) {
        return policy(CertificateStatusPolicy.DEFAULT_WARNING, revoked);
    }

    static CertificateStatusPolicy policy(Duration warning, X509Certificate... revoked) {
        X509CRL crl = CA.crl(Arrays.stream(revoked).map(X509Certificate::getSerialNumber).toList(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)));
        CrlStore store = new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return issuer.equals(crl.getIssuerX500Principal()) ? Optional.of(crl) : Optional.empty();
            }

            @Override
            public List<StoredCrl> all() {
                return List.of(new StoredCrl(crl, "test", NOW));
            }

            @Override
            public void store(X509CRL other, String sourceUrl) {
                throw new UnsupportedOperationException();
            }
        };
        return new CertificateStatusPolicy(new RevocationChecker(store), CLOCK, warning);
    }

    /** The base64 DER of {@code certificate}, broken into lines of 64 characters as an admin might paste it. */
    static String base64(X509Certificate certificate) {
        try {
            return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

}

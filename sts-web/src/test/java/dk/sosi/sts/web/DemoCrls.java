package dk.sosi.sts.web;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** New CRLs of the demo issuing CA, for tests that revoke a certificate it issued. */
final class DemoCrls {

    private final DemoConfiguration demo;
    private final CertificateAuthority issuingCa;

    DemoCrls(DemoConfiguration demo, CertificateAuthority issuingCa) {
        this.demo = demo;
        this.issuingCa = issuingCa;
    }

    /** A CRL made now, valid a week: what the demo CRL revokes, and {@code more}. */
    byte[] alsoRevoking(BigInteger... more) throws Exception {
        Instant now = Instant.now();
        return crl(now.minusSeconds(1), now.plus(Duration.ofDays(7)), more);
    }

    /** A CRL with these times: what the demo CRL revokes, and {@code more}. */
    byte[] crl(Instant thisUpdate, Instant nextUpdate, BigInteger... more) throws Exception {
        X509CRL current;
        try (InputStream in = Files.newInputStream(demo.issuingCaCrl())) {
            current = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        // Stored CRLs only ever get newer: this one replaces the demo CRL for good, so it keeps its revocations.
        Set<BigInteger> revoked = new HashSet<>(List.of(more));
        if (current.getRevokedCertificates() != null) {
            current.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber).forEach(revoked::add);
        }
        return issuingCa.crl(revoked, thisUpdate, nextUpdate).getEncoded();
    }
}

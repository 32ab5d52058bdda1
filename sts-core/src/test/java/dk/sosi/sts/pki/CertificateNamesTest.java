package dk.sosi.sts.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateNamesTest {

    private static final String STS_DN = "CN=SOSI Test Federation (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:18911861, O=Sundhedsdatastyrelsen // CVR:33257872, C=DK";
    private static final Instant NOW = Instant.now();

    private static CertificateAuthority ca;
    private static KeyPair leafKey;

    @BeforeAll
    static void createAuthority() {
        KeyPairSource keys = KeyPairSource.recycling(1);
        ca = CertificateAuthority.createRoot("CN=Names CA, C=DK", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), keys);
        leafKey = keys.rsa(CertificateRequest.DEFAULT_KEY_SIZE);
    }

    private static X509Certificate issue(String subjectDn) {
        return ca.issue(CertificateRequest.builder(subjectDn, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)))
                .keyPair(leafKey).build()).certificate();
    }

    @Test
    void subjectSerialNumberWhenStsCertificateThenReturnsCvrAndFid() {
        assertEquals("CVR:33257872-FID:18911861", CertificateNames.subjectSerialNumber(issue(STS_DN)));
    }

    @Test
    void subjectSerialNumberWhenOces3OrganisationThenReturnsUuidIdentifier() {
        X509Certificate certificate = issue(
                "CN=Demo NemLog-in IdP + SERIALNUMBER=UI:DK-O:G:23550132-5e1f-4e43-a5f9-048acf49e0b8, O=Demo, C=DK");

        assertEquals("UI:DK-O:G:23550132-5e1f-4e43-a5f9-048acf49e0b8", CertificateNames.subjectSerialNumber(certificate));
    }

    @Test
    void issueWhenSubjectHasSerialNumberThenEncodedAsOid2545InMultiValuedRdn() {
        X509Certificate certificate = issue(STS_DN);
        String rfc2253 = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);

        // RFC 2253 has no keyword for serialNumber: the JDK prints the OID and the DER value in hex.
        assertTrue(rfc2253.contains("2.5.4.5=#"), rfc2253);
        assertTrue(rfc2253.contains("+"), "CN and serialNumber share one RDN: " + rfc2253);
        assertTrue(rfc2253.endsWith(",O=Sundhedsdatastyrelsen // CVR:33257872,C=DK"), rfc2253);
        assertTrue(certificate.getSubjectX500Principal().toString().contains("SERIALNUMBER=CVR:33257872-FID:18911861"));
        assertEquals(new X500Principal(STS_DN), certificate.getSubjectX500Principal());
    }

    @Test
    void subjectSerialNumberWhenSubjectHasNoneThenRejectedNamingTheSubject() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> CertificateNames.subjectSerialNumber(ca.certificate()));

        assertTrue(failure.getMessage().contains("CN=Names CA"), failure.getMessage());
    }
}

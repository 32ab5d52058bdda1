package dk.sosi.sts.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.cert.X509Extension;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(1));
    private static final Instant CA_NOT_AFTER = NOW.plus(Duration.ofDays(3650));
    private static final Instant LEAF_NOT_AFTER = NOW.plus(Duration.ofDays(365));
    private static final URI CRL_URL = URI.create("http://127.0.0.1:8080/sts/demo-crl/test.crl");
    private static final String EMPLOYEE_DN =
            "CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo Lægehus // CVR:20921897, C=DK";

    private static CertificateAuthority root;
    private static CertificateAuthority intermediate;
    private static CertificateAuthority untrustedRoot;
    /** Leaves share one key: nothing here depends on leaf keys being different. */
    private static KeyPair leafKey;

    @BeforeAll
    static void createAuthorities() {
        root = CertificateAuthority.createRoot("CN=Test Root CA, O=SOSI-STS test, C=DK", NOT_BEFORE, CA_NOT_AFTER);
        intermediate = root.issueIntermediate(
                "CN=Test Issuing CA, O=SOSI-STS test, C=DK", NOT_BEFORE, CA_NOT_AFTER, CRL_URL);
        untrustedRoot = CertificateAuthority.createRoot(
                "CN=Untrusted CA, O=Somebody else, C=DK", NOT_BEFORE, CA_NOT_AFTER);
        leafKey = KeyPairSource.fresh().rsa(CertificateRequest.DEFAULT_KEY_SIZE);
    }

    private static CertificateRequest.Builder employee() {
        return CertificateRequest.builder(EMPLOYEE_DN, NOT_BEFORE, LEAF_NOT_AFTER).keyPair(leafKey);
    }

    @Test
    void issueWhenLeafChainsToTrustedRootThenPkixValidationSucceeds() {
        IssuedCredential leaf = intermediate.issue(employee().build());

        assertEquals(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()), leaf.chain());
        assertDoesNotThrow(() -> TestPkix.validate(leaf.chain(), root.certificate(), NOW));
    }

    @Test
    void issueWhenIssuerIsUntrustedThenPkixValidationFailsWithNoTrustAnchor() {
        IssuedCredential leaf = untrustedRoot.issue(employee().build());

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> TestPkix.validate(leaf.chain(), root.certificate(), NOW));
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, failure.getReason());
    }

    @Test
    void issueWhenValidationDateAfterNotAfterThenPkixValidationFailsAsExpired() {
        IssuedCredential leaf = intermediate.issue(employee().build());

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> TestPkix.validate(leaf.chain(), root.certificate(), LEAF_NOT_AFTER.plusSeconds(1)));
        assertEquals(BasicReason.EXPIRED, failure.getReason());
    }

    @Test
    void issueWhenLeafRequestedThenCertificateHoldsRequestedNameValidityAndExtensions() throws Exception {
        X509Certificate leaf = intermediate.issue(employee()
                .keyUsages(KeyUsageFlag.DIGITAL_SIGNATURE, KeyUsageFlag.NON_REPUDIATION)
                .crlDistributionPoint(CRL_URL)
                .build()).certificate();

        assertEquals(new X500Principal(EMPLOYEE_DN), leaf.getSubjectX500Principal());
        assertEquals(intermediate.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(Date.from(NOT_BEFORE), leaf.getNotBefore());
        assertEquals(Date.from(LEAF_NOT_AFTER), leaf.getNotAfter());
        assertEquals("SHA256withRSA", leaf.getSigAlgName());
        assertEquals(leafKey.getPublic(), leaf.getPublicKey());
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(
                Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId())));
        boolean[] keyUsage = leaf.getKeyUsage();
        assertTrue(keyUsage[0] && keyUsage[1], "digitalSignature and nonRepudiation");
        assertFalse(keyUsage[2] || keyUsage[5] || keyUsage[6], "no keyEncipherment, keyCertSign, cRLSign");
        assertArrayEquals(subjectKeyId(intermediate.certificate()), authorityKeyId(leaf));
        assertEquals(List.of(CRL_URL.toString()), TestPkix.crlDistributionPoints(leaf));
        assertDoesNotThrow(() -> leaf.verify(intermediate.certificate().getPublicKey()));
    }

    @Test
    void issueWhenNoKeyUsageGivenThenDigitalSignatureAndKeyEnciphermentAndNoCrlDistributionPoint() {
        X509Certificate leaf = intermediate.issue(employee().build()).certificate();

        boolean[] keyUsage = leaf.getKeyUsage();
        assertTrue(keyUsage[0] && keyUsage[2], "digitalSignature and keyEncipherment");
        assertFalse(keyUsage[1] || keyUsage[5], "no nonRepudiation, no keyCertSign");
        assertNull(leaf.getExtensionValue(Extension.cRLDistributionPoints.getId()));
    }

    @Test
    void issueWhenCalledRepeatedlyThenSerialsArePositiveRandom64BitNumbers() {
        BigInteger first = intermediate.issue(employee().build()).certificate().getSerialNumber();
        BigInteger second = intermediate.issue(employee().build()).certificate().getSerialNumber();

        assertNotEquals(first, second);
        for (BigInteger serial : List.of(first, second)) {
            assertEquals(1, serial.signum());
            assertTrue(serial.bitLength() <= 64, "at most 64 bits: " + serial.bitLength());
        }
    }

    @Test
    void issueWhenNoKeyPairGivenThenMakesOneOfTheRequestedSize() {
        X509Certificate leaf = untrustedRoot.issue(
                CertificateRequest.builder("CN=Small key, C=DK", NOT_BEFORE, LEAF_NOT_AFTER).keySize(1024).build())
                .certificate();

        assertEquals(1024, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength());
    }

    @Test
    void createRootWhenCreatedThenIsSelfSignedCaWithCriticalBasicConstraints() {
        X509Certificate certificate = root.certificate();

        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertDoesNotThrow(() -> certificate.verify(certificate.getPublicKey()));
        assertEquals(Integer.MAX_VALUE, certificate.getBasicConstraints(), "CA without path length limit");
        assertTrue(certificate.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        assertArrayEquals(subjectKeyId(certificate), authorityKeyId(certificate));
        assertEquals(List.of(certificate), root.credential().chain());
    }

    @Test
    void issueIntermediateWhenIssuedThenIsCaWithPathLengthZeroThatMaySignCertificatesAndCrls() {
        X509Certificate certificate = intermediate.certificate();

        assertEquals(0, certificate.getBasicConstraints());
        boolean[] keyUsage = certificate.getKeyUsage();
        assertTrue(keyUsage[5] && keyUsage[6], "keyCertSign and cRLSign");
        assertTrue(certificate.getCriticalExtensionOIDs().containsAll(
                Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId())));
        assertArrayEquals(subjectKeyId(root.certificate()), authorityKeyId(certificate));
        assertEquals(List.of(CRL_URL.toString()), TestPkix.crlDistributionPoints(certificate));
        assertEquals(List.of(certificate, root.certificate()), intermediate.credential().chain());
    }

    @Test
    void ofWhenCredentialIsNotCaThenRejected() {
        IssuedCredential leaf = intermediate.issue(employee().build());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> CertificateAuthority.of(leaf, KeyPairSource.fresh()));
        assertTrue(failure.getMessage().contains("is not a CA certificate"), failure.getMessage());
    }

    @Test
    void crlWhenSerialRevokedThenSignedByCaAndIsRevokedOnlyForThatSerial() throws Exception {
        IssuedCredential revoked = intermediate.issue(employee().build());
        IssuedCredential valid = intermediate.issue(employee().build());
        Instant nextUpdate = NOW.plus(Duration.ofDays(7));

        X509CRL crl = intermediate.crl(Set.of(revoked.certificate().getSerialNumber()), NOW, nextUpdate);

        assertDoesNotThrow(() -> crl.verify(intermediate.certificate().getPublicKey()));
        assertEquals("SHA256withRSA", crl.getSigAlgName());
        assertEquals(intermediate.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertEquals(Date.from(NOW), crl.getThisUpdate());
        assertEquals(Date.from(nextUpdate), crl.getNextUpdate());
        assertTrue(crl.isRevoked(revoked.certificate()));
        assertEquals(Date.from(NOW.minusSeconds(1)),
                crl.getRevokedCertificate(revoked.certificate()).getRevocationDate(), "strictly before thisUpdate");
        assertFalse(crl.isRevoked(valid.certificate()));
        assertFalse(crl.isRevoked(intermediate.certificate()));
        assertEquals(BigInteger.valueOf(NOW.getEpochSecond()), crlNumber(crl));
        assertArrayEquals(subjectKeyId(intermediate.certificate()), authorityKeyId(crl));
    }

    @Test
    void crlWhenRevocationCheckedByPkixThenRevokedLeafFailsAndOthersPass() {
        IssuedCredential revoked = intermediate.issue(employee().crlDistributionPoint(CRL_URL).build());
        IssuedCredential valid = intermediate.issue(employee().crlDistributionPoint(CRL_URL).build());
        List<X509CRL> crls = List.of(
                intermediate.crl(Set.of(revoked.certificate().getSerialNumber()), NOW, NOW.plus(Duration.ofDays(7))),
                root.crl(Set.of(), NOW, NOW.plus(Duration.ofDays(7))));

        assertDoesNotThrow(() -> TestPkix.validate(valid.chain(), root.certificate(), NOW, crls));
        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> TestPkix.validate(revoked.chain(), root.certificate(), NOW, crls));
        assertEquals(BasicReason.REVOKED, failure.getReason());
    }

    @Test
    void crlWhenNextUpdateNotAfterThisUpdateThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> intermediate.crl(Set.of(), NOW, NOW));
    }

    static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    static byte[] authorityKeyId(X509Extension signed) {
        byte[] value = signed.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifierObject()
                .getOctets();
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).getValue();
    }
}

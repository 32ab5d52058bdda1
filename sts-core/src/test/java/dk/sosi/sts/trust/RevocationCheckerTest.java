package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A CA renewed under its name: each key's list revokes only the certificates that key issued. */
class RevocationCheckerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String RENEWED_CA = "CN=Renewed CA, O=Test, C=DK";

    private static CertificateAuthority oldKey;
    private static CertificateAuthority newKey;

    @BeforeAll
    static void pki() {
        CertificateAuthority root = CertificateAuthority.createRoot("CN=Test Root, C=DK", NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(3650)));
        oldKey = root.issueIntermediate(RENEWED_CA, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365)));
        newKey = root.issueIntermediate(RENEWED_CA, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(730)));
    }

    @Test
    void isRevokedWhenEachKeyOfARenewedCaHasItsListThenBothListsCount() {
        X509Certificate byOldKey = issue(oldKey, "1");
        X509Certificate byNewKey = issue(newKey, "2");
        X509Certificate validByNewKey = issue(newKey, "3");
        ListCrlStore store = new ListCrlStore(NOW);
        store.store(crl(oldKey, byOldKey.getSerialNumber()), "http://crl.example/old.crl");
        store.store(crl(newKey, byNewKey.getSerialNumber()), "http://crl.example/new.crl");
        RevocationChecker checker = new RevocationChecker(store);

        assertTrue(checker.isRevoked(byOldKey));
        assertTrue(checker.isRevoked(byNewKey));
        assertFalse(checker.isRevoked(validByNewKey));
        assertEquals(2, store.covering(byNewKey).size(), "every list of the issuer's name");
        assertNotEquals(KeyIdentifiers.authorityKeyId(byOldKey), KeyIdentifiers.authorityKeyId(byNewKey));
    }

    /** A renewed CA that lists the old key's revocations on the new key's list only (RFC 5280 allows it). */
    @Test
    void isRevokedWhenTheNewKeysListRevokesACertificateOfTheOldKeyThenRevoked() {
        X509Certificate byOldKey = issue(oldKey, "6");
        ListCrlStore store = new ListCrlStore(NOW);
        store.store(crl(oldKey), "http://crl.example/old.crl");
        store.store(crl(newKey, byOldKey.getSerialNumber()), "http://crl.example/new.crl");

        assertTrue(new RevocationChecker(store).isRevoked(byOldKey));
    }

    @Test
    void isRevokedWhenTheIssuersListNamesNoKeyThenItCoversEveryKeyWithoutAListOfItsOwn() throws Exception {
        X509Certificate byOldKey = issue(oldKey, "4");
        X509Certificate byNewKey = issue(newKey, "5");
        ListCrlStore store = new ListCrlStore(NOW);
        store.store(crlWithoutKeyId(oldKey, byOldKey.getSerialNumber()), "http://crl.example/no-aki.crl");
        store.store(crl(newKey), "http://crl.example/new.crl");
        RevocationChecker checker = new RevocationChecker(store);

        assertTrue(checker.isRevoked(byOldKey), "by the list without a key identifier");
        assertFalse(checker.isRevoked(byNewKey));
        assertEquals(Optional.empty(), store.all().get(0).authorityKeyId());
    }

    @Test
    void storedListOfWhenSameIssuerOtherKeyThenEmpty() {
        ListCrlStore store = new ListCrlStore(NOW);
        X509CRL old = crl(oldKey);
        store.store(old, "http://crl.example/old.crl");

        assertEquals(Optional.of(old), store.storedListOf(crl(oldKey)));
        assertEquals(Optional.empty(), store.storedListOf(crl(newKey)));
    }

    private static X509Certificate issue(CertificateAuthority ca, String fid) {
        return ca.issue(CertificateRequest.builder("CN=System + SERIALNUMBER=CVR:11111111-FID:" + fid + ", C=DK",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).build()).certificate();
    }

    private static X509CRL crl(CertificateAuthority ca, BigInteger... revoked) {
        return ca.crl(List.of(revoked), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
    }

    /** A list as some CAs publish it: without the AuthorityKeyIdentifier extension. */
    private static X509CRL crlWithoutKeyId(CertificateAuthority ca, BigInteger revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(NOW.minusSeconds(60)));
        builder.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(1))));
        builder.addCRLEntry(revoked, Date.from(NOW.minusSeconds(120)), 0);
        return new JcaX509CRLConverter().getCRL(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.credential().privateKey())));
    }
}

package dk.sosi.sts.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.trust.CrlDownloads;
import dk.sosi.sts.trust.CrlSourceStatus;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.KeyIdentifiers;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrlCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String URL = "http://crl.example/issuing.crl";

    private static CertificateAuthority ca;

    @BeforeAll
    static void pki() {
        ca = CertificateAuthority.createRoot("CN=Test CA, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
    }

    private static CrlStore holding(X509CRL crl) {
        return new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return Optional.of(crl);
            }

            @Override
            public List<StoredCrl> all() {
                return List.of(new StoredCrl(crl, URL, NOW));
            }

            @Override
            public void store(X509CRL crl, String sourceUrl) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void runWhenATrustedCaHasNoCrlThenFailedNamingIt() {
        X509Certificate missing = CertificateAuthority.createRoot("CN=Issuing CA without a CRL source, C=DK",
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))).certificate();

        CheckResult result = new CrlCheck(holding(crl(NOW.plus(Duration.ofDays(1)))), expecting(ca.certificate(), missing), CLOCK).run();

        assertEquals("FAILED (" + String.format(CrlCheck.NO_CRL, "CN=Issuing CA without a CRL source,C=DK") + ")", result.status());
    }

    @Test
    void runWhenOnlyTheOldKeyOfARenewedCaHasACrlThenFailedNamingTheNewKey() {
        CertificateAuthority oldKey = ca.issueIntermediate("CN=Renewed CA, C=DK", NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(300)));
        CertificateAuthority newKey = ca.issueIntermediate("CN=Renewed CA, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(600)));
        X509CRL oldKeysList = oldKey.crl(Set.of(), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));

        CheckResult result = new CrlCheck(holding(oldKeysList), expecting(oldKey.certificate(), newKey.certificate()), CLOCK).run();

        assertEquals("FAILED (" + String.format(CrlCheck.NO_CRL, "CN=Renewed CA,C=DK, key "
                + KeyIdentifiers.subjectKeyId(newKey.certificate()).orElseThrow()) + ")", result.status());
        assertEquals(KeyIdentifiers.authorityKeyId(oldKeysList), KeyIdentifiers.subjectKeyId(oldKey.certificate()));
    }

    private static CrlDownloads expecting(X509Certificate... cas) {
        return new CrlDownloads() {
            @Override
            public List<CrlSourceStatus> bySource() {
                return List.of();
            }

            @Override
            public List<X509Certificate> expectedCas() {
                return List.of(cas);
            }
        };
    }

    private static X509CRL crl(Instant nextUpdate) {
        return ca.crl(Set.of(), nextUpdate.minus(Duration.ofDays(7)), nextUpdate);
    }

    @Test
    void runWhenCrlCurrentAndLatestDownloadSucceededThenOk() {
        CrlSourceStatus recovered = new CrlSourceStatus(URL, Optional.of(NOW), Optional.of(NOW.minusSeconds(60)), Optional.empty());

        CheckResult result = new CrlCheck(holding(crl(NOW.plus(Duration.ofDays(1)))), () -> List.of(recovered), CLOCK).run();

        assertEquals("CRL: OK", result.line());
    }

    @Test
    void runWhenStoredCrlPastNextUpdateThenFailedNamingIssuer() {
        Instant nextUpdate = NOW.minusSeconds(1);

        CheckResult result = new CrlCheck(holding(crl(nextUpdate)), List::of, CLOCK).run();

        assertFalse(result.healthy());
        assertEquals("CRL: FAILED (" + String.format(CrlCheck.OUTDATED, "CN=Test CA,C=DK", nextUpdate) + ")", result.line());
    }

    @Test
    void runWhenLatestDownloadFailedThenFailedNamingUrlAndReason() {
        CrlSourceStatus failing = new CrlSourceStatus(URL, Optional.of(NOW.minusSeconds(3600)), Optional.of(NOW),
                Optional.of("answered HTTP 404"));

        CheckResult result = new CrlCheck(holding(crl(NOW.plus(Duration.ofDays(1)))), () -> List.of(failing), CLOCK).run();

        assertFalse(result.healthy());
        assertEquals("CRL: FAILED (" + String.format(CrlCheck.DOWNLOAD_FAILED, URL, "answered HTTP 404") + ")", result.line());
    }

    @Test
    void runWhenCraDatabaseUnreadableAndADownloadFailedThenBothNamed() {
        CrlStore unreadable = new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return Optional.empty();
            }

            @Override
            public List<StoredCrl> all() {
                throw new IllegalStateException("Communications link failure");
            }

            @Override
            public void store(X509CRL crl, String sourceUrl) {
                throw new UnsupportedOperationException();
            }
        };
        CrlSourceStatus failing = new CrlSourceStatus(URL, Optional.empty(), Optional.of(NOW), Optional.of("cannot connect"));

        CheckResult result = new CrlCheck(unreadable, () -> List.of(failing), CLOCK).run();

        assertEquals("CRL: FAILED (cannot read the CRA database: Communications link failure; the latest download from "
                + URL + " failed: cannot connect)", result.line());
    }

    @Test
    void runWhenTwoKeysOfOneIssuerHaveListsThenCheckstatusListsEachAfterTheLine() {
        CertificateAuthority oldKey = ca.issueIntermediate("CN=Renewed CA, C=DK", NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(300)));
        CertificateAuthority newKey = ca.issueIntermediate("CN=Renewed CA, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(600)));
        Instant thisUpdate = NOW.minusSeconds(60);
        Instant nextUpdate = NOW.plus(Duration.ofDays(1));
        X509CRL old = oldKey.crl(List.of(BigInteger.ONE, BigInteger.TWO), thisUpdate, nextUpdate);
        X509CRL renewed = newKey.crl(List.of(BigInteger.TEN), thisUpdate, nextUpdate);
        CrlStore both = new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return Optional.of(renewed);
            }

            @Override
            public List<StoredCrl> all() {
                return List.of(new StoredCrl(old, URL, NOW), new StoredCrl(renewed, "http://crl.example/renewed.crl", NOW));
            }

            @Override
            public void store(X509CRL crl, String sourceUrl) {
                throw new UnsupportedOperationException();
            }
        };

        CheckResult result = new CrlCheck(both, List::of, CLOCK).run();

        assertEquals("CRL: OK", result.line());
        assertEquals(List.of("CRL: OK",
                String.format(CrlCheck.LIST, "CN=Renewed CA,C=DK", KeyIdentifiers.authorityKeyId(old).orElseThrow(), 2, thisUpdate,
                        nextUpdate, URL),
                String.format(CrlCheck.LIST, "CN=Renewed CA,C=DK", KeyIdentifiers.authorityKeyId(renewed).orElseThrow(), 1,
                        thisUpdate, nextUpdate, "http://crl.example/renewed.crl")),
                result.checkStatusLines());
    }
}

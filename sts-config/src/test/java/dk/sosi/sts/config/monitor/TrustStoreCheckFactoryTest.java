package dk.sosi.sts.config.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.RevocationChecker;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nboTrustStoreCheck and jwtTrustStoreCheck as services.xml declares them, and certificateExpiryWarning. */
class TrustStoreCheckFactoryTest {

    private static final CertificateStatusPolicy POLICY = new CertificateStatusPolicy(
            new RevocationChecker(new EmptyCrlStore()), Clock.systemUTC(), CertificateStatusPolicy.DEFAULT_WARNING);

    @Test
    void getObjectWhenKeystoreReadThenEveryAliasListedAndIgnoredOnesIgnored(@TempDir Path folder) {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=Trust Store Test CA, C=DK", now.minus(Duration.ofDays(9)),
                now.plus(Duration.ofDays(900)), KeyPairSource.recycling(1));
        X509Certificate idp = ca.issue(CertificateRequest.builder("CN=IdP + SERIALNUMBER=CVR:1-FID:1, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))).build()).certificate();
        X509Certificate expired = ca.issue(CertificateRequest.builder("CN=Old + SERIALNUMBER=CVR:1-FID:2, C=DK",
                now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1))).build()).certificate();
        Path file = folder.resolve("test-jwt-idp-trust.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("demo-jwt-idp", idp, "expired", expired), "Test1234".toCharArray());

        TrustStoreCheckFactory factory = factory(file.toString());
        factory.setIgnoredAliases(List.of("expired"));

        assertEquals(List.of("JWTTrustStore/demo-jwt-idp OK", "JWTTrustStore/expired Ignored"),
                factory.getObject().certificates().entries().stream().map(e -> e.location() + " " + e.status().text()).toList());
    }

    @Test
    void getObjectWhenKeystoreMissingThenStartupFailsNamingTheFileAndStore(@TempDir Path folder) {
        String missing = folder.resolve("no-such.jks").toString();

        StartupException e = assertThrows(StartupException.class, () -> factory(missing).getObject());

        assertTrue(e.getMessage().startsWith("Cannot read the JWTTrustStore keystore " + missing), e.getMessage());
    }

    @Test
    void getObjectWhenWarningDaysNegativeThenStartupFailsNamingTheBean() {
        CertificateExpiryWarning warning = new CertificateExpiryWarning(new RevocationChecker(new EmptyCrlStore()), Clock.systemUTC());
        warning.setWarningDays(-1);

        StartupException e = assertThrows(StartupException.class, warning::getObject);

        assertEquals("Bean 'certificateExpiryWarning': warningDays must be 0 or more, was -1", e.getMessage());
    }

    private static TrustStoreCheckFactory factory(String keystoreFile) {
        TrustStoreCheckFactory factory = new TrustStoreCheckFactory();
        factory.setLabel("JWTTrustStore");
        factory.setKeystoreFile(keystoreFile);
        factory.setKeystorePassword("Test1234");
        factory.setCertificateExpiryWarning(POLICY);
        return factory;
    }

    /** A CRA store without lists: nothing is revoked. */
    private static final class EmptyCrlStore implements CrlStore {
        @Override
        public Optional<X509CRL> forIssuer(X500Principal issuer) {
            return Optional.empty();
        }

        @Override
        public List<StoredCrl> all() {
            return List.of();
        }

        @Override
        public void store(X509CRL crl, String sourceUrl) {
            throw new UnsupportedOperationException();
        }
    }
}

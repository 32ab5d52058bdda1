package dk.sosi.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.trust.TrustStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every keystore file read once and shared, and the STS's previous key after a rollover. */
class TrustStoresTest {

    private static final char[] PASSWORD = "Test1234".toCharArray();
    private static IssuedCredential current;
    private static IssuedCredential previous;

    @BeforeAll
    static void keys() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=Trust Stores Test CA, C=DK", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(900)), KeyPairSource.recycling(1));
        current = ca.issue(CertificateRequest.builder("CN=STS 2026, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))).build());
        previous = ca.issue(CertificateRequest.builder("CN=STS 2025, C=DK", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30))).build());
    }

    @Test
    void loadWhenTheSameFileAskedForTwiceThenOneStoreSharedByBoth(@TempDir Path folder) {
        Path file = folder.resolve("federation-trust.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", current.certificate()), PASSWORD);
        TrustStores stores = new TrustStores();

        TrustStore forTheSigner = stores.load(file.toString(), "Test1234", "federation trust store");
        TrustStore forTheCrlFetcher = stores.load(folder.resolve(".").resolve("federation-trust.jks").toString(), "Test1234",
                "CRL trust store");

        assertSame(forTheSigner, forTheCrlFetcher);
        assertEquals(Map.of("root", current.certificate()), forTheSigner.certificates());
        assertEquals("federation-trust.jks", forTheSigner.name());
    }

    @Test
    void loadWhenFileMissingOrEmptyThenStartupFailsNamingFileAndPurpose(@TempDir Path folder) {
        Path empty = folder.resolve("empty.jks");
        KeystoreFiles.writeTrustStore(empty, KeystoreFiles.JKS, Map.of(), PASSWORD);
        TrustStores stores = new TrustStores();

        StartupException missing = assertThrows(StartupException.class,
                () -> stores.load(folder.resolve("no-such.jks").toString(), "Test1234", "NBOTrustStore"));
        StartupException none = assertThrows(StartupException.class, () -> stores.load(empty.toString(), "Test1234", "NBOTrustStore"));

        assertTrue(missing.getMessage().startsWith("Cannot read the NBOTrustStore keystore " + folder.resolve("no-such.jks")),
                missing.getMessage());
        assertEquals("The NBOTrustStore keystore " + empty + " holds no certificates", none.getMessage());
    }

    @Test
    void keystoreCredentialWhenPreviousKeyAliasSetThenItsCertificateIsTrustedAndListed(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current, "sts-2025", previous), PASSWORD);
        KeystoreCredential bean = new KeystoreCredential();
        bean.setKeystoreFile(file.toString());
        bean.setKeystorePassword("Test1234");
        bean.setPreviousKeyAlias("sts-2025");

        StsCredential credential = bean.getObject();

        assertEquals(current.certificate(), credential.certificate());
        assertEquals(List.of(previous.certificate()), credential.previousCertificates());
        assertEquals(Map.of("sts", current.certificate(), "sts-2025", previous.certificate()), bean.certificatesByAlias(credential));
    }

    @Test
    void keystoreCredentialWhenPreviousKeyAliasNotInTheKeystoreThenStartupFailsNamingIt(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current), PASSWORD);
        KeystoreCredential bean = new KeystoreCredential();
        bean.setKeystoreFile(file.toString());
        bean.setKeystorePassword("Test1234");
        bean.setPreviousKeyAlias("sts-2024");

        StartupException e = assertThrows(StartupException.class, bean::getObject);

        assertEquals("Keystore " + file + " has no certificate under previousKeyAlias sts-2024", e.getMessage());
    }
}

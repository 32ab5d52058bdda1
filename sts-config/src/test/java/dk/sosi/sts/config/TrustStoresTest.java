package dk.sosi.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.Severity;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/** Every keystore file read once, shared and read again when it changes; the STS's previous and next keys. */
class TrustStoresTest {

    private static final char[] PASSWORD = "Test1234".toCharArray();
    private static IssuedCredential current;
    private static IssuedCredential previous;
    private static IssuedCredential next;
    private static X509Certificate root;

    @BeforeAll
    static void keys() {
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=Trust Stores Test CA, C=DK", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(900)), KeyPairSource.recycling(1));
        root = ca.certificate();
        current = ca.issue(CertificateRequest.builder("CN=STS 2026, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))).build());
        previous = ca.issue(CertificateRequest.builder("CN=STS 2025, C=DK", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30))).build());
        next = ca.issue(CertificateRequest.builder("CN=STS 2027, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(600))).build());
    }

    @Test
    void loadWhenTheSameFileAskedForTwiceThenOneStoreSharedByBoth(@TempDir Path folder) {
        Path file = folder.resolve("federation-trust.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", current.certificate()), PASSWORD);
        TrustStores stores = new TrustStores();

        ReloadingFile<TrustStore> forTheSigner = stores.load(file.toString(), "Test1234", "federation trust store");
        ReloadingFile<TrustStore> forTheCrlFetcher = stores.load(folder.resolve(".").resolve("federation-trust.jks").toString(), "Test1234",
                "CRL trust store");

        assertSame(forTheSigner, forTheCrlFetcher);
        assertEquals(Map.of("root", current.certificate()), forTheSigner.get().certificates());
        assertEquals("federation-trust.jks", forTheSigner.get().name());
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

        StsCredential credential = bean.getObject().current();

        assertEquals(current.certificate(), credential.certificate());
        assertEquals(List.of(previous.certificate()), credential.previousCertificates());
        assertEquals(Map.of("sts", current.certificate(), "sts-2025", previous.certificate()), bean.certificatesByAlias());
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

    @Test
    void refreshWhenTrustStoreReplacedThenNewCertificatesUsedByTheSameHolder(@TempDir Path folder) {
        Path file = folder.resolve("nbo.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("idp", current.certificate()), PASSWORD);
        TrustStores stores = new TrustStores();
        ReloadingFile<TrustStore> store = stores.load(file.toString(), "Test1234", "NBOTrustStore");

        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("idp", current.certificate(), "idp-2027", next.certificate()),
                PASSWORD);
        stores.refresh();

        assertEquals(Map.of("idp", current.certificate(), "idp-2027", next.certificate()), store.get().certificates());
        assertEquals(Severity.OK, stores.check().run().severity());
    }

    @Test
    void refreshWhenTrustStoreCorruptThenLastGoodKeptAndCheckNamesFileUntilMended(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("nbo.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("idp", current.certificate()), PASSWORD);
        TrustStores stores = new TrustStores();
        ReloadingFile<TrustStore> store = stores.load(file.toString(), "Test1234", "NBOTrustStore");

        Files.write(file, "not a keystore".getBytes(StandardCharsets.US_ASCII));
        stores.refresh();
        CheckResult corrupt = stores.check().run();

        assertEquals(Map.of("idp", current.certificate()), store.get().certificates());
        assertEquals(Severity.WARNING, corrupt.severity());
        assertTrue(corrupt.status().startsWith("NBOTrustStore " + file + " cannot be reloaded since "), corrupt.status());
        assertTrue(corrupt.status().contains("Cannot read the NBOTrustStore keystore " + file), corrupt.status());

        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("idp-2027", next.certificate()), PASSWORD);
        stores.refresh();

        assertEquals(Map.of("idp-2027", next.certificate()), store.get().certificates());
        assertEquals(Severity.OK, stores.check().run().severity());
    }

    @Test
    void loadWhenFederationStoreLosesItsRootThenReadingRefusedAndRootKept(@TempDir Path folder) {
        Path file = folder.resolve("federation.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", root), PASSWORD);
        TrustStores stores = new TrustStores();
        ReloadingFile<TrustStore> store = stores.load(file.toString(), "Test1234", "federation trust store",
                FederationTrust::requireRoot);

        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("sts", current.certificate()), PASSWORD);
        stores.refresh();

        assertEquals(Map.of("root", root), store.get().certificates());
        assertTrue(stores.check().run().status().contains("holds no root (self-signed) certificate"), stores.check().run().status());
    }

    @Test
    void loadWhenAnotherUserLoadedTheFederationStoreFirstThenItsRootIsStillRequired(@TempDir Path folder) {
        Path file = folder.resolve("federation.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", root), PASSWORD);
        TrustStores stores = new TrustStores();
        ReloadingFile<TrustStore> forCrls = stores.load(file.toString(), "Test1234", "CRL trust store");
        stores.load(file.toString(), "Test1234", "federation trust store", FederationTrust::requireRoot);

        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("sts", current.certificate()), PASSWORD);
        stores.refresh();

        assertEquals(Map.of("root", root), forCrls.get().certificates());
    }

    @Test
    void keystoreCredentialWhenNextKeyFromPassedThenSignsWithNextAndTrustsBoth(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current, "sts-2027", next), PASSWORD);
        Instant rollover = Instant.parse("2027-03-01T02:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(rollover.minusSeconds(1));
        KeystoreCredential bean = credential(file, new TrustStores(), now);
        bean.setNextKeyAlias("sts-2027");
        bean.setNextKeyFrom(rollover.toString());
        StsKeys keys = bean.getObject();

        StsCredential before = keys.current();
        now.set(rollover);
        StsCredential after = keys.current();

        assertEquals(current.certificate(), before.certificate());
        assertEquals(next.certificate(), after.certificate());
        assertEquals(next.privateKey(), after.privateKey());
        assertEquals(Set.of(current.certificate(), next.certificate()), before.trustedOwnCertificates());
        assertEquals(Set.of(current.certificate(), next.certificate()), after.trustedOwnCertificates());
        assertEquals(Map.of("sts", current.certificate(), "sts-2027", next.certificate()), bean.certificatesByAlias());
    }

    @Test
    void keystoreCredentialWhenNextKeyAliasWithoutInstantThenStartupFailsSayingWhatToSet(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current, "sts-2027", next), PASSWORD);
        KeystoreCredential bean = credential(file, new TrustStores(), new AtomicReference<>(Instant.now()));
        bean.setNextKeyAlias("sts-2027");

        StartupException e = assertThrows(StartupException.class, bean::getObject);

        assertEquals("Bean 'stsCredential' has nextKeyAlias sts-2027 but no nextKeyFrom: set the instant to sign with it from, "
                + "such as 2027-03-01T02:00:00Z", e.getMessage());
    }

    @Test
    void keystoreCredentialWhenKeystoreReplacedThenNewKeySignsAndPreviousStaysTrusted(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current, "sts-2026", current), PASSWORD);
        TrustStores stores = new TrustStores();
        KeystoreCredential bean = credential(file, stores, new AtomicReference<>(Instant.now()));
        bean.setKeyAlias("sts");
        bean.setPreviousKeyAlias("sts-2026");
        StsKeys keys = bean.getObject();

        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", next, "sts-2026", current), PASSWORD);
        stores.refresh();

        assertEquals(next.certificate(), keys.current().certificate());
        assertTrue(keys.current().trustedOwnCertificates().contains(current.certificate()));
        assertEquals(Map.of("sts", next.certificate(), "sts-2026", current.certificate()), bean.certificatesByAlias());
    }

    @Test
    void keystoreCredentialWhenReloadedFileLacksTheKeyThenLastGoodKeysSign(@TempDir Path folder) {
        Path file = folder.resolve("teststs-1.keystore");
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", current), PASSWORD);
        TrustStores stores = new TrustStores();
        KeystoreCredential bean = credential(file, stores, new AtomicReference<>(Instant.now()));
        bean.setKeyAlias("sts");
        StsKeys keys = bean.getObject();

        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("other", next), PASSWORD);
        stores.refresh();

        assertEquals(current.certificate(), keys.current().certificate());
        CheckResult result = stores.check().run();
        assertEquals(Severity.WARNING, result.severity());
        assertTrue(result.status().startsWith("stsCredential " + file + " cannot be reloaded since "), result.status());
        assertTrue(result.status().contains("has no private key under keyAlias sts"), result.status());
    }

    /** The bean as a running STS makes it: watched by {@code stores}, on a clock the test sets. */
    private static KeystoreCredential credential(Path file, TrustStores stores, AtomicReference<Instant> now) {
        KeystoreCredential bean = new KeystoreCredential();
        bean.setKeystoreFile(file.toString());
        bean.setKeystorePassword("Test1234");
        GenericApplicationContext beans = new GenericApplicationContext();
        beans.registerBean(BeanNames.TRUST_STORES, TrustStores.class, () -> stores);
        beans.registerBean(BeanNames.CLOCK, Clock.class, () -> new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        beans.refresh();
        bean.setBeanFactory(beans);
        return bean;
    }
}

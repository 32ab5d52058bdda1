package dk.sosi.sts.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.TestPkix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConfigurationFolderTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final char[] PASSWORD = "Test1234".toCharArray();
    private static final String STS_DN = "CN=SOSI Test Federation (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:18911861, O=SOSI-STS demo // CVR:33257872, C=DK";
    private static final Set<DemoClient> TRUSTED_VALID_CLIENTS = EnumSet.of(DemoClient.SYSTEM_FOCES, DemoClient.SYSTEM_VOCES,
            DemoClient.EMPLOYEE_MOCES, DemoClient.SYSTEM_FOCES3, DemoClient.EMPLOYEE_MOCES3);

    /** Generated once with fresh keys, as the demo launcher does; tests that change a folder copy it first. */
    @TempDir
    static Path temporary;
    private static DemoConfiguration demo;
    private static X509Certificate root;
    private static X509Certificate issuingCa;

    @BeforeAll
    static void generate() throws Exception {
        demo = DemoConfigurationFolder.ensure(temporary.resolve("sts"), CLOCK);
        KeyStore federation = KeyStore.getInstance(demo.federationTrustStore().toFile(), PASSWORD);
        root = (X509Certificate) federation.getCertificate(DemoConfiguration.ROOT_CA_ALIAS);
        issuingCa = (X509Certificate) federation.getCertificate(DemoConfiguration.ISSUING_CA_ALIAS);
    }

    @Test
    void ensureWhenFolderFreshThenWritesEveryFileAndNothingHalfDone() throws Exception {
        List<String> expected = List.of("teststs-1.keystore", "test-new-nemLogin-idp.keystore",
                "test-jwt-idp-trust.jks", "nsp-test-rid.jks", "testtdc.keystore", "federation-trust.jks",
                "idp/demo-nemlogin-idp.p12", "idp/demo-jwt-idp.p12",
                "clients/demo-system-foces.p12", "clients/demo-system-voces.p12", "clients/demo-employee-moces.p12",
                "clients/demo-system-foces3.p12", "clients/demo-employee-moces3.p12",
                "clients/demo-employee-moces-expired.p12", "clients/demo-employee-moces-revoked.p12",
                "clients/demo-untrusted-foces.p12", "crl/issuing-ca-1.crl", "crl/root-ca.crl",
                "ca/demo-root-ca.p12", "ca/demo-issuing-ca-1.p12", "demo-pki.properties", "README.txt");

        for (String name : expected) {
            assertTrue(Files.size(demo.folder().resolve(name)) > 0, name);
        }
        try (Stream<Path> files = Files.walk(demo.folder())) {
            List<String> leftovers = files.map(Path::toString)
                    .filter(name -> name.endsWith(".tmp") || name.endsWith(DemoConfigurationFolder.IN_PROGRESS_MARKER))
                    .toList();
            assertEquals(List.of(), leftovers);
        }
        assertEquals(demo.folder().resolve("teststs-1.keystore"), demo.stsKeystore());
        assertEquals(demo.folder().resolve("clients/demo-employee-moces.p12"),
                demo.clientCredential(DemoClient.EMPLOYEE_MOCES));
        assertEquals(NOW, demo.createdAt());
        assertEquals("Test1234", demo.password());
        assertEquals("http://127.0.0.1:8080/sts/demo-crl/issuing-ca-1.crl", demo.crlUrl().toString());
    }

    @Test
    void ensureWhenFolderFreshThenKeystoresHoldTheExpectedEntries() throws Exception {
        assertEntries(demo.stsKeystore(), "JKS", Map.of("sts", true));
        assertEntries(demo.backendClientKeystore(), "JKS", Map.of("nsp-test-rid", true));
        assertEntries(demo.nemLoginIdpTrustStore(), "JKS", Map.of("demo_nemlogin_idp", false));
        assertEntries(demo.jwtIdpTrustStore(), "JKS", Map.of("demo-jwt-idp", false));
        assertEntries(demo.digstTrustStore(), "JKS", Map.of("demo-root-ca", false));
        assertEntries(demo.federationTrustStore(), "JKS", Map.of("demo-root-ca", false, "demo-issuing-ca-1", false));
        assertEntries(demo.nemLoginIdpCredential(), "PKCS12", Map.of("demo_nemlogin_idp", true));
        assertEntries(demo.jwtIdpCredential(), "PKCS12", Map.of("demo-jwt-idp", true));
        for (DemoClient client : DemoClient.values()) {
            assertEntries(demo.clientCredential(client), "PKCS12", Map.of("client", true));
        }
        assertEquals(root, KeyStore.getInstance(demo.digstTrustStore().toFile(), PASSWORD).getCertificate("demo-root-ca"));
        assertEquals(demo.loadJwtIdpCredential().certificate(),
                KeyStore.getInstance(demo.jwtIdpTrustStore().toFile(), PASSWORD).getCertificate("demo-jwt-idp"));
        assertEquals(demo.loadNemLoginIdpCredential().certificate(),
                KeyStore.getInstance(demo.nemLoginIdpTrustStore().toFile(), PASSWORD).getCertificate("demo_nemlogin_idp"));
    }

    @Test
    void ensureWhenFolderFreshThenStsCredentialIsTheFederationFunctionCertificate() throws Exception {
        IssuedCredential sts = demo.loadStsCredential();

        assertEquals(new X500Principal(STS_DN), sts.certificate().getSubjectX500Principal());
        assertEquals("CVR:33257872-FID:18911861", CertificateNames.subjectSerialNumber(sts.certificate()));
        assertEquals(List.of(sts.certificate(), issuingCa, root), sts.chain());
        assertEquals(Date.from(NOW.minus(Duration.ofDays(1))), sts.certificate().getNotBefore());
        assertEquals(Date.from(NOW.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC).plusYears(3).toInstant()),
                sts.certificate().getNotAfter());
        assertTrue(sts.certificate().getKeyUsage()[0], "digitalSignature");
        TestPkix.validate(sts.chain(), root, NOW);
    }

    @Test
    void ensureWhenFolderFreshThenCasHaveTheDemoNamesAndValidity() {
        assertEquals(new X500Principal("CN=SOSI Demo Root CA, O=SOSI-STS demo, C=DK"), root.getSubjectX500Principal());
        assertEquals(new X500Principal("CN=SOSI Demo Issuing CA 1, O=SOSI-STS demo, C=DK"),
                issuingCa.getSubjectX500Principal());
        Instant notBefore = NOW.minus(Duration.ofDays(1));
        assertEquals(Date.from(notBefore.atOffset(ZoneOffset.UTC).plusYears(20).toInstant()), root.getNotAfter());
        assertEquals(Date.from(notBefore.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()), issuingCa.getNotAfter());
        assertEquals(0, issuingCa.getBasicConstraints());
    }

    @Test
    void ensureWhenFolderFreshThenTrustedCredentialsValidateAgainstTheFederationRoot() {
        Set<DemoClient> trusted = EnumSet.copyOf(TRUSTED_VALID_CLIENTS);
        trusted.add(DemoClient.EMPLOYEE_MOCES_REVOKED);
        for (DemoClient client : trusted) {
            IssuedCredential credential = demo.loadClientCredential(client);
            assertEquals(new X500Principal(client.subjectDn()), credential.certificate().getSubjectX500Principal());
            assertDoesNotThrow(() -> TestPkix.validate(credential.chain(), root, NOW), client.name());
        }
        for (IssuedCredential credential : List.of(demo.loadBackendClientCredential(),
                demo.loadNemLoginIdpCredential(), demo.loadJwtIdpCredential())) {
            assertDoesNotThrow(() -> TestPkix.validate(credential.chain(), root, NOW), credential.toString());
        }
    }

    @Test
    void ensureWhenFolderFreshThenOces3ClientsHaveUuidSerialsAndTheirOrganisationInOrganizationIdentifier() {
        X509Certificate system = demo.loadClientCredential(DemoClient.SYSTEM_FOCES3).certificate();
        X509Certificate employee = demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES3).certificate();

        assertTrue(CertificateNames.subjectSerialNumber(system).matches("UI:DK-O:G:[0-9a-f-]{36}"));
        assertTrue(CertificateNames.subjectSerialNumber(employee).matches("UI:DK-E:G:[0-9a-f-]{36}"));
        assertEquals(Optional.of("NTRDK-20921897"), CertificateNames.organizationIdentifier(system));
        assertEquals(Optional.of("NTRDK-20921897"), CertificateNames.organizationIdentifier(employee));
    }

    @Test
    void ensureWhenFolderFromBeforeOces3ClientsThenIssuesThemAndKeepsEverythingElse() throws Exception {
        Path copy = copyOf(demo.folder(), "before-oces3");
        Path properties = copy.resolve(DemoConfiguration.PROPERTIES_FILE);
        Files.writeString(properties, Files.readString(properties, StandardCharsets.ISO_8859_1).lines()
                .filter(line -> !line.startsWith("client.demo-system-foces3.") && !line.startsWith("client.demo-employee-moces3."))
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.ISO_8859_1);
        Files.delete(copy.resolve("clients/demo-system-foces3.p12"));
        Files.delete(copy.resolve("clients/demo-employee-moces3.p12"));
        Map<String, String> before = snapshot(copy);
        before.remove(DemoConfiguration.PROPERTIES_FILE);

        DemoConfiguration reused = DemoConfigurationFolder.ensure(copy, CLOCK);

        for (DemoClient client : EnumSet.of(DemoClient.SYSTEM_FOCES3, DemoClient.EMPLOYEE_MOCES3)) {
            IssuedCredential credential = reused.loadClientCredential(client);
            assertEquals(new X500Principal(client.subjectDn()), credential.certificate().getSubjectX500Principal());
            assertDoesNotThrow(() -> TestPkix.validate(credential.chain(), root, NOW), client.name());
        }
        Properties listed = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            listed.load(in);
        }
        assertEquals("clients/demo-employee-moces3.p12", listed.getProperty("client.demo-employee-moces3.file"));
        assertEquals(NOW.toString(), listed.getProperty("created"));
        Map<String, String> after = snapshot(copy);
        List<String> added = List.of("clients/demo-system-foces3.p12", "clients/demo-employee-moces3.p12",
                DemoConfiguration.PROPERTIES_FILE);
        after.keySet().removeAll(added);
        assertEquals(before, after);
    }

    @Test
    void ensureWhenFolderFreshThenUntrustedClientFailsWithNoTrustAnchor() {
        IssuedCredential untrusted = demo.loadClientCredential(DemoClient.UNTRUSTED_FOCES);

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> TestPkix.validate(untrusted.chain(), root, NOW));
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, failure.getReason());
        assertEquals(2, untrusted.chain().size());
    }

    @Test
    void ensureWhenFolderFreshThenExpiredClientEndedYesterdayAndFailsAsExpired() {
        IssuedCredential expired = demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES_EXPIRED);

        assertEquals(Date.from(NOW.minus(Duration.ofDays(1))), expired.certificate().getNotAfter());
        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> TestPkix.validate(expired.chain(), root, NOW));
        assertEquals(BasicReason.EXPIRED, failure.getReason());
    }

    @Test
    void ensureWhenFolderFreshThenRevokedClientFailsRevocationCheckWithTheFolderCrls() throws Exception {
        List<X509CRL> crls = List.of(readCrl(demo.issuingCaCrl()), readCrl(demo.rootCaCrl()));

        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class, () -> TestPkix.validate(
                demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES_REVOKED).chain(), root, NOW, crls));
        assertEquals(BasicReason.REVOKED, failure.getReason());
        for (DemoClient client : TRUSTED_VALID_CLIENTS) {
            TestPkix.validate(demo.loadClientCredential(client).chain(), root, NOW, crls);
        }
    }

    @Test
    void ensureWhenFolderFreshThenIssuingCaCrlListsOnlyTheRevokedEmployeeForSevenDays() throws Exception {
        X509CRL issuingCrl = readCrl(demo.issuingCaCrl());
        X509CRL rootCrl = readCrl(demo.rootCaCrl());

        issuingCrl.verify(issuingCa.getPublicKey());
        rootCrl.verify(root.getPublicKey());
        assertEquals(Date.from(NOW), issuingCrl.getThisUpdate());
        assertEquals(Date.from(NOW.plus(Duration.ofDays(7))), issuingCrl.getNextUpdate());
        assertEquals(1, issuingCrl.getRevokedCertificates().size());
        assertTrue(issuingCrl.isRevoked(demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES_REVOKED).certificate()));
        for (DemoClient client : TRUSTED_VALID_CLIENTS) {
            assertFalse(issuingCrl.isRevoked(demo.loadClientCredential(client).certificate()), client.name());
        }
        assertFalse(issuingCrl.isRevoked(demo.loadStsCredential().certificate()));
        assertNull(rootCrl.getRevokedCertificates(), "the root CRL lists nothing");
    }

    @Test
    void ensureWhenFolderFreshThenEveryTrustedLeafPointsToTheIssuingCaCrl() {
        List<X509Certificate> leaves = new ArrayList<>(List.of(demo.loadStsCredential().certificate(),
                demo.loadBackendClientCredential().certificate(), demo.loadNemLoginIdpCredential().certificate(),
                demo.loadJwtIdpCredential().certificate()));
        EnumSet.complementOf(EnumSet.of(DemoClient.UNTRUSTED_FOCES))
                .forEach(client -> leaves.add(demo.loadClientCredential(client).certificate()));

        for (X509Certificate leaf : leaves) {
            assertEquals(List.of(DemoConfiguration.ISSUING_CA_CRL_URL),
                    TestPkix.crlDistributionPoints(leaf), leaf.getSubjectX500Principal().toString());
        }
        assertEquals(List.of(DemoConfiguration.ROOT_CA_CRL_URL), TestPkix.crlDistributionPoints(issuingCa));
    }

    @Test
    void ensureWhenFolderFreshThenPropertiesDescribeWhatWasGenerated() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(demo.propertiesFile())) {
            properties.load(in);
        }

        assertEquals(NOW.toString(), properties.getProperty("created"));
        assertEquals("Test1234", properties.getProperty("password"));
        assertEquals(DemoConfiguration.ISSUING_CA_CRL_URL, properties.getProperty("crl.url"));
        assertEquals("teststs-1.keystore", properties.getProperty("sts.file"));
        assertEquals("sts", properties.getProperty("sts.alias"));
        assertEquals("CVR:33257872-FID:18911861", properties.getProperty("sts.subjectSerialNumber"));
        assertEquals("demo-jwt-idp", properties.getProperty("jwt.kid"));
        assertEquals(CertificateNames.subjectSerialNumber(demo.loadNemLoginIdpCredential().certificate()),
                properties.getProperty("nemlogin.subjectSerialNumber"));
        assertTrue(properties.getProperty("nemlogin.subjectSerialNumber").matches("UI:DK-O:G:[0-9a-f-]{36}"));
        assertEquals("clients/demo-employee-moces-revoked.p12",
                properties.getProperty("client.demo-employee-moces-revoked.file"));
        assertEquals("CVR:20921897-RID:46283716",
                properties.getProperty("client.demo-employee-moces.subjectSerialNumber"));
        assertEquals(new X500Principal(DemoClient.EMPLOYEE_MOCES.subjectDn()),
                new X500Principal(properties.getProperty("client.demo-employee-moces.subject")));
        String readme = Files.readString(demo.folder().resolve(DemoConfiguration.README_FILE), StandardCharsets.UTF_8);
        assertTrue(readme.contains("teststs-1.keystore") && readme.contains(DemoConfiguration.ISSUING_CA_CRL_URL));
    }

    @Test
    void ensureWhenFolderAlreadyGeneratedThenReusesItUnchangedWithinTwoSeconds() throws Exception {
        Map<String, String> before = snapshot(demo.folder());

        long started = System.nanoTime();
        DemoConfiguration reused = DemoConfigurationFolder.ensure(demo.folder(), CLOCK);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(elapsed.compareTo(Duration.ofSeconds(2)) < 0, "reuse took " + elapsed);
        assertEquals(demo, reused);
        assertEquals(before, snapshot(demo.folder()));
    }

    @Test
    void ensureWhenCrlAboutToExpireThenReSignsOnlyTheCrls() throws Exception {
        Path copy = copyOf(demo.folder(), "stale-crl");
        Map<String, String> before = snapshot(copy);
        X509Certificate revoked = demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES_REVOKED).certificate();
        Date revokedAt = readCrl(demo.issuingCaCrl()).getRevokedCertificate(revoked).getRevocationDate();
        Instant later = NOW.plus(Duration.ofDays(6)).plus(Duration.ofHours(12));

        DemoConfiguration refreshed = DemoConfigurationFolder.ensure(copy, Clock.fixed(later, ZoneOffset.UTC));

        X509CRL crl = readCrl(refreshed.issuingCaCrl());
        crl.verify(issuingCa.getPublicKey());
        assertEquals(Date.from(later), crl.getThisUpdate());
        assertEquals(Date.from(later.plus(Duration.ofDays(7))), crl.getNextUpdate());
        assertEquals(revokedAt, crl.getRevokedCertificate(revoked).getRevocationDate(), "revocation date kept");
        assertEquals(Date.from(later), readCrl(refreshed.rootCaCrl()).getThisUpdate());
        Map<String, String> after = snapshot(copy);
        assertNotEquals(before.get("crl/issuing-ca-1.crl"), after.get("crl/issuing-ca-1.crl"));
        before.keySet().removeIf(name -> name.startsWith("crl/"));
        after.keySet().removeIf(name -> name.startsWith("crl/"));
        assertEquals(before, after);
    }

    @Test
    void ensureWhenGenerationWasInterruptedThenGeneratesTheFolderAgain() throws Exception {
        Path folder = temporary.resolve("interrupted");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("crl"), "a file where the crl folder should go, so generation stops there");
        KeyPairSource keys = KeyPairSource.recycling(3);

        assertThrows(UncheckedIOException.class, () -> DemoConfigurationFolder.ensure(folder, CLOCK, keys));
        assertTrue(Files.exists(folder.resolve(DemoConfiguration.STS_KEYSTORE)), "keystores were written before the crash");
        assertFalse(Files.exists(folder.resolve(DemoConfiguration.PROPERTIES_FILE)));
        X509Certificate stsBefore = IssuedCredential.read(
                folder.resolve(DemoConfiguration.STS_KEYSTORE), "sts", PASSWORD).certificate();
        Files.delete(folder.resolve("crl"));

        DemoConfiguration regenerated = DemoConfigurationFolder.ensure(folder, CLOCK, keys);

        assertTrue(Files.exists(regenerated.propertiesFile()));
        assertTrue(Files.exists(regenerated.issuingCaCrl()));
        assertFalse(Files.exists(folder.resolve(DemoConfigurationFolder.IN_PROGRESS_MARKER)));
        assertNotEquals(stsBefore.getSerialNumber(), regenerated.loadStsCredential().certificate().getSerialNumber());
    }

    @Test
    void ensureWhenFolderHoldsKeystoresItDidNotMakeThenRefusesAndLeavesThemAlone() throws Exception {
        Path folder = temporary.resolve("foreign");
        Files.createDirectories(folder);
        byte[] theirs = "somebody's real keystore".getBytes(StandardCharsets.US_ASCII);
        Files.write(folder.resolve(DemoConfiguration.STS_KEYSTORE), theirs);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> DemoConfigurationFolder.ensure(folder, CLOCK, KeyPairSource.recycling(1)));

        assertTrue(failure.getMessage().contains("teststs-1.keystore"), failure.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(folder.resolve(DemoConfiguration.STS_KEYSTORE)));
        assertFalse(Files.exists(folder.resolve(DemoConfiguration.PROPERTIES_FILE)));
    }

    @Test
    void ensureWhenGeneratedFileWasDeletedThenFailsNamingIt() throws Exception {
        Path copy = copyOf(demo.folder(), "lost-file");
        Files.delete(copy.resolve("clients/demo-system-foces.p12"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> DemoConfigurationFolder.ensure(copy, CLOCK));

        assertTrue(failure.getMessage().contains("clients/demo-system-foces.p12"), failure.getMessage());
    }

    @Test
    void loadIssuingCaWhenIssuingAnotherCertificateThenItIsTrustedByTheFederation() throws Exception {
        CertificateAuthority ca = demo.loadIssuingCa(KeyPairSource.recycling(1));

        IssuedCredential extra = ca.issue(CertificateRequest.builder(
                "CN=Ekstra Testperson + SERIALNUMBER=CVR:20921897-RID:11112222, O=Demo Lægehus // CVR:20921897, C=DK",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1))).build());

        assertEquals(issuingCa, ca.certificate());
        TestPkix.validate(extra.chain(), root, NOW);
    }

    private static void assertEntries(Path file, String type, Map<String, Boolean> keyEntryByAlias) throws Exception {
        KeyStore keyStore = KeyStore.getInstance(file.toFile(), PASSWORD);
        assertEquals(type, keyStore.getType(), file.toString());
        assertEquals(keyEntryByAlias.keySet(), Set.copyOf(Collections.list(keyStore.aliases())), file.toString());
        for (Map.Entry<String, Boolean> entry : keyEntryByAlias.entrySet()) {
            assertEquals(entry.getValue(), keyStore.isKeyEntry(entry.getKey()), file + " " + entry.getKey());
        }
    }

    private static X509CRL readCrl(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    /** Relative path → content hash and modification time of every file. */
    private static Map<String, String> snapshot(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    file -> folder.relativize(file).toString().replace('\\', '/'),
                    file -> {
                        try {
                            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                            return HexFormat.of().formatHex(digest) + "@" + Files.getLastModifiedTime(file).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static Path copyOf(Path folder, String name) throws Exception {
        Path copy = temporary.resolve(name);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(folder.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }
}

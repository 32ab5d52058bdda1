package dk.sosi.sts.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreFilesTest {

    private static final char[] PASSWORD = "Test1234".toCharArray();
    private static final Instant NOW = Instant.now();

    private static CertificateAuthority root;
    private static CertificateAuthority intermediate;
    private static IssuedCredential leaf;

    @TempDir
    Path folder;

    @BeforeAll
    static void createCredentials() {
        KeyPairSource keys = KeyPairSource.recycling(2);
        root = CertificateAuthority.createRoot("CN=Keystore Root, C=DK", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), keys);
        intermediate = root.issueIntermediate("CN=Keystore Issuing CA, C=DK", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)));
        leaf = intermediate.issue(CertificateRequest.builder(
                "CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo Lægehus // CVR:20921897, C=DK",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1))).build());
    }

    @Test
    void writeTrustStoreWhenJksThenReloadsAsJksWithTrustedEntriesUnderTheAliases() throws Exception {
        Path file = folder.resolve("federation-trust.jks");

        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS,
                Map.of("demo-root-ca", root.certificate(), "demo-issuing-ca-1", intermediate.certificate()), PASSWORD);

        KeyStore reloaded = KeyStore.getInstance(file.toFile(), PASSWORD);
        assertEquals("JKS", reloaded.getType());
        assertEquals(Set.of("demo-root-ca", "demo-issuing-ca-1"), aliases(reloaded));
        assertTrue(reloaded.isCertificateEntry("demo-root-ca"));
        assertEquals(root.certificate(), reloaded.getCertificate("demo-root-ca"));
        assertEquals(intermediate.certificate(), reloaded.getCertificate("demo-issuing-ca-1"));
    }

    @Test
    void writePkcs12WhenReadBackThenSameKeyAndChain() throws Exception {
        Path file = folder.resolve("clients").resolve("client.p12");

        leaf.writePkcs12(file, "client", PASSWORD);

        KeyStore reloaded = KeyStore.getInstance(file.toFile(), PASSWORD);
        assertEquals("PKCS12", reloaded.getType());
        assertEquals(Set.of("client"), aliases(reloaded));
        IssuedCredential read = IssuedCredential.read(file, "client", PASSWORD);
        assertArrayEquals(leaf.privateKey().getEncoded(), read.privateKey().getEncoded());
        assertEquals(leaf.certificate(), read.certificate());
        assertEquals(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()), read.chain());
    }

    @Test
    void writeKeyStoreWhenJksThenPrivateKeyEntryUnderAlias() throws Exception {
        Path file = folder.resolve("teststs-1.keystore");

        KeystoreFiles.writeKeyStore(file, KeystoreFiles.JKS, Map.of("sts", leaf), PASSWORD);

        KeyStore reloaded = KeyStore.getInstance(file.toFile(), PASSWORD);
        assertEquals("JKS", reloaded.getType());
        assertTrue(reloaded.isKeyEntry("sts"));
        assertEquals(3, reloaded.getCertificateChain("sts").length);
        assertEquals(leaf.certificate(), IssuedCredential.read(file, "sts", PASSWORD).certificate());
    }

    @Test
    void writeWhenDoneThenNoTemporaryFileIsLeftBeside() throws Exception {
        KeystoreFiles.writeTrustStore(folder.resolve("a.jks"), KeystoreFiles.JKS, Map.of("root", root.certificate()), PASSWORD);
        KeystoreFiles.writeTrustStore(folder.resolve("a.jks"), KeystoreFiles.JKS, Map.of("other", root.certificate()), PASSWORD);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("a.jks"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(Set.of("other"), aliases(KeyStore.getInstance(folder.resolve("a.jks").toFile(), PASSWORD)));
    }

    @Test
    void readWhenAliasIsTrustedCertificateThenRejectedNamingAlias() {
        Path file = folder.resolve("trust.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", root.certificate()), PASSWORD);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> IssuedCredential.read(file, "root", PASSWORD));
        assertTrue(failure.getMessage().contains("no private key entry 'root'"), failure.getMessage());
    }

    @Test
    void constructWhenKeyDoesNotMatchCertificateThenRejected() {
        X509Certificate other = intermediate.certificate(); // recycling(2): the leaf shares the root's key, not this one

        assertThrows(IllegalArgumentException.class,
                () -> new IssuedCredential(leaf.privateKey(), other, List.of(other)));
    }

    private static Set<String> aliases(KeyStore keyStore) throws Exception {
        return Collections.list(keyStore.aliases()).stream().collect(Collectors.toSet());
    }
}

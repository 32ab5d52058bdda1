package dk.sosi.sts.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoresTest {

    private static final char[] PASSWORD = "Test1234".toCharArray();
    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("CN=Keystore Root, C=DK",
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

    @TempDir
    Path folder;

    @Test
    void loadWhenJksOrPkcs12ThenEitherIsReadWithItsEntries() throws Exception {
        for (String type : new String[] {KeystoreFiles.JKS, KeystoreFiles.PKCS12}) {
            Path file = folder.resolve("trust." + type);
            KeystoreFiles.writeTrustStore(file, type, Map.of("root", ROOT.certificate()), PASSWORD);

            KeyStore loaded = Keystores.load(file, PASSWORD);

            assertEquals(type, loaded.getType());
            assertEquals(ROOT.certificate(), loaded.getCertificate("root"));
        }
    }

    @Test
    void loadWhenPasswordWrongThenUncheckedIoExceptionNamingTheFile() {
        Path file = folder.resolve("t.jks");
        KeystoreFiles.writeTrustStore(file, KeystoreFiles.JKS, Map.of("root", ROOT.certificate()), PASSWORD);

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> Keystores.load(file, "wrong".toCharArray()));
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void loadWhenFileMissingThenUncheckedIoExceptionNamingTheFile() {
        Path file = folder.resolve("missing.jks");

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> Keystores.load(file, PASSWORD));
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }
}

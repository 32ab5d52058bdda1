package dk.sosi.sts.config.backend;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The keystores of a backend TLS set-up, made once per test JVM in a temporary folder: the STS's
 * client identity ({@value #CLIENT_KEYSTORE}), its truststore ({@value #CLIENT_TRUSTSTORE}), a
 * server key for {@code localhost} and the server's truststore, all from one test CA; plus a
 * truststore of a CA nobody uses. Every password is {@value #PASSWORD}.
 */
final class TestBackendPki {

    static final String PASSWORD = "Test1234";
    static final String CLIENT_KEYSTORE = "nsp-test-rid.jks";
    static final String CLIENT_TRUSTSTORE = "testtdc.keystore";
    static final String SERVER_KEYSTORE = "server.jks";
    static final String SERVER_TRUSTSTORE = "server-trust.jks";
    static final String OTHER_TRUSTSTORE = "other-trust.jks";

    private static Path folder;

    private TestBackendPki() {
    }

    /** The folder holding the files, generated on first use. */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = generate(Files.createTempDirectory("backend-pki"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    private static Path generate(Path target) {
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        Instant notAfter = notBefore.plus(Duration.ofDays(30));
        char[] password = PASSWORD.toCharArray();
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=Backend Test CA, O=SOSI-STS test, C=DK", notBefore, notAfter);
        IssuedCredential client = ca.issue(CertificateRequest.builder(
                "CN=SOSI STS backend-klient + SERIALNUMBER=CVR:33257872-FID:94731315, O=SOSI-STS test, C=DK",
                notBefore, notAfter).build());
        IssuedCredential server = ca.issue(CertificateRequest.builder("CN=localhost, O=SOSI-STS test, C=DK", notBefore, notAfter).build());
        CertificateAuthority other = CertificateAuthority.createRoot("CN=Other Test CA, O=SOSI-STS test, C=DK", notBefore, notAfter);

        KeystoreFiles.writeKeyStore(target.resolve(CLIENT_KEYSTORE), KeystoreFiles.JKS, Map.of("nsp-test-rid", client), password);
        KeystoreFiles.writeTrustStore(target.resolve(CLIENT_TRUSTSTORE), KeystoreFiles.JKS, Map.of("ca", ca.certificate()), password);
        KeystoreFiles.writeKeyStore(target.resolve(SERVER_KEYSTORE), KeystoreFiles.JKS, Map.of("server", server), password);
        KeystoreFiles.writeTrustStore(target.resolve(SERVER_TRUSTSTORE), KeystoreFiles.JKS, Map.of("ca", ca.certificate()), password);
        KeystoreFiles.writeTrustStore(target.resolve(OTHER_TRUSTSTORE), KeystoreFiles.JKS, Map.of("other", other.certificate()), password);
        return target;
    }
}

package dk.sosi.sts.admin;

import dk.sosi.sts.pki.PkiException;
import dk.sosi.sts.trust.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stateless. The certificates of a file an operator was handed: {@code .cer}/{@code .crt}/{@code .der} (DER or PEM),
 * {@code .pem} (one or more), {@code .p12}/{@code .pfx}/{@code .jks}/{@code .keystore} (a keystore, by alias, with
 * its password).
 */
final class CertificateFile {

    private CertificateFile() {
    }

    /**
     * The file's certificates by name: the keystore alias, else {@code #1}, {@code #2}, … in file order.
     *
     * @throws FileException naming the file when it is missing, unreadable or holds no certificate
     */
    static Map<String, X509Certificate> read(Path file, Optional<String> password) {
        if (!Files.isRegularFile(file)) {
            throw new FileException(file + ": no such file");
        }
        Map<String, X509Certificate> certificates = isKeystore(file) ? keystore(file, password) : encoded(file);
        if (certificates.isEmpty()) {
            throw new FileException(file + ": holds no certificate");
        }
        return certificates;
    }

    private static boolean isKeystore(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks") || name.endsWith(".keystore");
    }

    private static Map<String, X509Certificate> keystore(Path file, Optional<String> password) {
        String secret = password.orElseThrow(() -> new StsAdmin.UsageException(file + " is a keystore: give its --password"));
        try {
            return TrustStore.load(file, secret.toCharArray()).certificates();
        } catch (UncheckedIOException | PkiException e) {
            throw new FileException(file + ": " + e.getMessage());
        }
    }

    private static Map<String, X509Certificate> encoded(Path file) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            int number = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.put("#" + ++number, (X509Certificate) certificate);
            }
        } catch (IOException e) {
            throw new FileException(file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new FileException(file + ": not a certificate (DER or PEM): " + e.getMessage());
        }
        return certificates;
    }

    /** A file that cannot be read as certificates: an error, not a usage mistake. */
    static final class FileException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FileException(String message) {
            super(message);
        }
    }
}

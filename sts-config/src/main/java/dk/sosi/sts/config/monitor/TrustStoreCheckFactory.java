package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.monitor.inventory.KeystoreCertificates;
import dk.sosi.sts.monitor.inventory.TrustStoreCheck;
import dk.sosi.sts.pki.Keystores;
import dk.sosi.sts.pki.PkiException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.FactoryBean;

/**
 * The guide's {@code nboTrustStoreCheck} and {@code jwtTrustStoreCheck} in services.xml: the certificates
 * of a trust store, monitored. Properties {@code label} (how the pages name the store, e.g.
 * {@code NBOTrustStore}), {@code keystoreFile}, {@code keystorePassword}, {@code ignoredAliases} (shown as
 * {@code Ignored}, never changing a page's status) and {@code certificateExpiryWarning}. The keystore is
 * read once, at start-up; a missing or unreadable one stops start-up naming the file.
 */
public final class TrustStoreCheckFactory implements FactoryBean<TrustStoreCheck> {

    private String label;
    private String keystoreFile;
    private String keystorePassword;
    private List<String> ignoredAliases = List.of();
    private CertificateStatusPolicy certificateExpiryWarning;

    public void setLabel(String label) {
        this.label = label;
    }

    public void setKeystoreFile(String keystoreFile) {
        this.keystoreFile = keystoreFile;
    }

    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    public void setIgnoredAliases(List<String> ignoredAliases) {
        this.ignoredAliases = List.copyOf(ignoredAliases);
    }

    public void setCertificateExpiryWarning(CertificateStatusPolicy certificateExpiryWarning) {
        this.certificateExpiryWarning = certificateExpiryWarning;
    }

    @Override
    public TrustStoreCheck getObject() {
        if (label == null || keystoreFile == null || keystorePassword == null || certificateExpiryWarning == null) {
            throw new StartupException("A trust store check needs label, keystoreFile, keystorePassword and certificateExpiryWarning");
        }
        KeyStore keyStore;
        try {
            keyStore = Keystores.load(Path.of(keystoreFile), keystorePassword.toCharArray());
        } catch (UncheckedIOException | PkiException e) {
            throw new StartupException("Cannot read the " + label + " keystore " + keystoreFile + ": " + e.getMessage(), e);
        }
        return new TrustStoreCheck(KeystoreCertificates.of(label, keyStore, ignoredAliases, certificateExpiryWarning),
                ZoneId.systemDefault());
    }

    @Override
    public Class<?> getObjectType() {
        return TrustStoreCheck.class;
    }
}

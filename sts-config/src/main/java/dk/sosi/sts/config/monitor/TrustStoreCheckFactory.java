package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.monitor.inventory.KeystoreCertificates;
import dk.sosi.sts.monitor.inventory.TrustStoreCheck;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;

/**
 * The guide's {@code nboTrustStoreCheck} and {@code jwtTrustStoreCheck} in services.xml: the certificates
 * of a trust store, monitored. Properties {@code label} (how the pages name the store, e.g.
 * {@code NBOTrustStore}), {@code keystoreFile}, {@code keystorePassword}, {@code ignoredAliases} (shown as
 * {@code Ignored}, never changing a page's status) and {@code certificateExpiryWarning}. The keystore is
 * read at start-up, where a missing or unreadable one stops start-up naming the file, and again when it changes.
 */
public final class TrustStoreCheckFactory implements FactoryBean<TrustStoreCheck>, BeanFactoryAware {

    private String label;
    private String keystoreFile;
    private String keystorePassword;
    private List<String> ignoredAliases = List.of();
    private CertificateStatusPolicy certificateExpiryWarning;
    private TrustStores trustStores = new TrustStores();

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

    /** Shares the keystore with the exchange that trusts it, in a running STS. */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        trustStores = TrustStores.of(beanFactory);
    }

    /** The keystore file this check monitors, for the exchange that trusts the same store. */
    public String getKeystoreFile() {
        return keystoreFile;
    }

    public String getKeystorePassword() {
        return keystorePassword;
    }

    @Override
    public TrustStoreCheck getObject() {
        if (label == null || keystoreFile == null || keystorePassword == null || certificateExpiryWarning == null) {
            throw new StartupException("A trust store check needs label, keystoreFile, keystorePassword and certificateExpiryWarning");
        }
        ReloadingFile<TrustStore> store = trustStores.load(keystoreFile, keystorePassword, label);
        return new TrustStoreCheck(new KeystoreCertificates(label, () -> store.get().certificates(), ignoredAliases,
                certificateExpiryWarning),
                ZoneId.systemDefault());
    }

    @Override
    public Class<?> getObjectType() {
        return TrustStoreCheck.class;
    }
}

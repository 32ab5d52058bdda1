package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.KeystoreCredential;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.monitor.inventory.DatabaseCertificatesCheck;
import dk.sosi.sts.monitor.inventory.KeystoreCertificates;
import dk.sosi.sts.monitor.inventory.TrustStoreCheck;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds the certificate inventory ({@code /sts/certificates}) from the operator's beans: the STS's own
 * certificate, the federation trust store, the trust stores and database certificates of the checks
 * {@code nboTrustStoreCheck}, {@code jwtTrustStoreCheck} and {@code monitorDatabaseCertificatesCheck}
 * (so their ignore lists apply here too), all judged by {@code certificateExpiryWarning}.
 */
public final class CertificateInventoryFactory {

    private CertificateInventoryFactory() {
    }

    public static CertificateInventory create(OperatorConfiguration operator, ReloadingFile<TrustStore> federation) {
        CertificateStatusPolicy policy = operator.bean(BeanNames.CERTIFICATE_EXPIRY_WARNING, CertificateStatusPolicy.class);
        KeystoreCredential stsKeystore = operator.bean("&" + BeanNames.STS_CREDENTIAL, KeystoreCredential.class);
        return new CertificateInventory(List.of(
                new KeystoreCertificates(stsKeystore.keystoreName(), stsKeystore::certificatesByAlias, List.of(), policy),
                new KeystoreCertificates(federation.get().name(), () -> federation.get().certificates(), List.of(), policy),
                operator.bean(BeanNames.NBO_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.JWT_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.MONITOR_DATABASE_CERTIFICATES_CHECK, DatabaseCertificatesCheck.class).certificates()),
                policy, ZoneId.systemDefault());
    }
}

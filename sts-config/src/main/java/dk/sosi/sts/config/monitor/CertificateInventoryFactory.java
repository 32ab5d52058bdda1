package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.KeystoreCredential;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.config.backend.BackendClient;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import dk.sosi.sts.monitor.inventory.CertificateSource;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.monitor.inventory.DatabaseCertificatesCheck;
import dk.sosi.sts.monitor.inventory.KeystoreCertificates;
import dk.sosi.sts.monitor.inventory.TrustStoreCheck;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the certificate inventory ({@code /sts/certificates}) from the operator's beans: the STS's own
 * certificate, the federation trust store, the trust stores and database certificates of the checks
 * {@code nboTrustStoreCheck}, {@code jwtTrustStoreCheck} and {@code monitorDatabaseCertificatesCheck}
 * (so their ignore lists apply here too), and the backend TLS keystore and truststore of {@code backendClient},
 * all judged by {@code certificateExpiryWarning}.
 */
public final class CertificateInventoryFactory {

    private CertificateInventoryFactory() {
    }

    /** @param trustStores the one loader of keystore files, which reads the backend keystores too */
    public static CertificateInventory create(OperatorConfiguration operator, ReloadingFile<TrustStore> federation,
            TrustStores trustStores) {
        CertificateStatusPolicy policy = operator.bean(BeanNames.CERTIFICATE_EXPIRY_WARNING, CertificateStatusPolicy.class);
        KeystoreCredential stsKeystore = operator.bean("&" + BeanNames.STS_CREDENTIAL, KeystoreCredential.class);
        List<CertificateSource> sources = new ArrayList<>(List.of(
                new KeystoreCertificates(stsKeystore.keystoreName(), stsKeystore::certificatesByAlias, List.of(), policy),
                new KeystoreCertificates(federation.get().name(), () -> federation.get().certificates(), List.of(), policy),
                operator.bean(BeanNames.NBO_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.JWT_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.MONITOR_DATABASE_CERTIFICATES_CHECK, DatabaseCertificatesCheck.class).certificates()));
        sources.addAll(backendStores(operator, trustStores, policy));
        return new CertificateInventory(sources, policy, ZoneId.systemDefault());
    }

    /** The keystore files of the backend clients, each once, as BackendSslContext uses them. */
    private static List<KeystoreCertificates> backendStores(OperatorConfiguration operator, TrustStores trustStores,
            CertificateStatusPolicy policy) {
        Map<String, KeystoreCertificates> byFile = new LinkedHashMap<>();
        for (BackendClient client : operator.beansOfType(BackendClient.class)) {
            for (BackendClient.StoreFile file : client.storeFiles()) {
                byFile.computeIfAbsent(file.file(), name -> {
                    ReloadingFile<TrustStore> store = trustStores.load(file.file(), file.password(), file.label());
                    return new KeystoreCertificates(store.get().name(), () -> store.get().certificates(), List.of(), policy);
                });
            }
        }
        return List.copyOf(byFile.values());
    }
}

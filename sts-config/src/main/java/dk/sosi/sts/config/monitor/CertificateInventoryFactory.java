package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.KeystoreCredential;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.dgws.DgwsConfigurationProperties;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.monitor.inventory.DatabaseCertificatesCheck;
import dk.sosi.sts.monitor.inventory.KeystoreCertificates;
import dk.sosi.sts.monitor.inventory.TrustStoreCheck;
import dk.sosi.sts.pki.Keystores;
import dk.sosi.sts.trust.StsCredential;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Builds the certificate inventory ({@code /sts/certificates}) from the operator's beans: the STS's own
 * certificate, the federation trust store, the trust stores and database certificates of the checks
 * {@code nboTrustStoreCheck}, {@code jwtTrustStoreCheck} and {@code monitorDatabaseCertificatesCheck}
 * (so their ignore lists apply here too), all judged by {@code certificateExpiryWarning}.
 */
public final class CertificateInventoryFactory {

    private CertificateInventoryFactory() {
    }

    public static CertificateInventory create(OperatorConfiguration operator, StsCredential credential) {
        CertificateStatusPolicy policy = operator.bean(BeanNames.CERTIFICATE_EXPIRY_WARNING, CertificateStatusPolicy.class);
        KeystoreCredential stsKeystore = operator.bean("&" + BeanNames.STS_CREDENTIAL, KeystoreCredential.class);
        DgwsConfigurationProperties dgws = operator.bean(DgwsExchangeFactory.SECURITY_TOKEN_SERVICE, DgwsConfigurationProperties.class);
        Path federationTrust = Path.of(dgws.getFederationTrustStoreFile());
        return new CertificateInventory(List.of(
                new KeystoreCertificates(stsKeystore.keystoreName(), Map.of(stsKeystore.alias(), credential.certificate()),
                        List.of(), policy),
                KeystoreCertificates.of(federationTrust.getFileName().toString(),
                        Keystores.load(federationTrust, dgws.getFederationTrustStorePassword().toCharArray()), List.of(), policy),
                operator.bean(BeanNames.NBO_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.JWT_TRUST_STORE_CHECK, TrustStoreCheck.class).certificates(),
                operator.bean(BeanNames.MONITOR_DATABASE_CERTIFICATES_CHECK, DatabaseCertificatesCheck.class).certificates()),
                policy, ZoneId.systemDefault());
    }
}

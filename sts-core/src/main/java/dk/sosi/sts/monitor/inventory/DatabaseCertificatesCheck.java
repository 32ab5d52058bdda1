package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.CheckResult;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. {@code monitorDatabaseCertificatesCheck}: the certificates in the configuration tables
 * (see {@link DatabaseCertificates}). Fails when one has expired, is revoked or does not parse, warns
 * when one is Expiring, naming each; ignored locations never count.
 */
public final class DatabaseCertificatesCheck implements Check {

    static final String NOT_LOADED = "FAILED (%s)";

    private final String label;
    private final DatabaseCertificates certificates;

    /**
     * @param label            the label on the pages, e.g. {@code Database certificates}
     * @param ignoredLocations e.g. {@code sts_audconf.trustedIdpConfiguration[https://oio3bst-issuer.dk].signingKey.revoked}
     */
    public DatabaseCertificatesCheck(String label, StsConfiguration configuration, CertificateStatusPolicy policy,
            Collection<String> ignoredLocations) {
        this.label = Objects.requireNonNull(label, "label");
        this.certificates = new DatabaseCertificates(configuration, policy, ignoredLocations);
    }

    /** The certificates the check reads, for the certificate inventory. */
    public DatabaseCertificates certificates() {
        return certificates;
    }

    @Override
    public CheckResult run() {
        try {
            return CertificateResults.of(label, certificates.entries(), List.of());
        } catch (ConfigurationUnavailableException e) {
            return CheckResult.failed(label, String.format(NOT_LOADED, e.getMessage()));
        }
    }
}

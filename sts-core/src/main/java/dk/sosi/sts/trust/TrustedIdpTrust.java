package dk.sosi.sts.trust;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Thread-safe. Trust in the issuers an admin configures in the database with plain SQL: the
 * {@code signingKey.xxx} certificates of an issuer's rows in {@code trustedIdpConfiguration} (BST2SOSI),
 * {@code trustedIdpCitizenConfiguration} (Bst2Idws) or an audience's rows in {@code ehdsiAudienceConfiguration}
 * (DKNCP). The suffix carries no meaning, so old and new keys can stand side by side during a renewal; an
 * edit takes effect with the next configuration refresh. A certificate must be one of them, within its
 * validity period and not revoked.
 */
public final class TrustedIdpTrust {

    /** The attribute prefix of trusted signing certificates. */
    public static final String SIGNING_KEY = "signingKey.";

    private final StsConfiguration configuration;
    private final Function<ConfigurationSnapshot, AttributeTable> table;
    private final CertificateValidity validity;

    /** @param table the table of the snapshot whose rows configure the issuers, e.g. {@code ConfigurationSnapshot::trustedIdpConfiguration} */
    public TrustedIdpTrust(StsConfiguration configuration, Function<ConfigurationSnapshot, AttributeTable> table,
            CertificateValidity validity) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.table = Objects.requireNonNull(table, "table");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /** The check for tokens that {@code issuer} signed: trusted are its configured {@code signingKey.xxx}. */
    public SignerCheck forIssuer(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        return certificate -> {
            boolean configured = table.apply(configuration.current()).withPrefix(issuer, SIGNING_KEY).values().stream()
                    .map(Certificates::fromBase64).flatMap(Optional::stream).anyMatch(certificate::equals);
            if (!configured) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
            }
            validity.check(certificate);
        };
    }
}

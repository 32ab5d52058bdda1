package dk.sosi.sts.trust;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Parsed values are kept across refreshes; past this many distinct values the cache starts over. */
    private static final int MAX_CACHED = 1_000;

    private final StsConfiguration configuration;
    private final Function<ConfigurationSnapshot, AttributeTable> table;
    private final CertificateValidity validity;
    private final Map<String, Optional<X509Certificate>> parsed = new ConcurrentHashMap<>();

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
                    .map(this::certificate).flatMap(Optional::stream).anyMatch(certificate::equals);
            if (!configured) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
            }
            validity.check(certificate);
        };
    }

    /** A configured value as a certificate; a value that is none trusts nothing (the monitoring pages show it). */
    private Optional<X509Certificate> certificate(String value) {
        if (parsed.size() > MAX_CACHED) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(value, Certificates::fromBase64);
    }
}

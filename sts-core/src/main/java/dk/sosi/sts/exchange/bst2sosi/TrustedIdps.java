package dk.sosi.sts.exchange.bst2sosi;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.oio.DecryptionKeys;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Thread-safe. What {@code sts_audconf.trustedIdpConfiguration} says about the issuers of bootstrap tokens
 * (exchanges.md 4.1), read from the current configuration snapshot on every call, so an admin's edit applies
 * after the next refresh. The trust in an issuer's signature ({@code signingKey.xxx}) is
 * {@link dk.sosi.sts.trust.TrustedIdpTrust}'s.
 */
public final class TrustedIdps {

    static final String TOKEN_PROFILE = "tokenProfile.";
    static final String VALIDATE_HOK = "validateHOK";
    static final String CERTIFICATE = "certificate.";
    /** The issuer whose {@code certificate.xxx} rows whitelist a caller for every issuer. */
    static final String ANY_ISSUER = "*";

    private final StsConfiguration configuration;
    private final DecryptionKeys decryptionKeys;

    public TrustedIdps(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.decryptionKeys = new DecryptionKeys(configuration, ConfigurationSnapshot::trustedIdpConfiguration,
                "trustedIdpConfiguration");
    }

    private AttributeTable table() {
        return configuration.current().trustedIdpConfiguration();
    }

    /** The {@code encryptionKey.xxx} private keys of every issuer (see {@link DecryptionKeys#all()}). */
    public List<PrivateKey> decryptionKeys() {
        return decryptionKeys.all();
    }

    /** The profiles the issuer's {@code tokenProfile.xxx} rows allow; unknown names are ignored. */
    public Set<BootstrapTokenProfile> profiles(String issuer) {
        Set<BootstrapTokenProfile> profiles = new TreeSet<>();
        table().withPrefix(issuer, TOKEN_PROFILE).values()
                .forEach(value -> BootstrapTokenProfile.named(value.trim()).ifPresent(profiles::add));
        return profiles;
    }

    /** The issuer's {@code validateHOK}: holder-of-key is checked unless it says {@code false}. */
    public boolean validateHolderOfKey(String issuer) {
        return table().value(issuer, VALIDATE_HOK).map(value -> !"false".equalsIgnoreCase(value.trim())).orElse(true);
    }

    /** The subject serial numbers of the {@code certificate.xxx} rows of {@code issuer} and of issuer {@value #ANY_ISSUER}. */
    public Set<String> whitelisted(String issuer) {
        AttributeTable table = table();
        Set<String> allowed = new TreeSet<>();
        table.withPrefix(issuer, CERTIFICATE).values().forEach(value -> allowed.add(value.trim()));
        table.withPrefix(ANY_ISSUER, CERTIFICATE).values().forEach(value -> allowed.add(value.trim()));
        return allowed;
    }

    /** The subject serial numbers of every {@code certificate.xxx} row, whatever its issuer. */
    public Set<String> whitelistedForAnyIssuer() {
        AttributeTable table = table();
        Set<String> allowed = new TreeSet<>();
        for (String issuer : table.keys()) {
            table.withPrefix(issuer, CERTIFICATE).values().forEach(value -> allowed.add(value.trim()));
        }
        return allowed;
    }
}

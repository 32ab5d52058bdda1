package dk.sosi.sts.exchange.bst2sosi;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.pki.PrivateKeys;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.security.PrivateKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. What {@code sts_audconf.trustedIdpConfiguration} says about the issuers of bootstrap tokens
 * (exchanges.md 4.1), read from the current configuration snapshot on every call, so an admin's edit applies
 * after the next refresh. The trust in an issuer's signature ({@code signingKey.xxx}) is
 * {@link dk.sosi.sts.trust.TrustedIdpTrust}'s.
 */
public final class TrustedIdps {

    static final String ENCRYPTION_KEY = "encryptionKey.";
    static final String TOKEN_PROFILE = "tokenProfile.";
    static final String VALIDATE_HOK = "validateHOK";
    static final String CERTIFICATE = "certificate.";
    /** The issuer whose {@code certificate.xxx} rows whitelist a caller for every issuer. */
    static final String ANY_ISSUER = "*";

    private static final Logger LOG = LoggerFactory.getLogger(TrustedIdps.class);

    private static final int MAX_WARNED = 256;

    private final StsConfiguration configuration;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public TrustedIdps(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    private AttributeTable table() {
        return configuration.current().trustedIdpConfiguration();
    }

    /**
     * The {@code encryptionKey.xxx} private keys of every issuer, in issuer order, each once (OQ-10: the issuer
     * is inside the encrypted token, so every key is a candidate). A value that is not a PKCS#8 RSA key is
     * skipped and logged; past {@link AssertionDecrypter#MAX_CANDIDATE_KEYS} the rest are left out and logged.
     */
    public List<PrivateKey> decryptionKeys() {
        AttributeTable table = table();
        Set<PrivateKey> keys = new LinkedHashSet<>();
        for (String issuer : table.keys()) {
            table.withPrefix(issuer, ENCRYPTION_KEY).forEach((attribute, value) -> {
                Optional<PrivateKey> key = PrivateKeys.rsaFromPkcs8Base64(value);
                if (key.isEmpty() && warnedOnce(issuer + " " + attribute)) {
                    LOG.warn("trustedIdpConfiguration: {} of issuer {} is not a base64 PKCS#8 RSA key; skipped", attribute, issuer);
                }
                key.ifPresent(keys::add);
            });
        }
        if (keys.size() > AssertionDecrypter.MAX_CANDIDATE_KEYS) {
            LOG.warn("trustedIdpConfiguration holds {} encryption keys; only the first {} are tried", keys.size(),
                    AssertionDecrypter.MAX_CANDIDATE_KEYS);
            return List.copyOf(keys).subList(0, AssertionDecrypter.MAX_CANDIDATE_KEYS);
        }
        return List.copyOf(keys);
    }

    /** Whether {@code row} is new to the warnings: a broken row would otherwise be logged for every request. */
    private boolean warnedOnce(String row) {
        if (warned.size() >= MAX_WARNED) {
            warned.clear();
        }
        return warned.add(row);
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

package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.pki.PrivateKeys;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.security.PrivateKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The {@code encryptionKey.xxx} private keys of an issuer table ({@code trustedIdpConfiguration} for
 * BST2SOSI, {@code trustedIdpCitizenConfiguration} for Bst2Idws), read from the current configuration snapshot on
 * every call, so an admin's edit applies after the next refresh.
 */
public final class DecryptionKeys {

    public static final String ENCRYPTION_KEY = "encryptionKey.";

    private static final Logger LOG = LoggerFactory.getLogger(DecryptionKeys.class);

    private static final int MAX_WARNED = 256;

    private final StsConfiguration configuration;
    private final Function<ConfigurationSnapshot, AttributeTable> table;
    private final String tableName;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param table     the table of the snapshot, e.g. {@code ConfigurationSnapshot::trustedIdpCitizenConfiguration}
     * @param tableName its name, for the log
     */
    public DecryptionKeys(StsConfiguration configuration, Function<ConfigurationSnapshot, AttributeTable> table, String tableName) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.table = Objects.requireNonNull(table, "table");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /**
     * The keys of every issuer, in issuer order, each once (OQ-10: the issuer is inside the encrypted token, so
     * every key is a candidate). A value that is not a PKCS#8 RSA key is skipped and logged; past
     * {@link AssertionDecrypter#MAX_CANDIDATE_KEYS} the rest are left out and logged.
     */
    public List<PrivateKey> all() {
        AttributeTable rows = table.apply(configuration.current());
        Set<PrivateKey> keys = new LinkedHashSet<>();
        for (String issuer : rows.keys()) {
            rows.withPrefix(issuer, ENCRYPTION_KEY).forEach((attribute, value) -> {
                Optional<PrivateKey> key = PrivateKeys.rsaFromPkcs8Base64(value);
                if (key.isEmpty() && warnedOnce(issuer + " " + attribute)) {
                    LOG.warn("{}: {} of issuer {} is not a base64 PKCS#8 RSA key; skipped", tableName, attribute, issuer);
                }
                key.ifPresent(keys::add);
            });
        }
        if (keys.size() > AssertionDecrypter.MAX_CANDIDATE_KEYS) {
            LOG.warn("{} holds {} encryption keys; only the first {} are tried", tableName, keys.size(),
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
}

package dk.sosi.sts.trust;

import dk.sosi.sts.pki.Keystores;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable. The certificates of one keystore file, by alias, as one reading found them (a
 * {@link ReloadingFile} reads the file again when it changes): the federation trust store, {@code test-new-nemLogin-idp.keystore} (NBOTrustStore),
 * {@code test-jwt-idp-trust.jks} (JWTTrustStore). A key entry counts with its own certificate.
 *
 * @param name the keystore's file name, as the monitoring pages name it
 */
public record TrustStore(String name, NavigableMap<String, X509Certificate> certificates) {

    public TrustStore {
        Objects.requireNonNull(name, "name");
        certificates = Collections.unmodifiableNavigableMap(new TreeMap<>(certificates));
    }

    /** Reads {@code file}; see {@link Keystores#load} for what it throws. */
    public static TrustStore load(Path file, char[] password) {
        KeyStore keyStore = Keystores.load(file, password);
        NavigableMap<String, X509Certificate> byAlias = new TreeMap<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                    byAlias.put(alias, certificate);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("The keystore " + file + " has not been loaded", e);
        }
        return new TrustStore(file.getFileName().toString(), byAlias);
    }

    /** A store of {@code certificates} not read from a file, e.g. for a test. */
    public static TrustStore of(String name, Map<String, X509Certificate> certificates) {
        return new TrustStore(name, new TreeMap<>(certificates));
    }
}

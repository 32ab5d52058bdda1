package dk.sosi.sts.config;

import dk.sosi.sts.pki.PkiException;
import dk.sosi.sts.trust.TrustStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.BeanFactory;

/**
 * Thread-safe. Every trust store file of the configuration, each read once at start-up and shared by all
 * that use it: the federation trust store serves the DGWS signer check, the CRL fetcher and
 * {@code /sts/certificates}; NBOTrustStore and JWTTrustStore serve their exchanges and their monitoring
 * checks. It is the infrastructure bean {@value BeanNames#TRUST_STORES}.
 */
public final class TrustStores {

    private final Map<Path, TrustStore> loaded = new HashMap<>();

    /**
     * The store in {@code file}, read on first use.
     *
     * @param label what the store is for, named in a start-up failure, e.g. {@code NBOTrustStore}
     * @throws StartupException naming the file when it is missing, unreadable or has no certificate
     */
    public synchronized TrustStore load(String file, String password, String label) {
        if (file == null || password == null) {
            throw new StartupException("The " + label + " needs a keystore file and its password");
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        TrustStore store = loaded.get(path);
        if (store == null) {
            try {
                store = TrustStore.load(path, password.toCharArray());
            } catch (UncheckedIOException | PkiException e) {
                throw new StartupException("Cannot read the " + label + " keystore " + file + ": " + e.getMessage(), e);
            }
            if (store.certificates().isEmpty()) {
                throw new StartupException("The " + label + " keystore " + file + " holds no certificates");
            }
            loaded.put(path, store);
        }
        return store;
    }

    /** The registry of {@code beans} when it has one (a running STS), else a new one (a bean built on its own). */
    public static TrustStores of(BeanFactory beans) {
        Objects.requireNonNull(beans, "beans");
        return beans.containsBean(BeanNames.TRUST_STORES) ? beans.getBean(BeanNames.TRUST_STORES, TrustStores.class)
                : new TrustStores();
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.trust.ReloadingFile;
import java.io.File;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Stateless. Builds the TLS context the STS calls its backends with: its client identity from a
 * keystore such as {@code nsp-test-rid.jks} (the guide's "keystore towards backend services") and the
 * servers it trusts from a truststore such as {@code testtdc.keystore} ("truststore for the PID/CVR-RID
 * services"). JKS and PKCS#12 are both read. Anything wrong stops start-up with the file's name. Both files
 * are watched by the {@link TrustStores} given: a changed file is used for the next new connection, a bad
 * one leaves the last good one in use.
 */
public final class BackendSslContext {

    private BackendSslContext() {
    }

    /** A context whose files are read once. */
    public static SSLContext create(Path keystoreFile, char[] keystorePassword, Path truststoreFile, char[] truststorePassword) {
        return create(keystoreFile, keystorePassword, truststoreFile, truststorePassword, new TrustStores());
    }

    /**
     * @param keystoreFile       the STS's client key and certificate; {@code null}: no client certificate
     * @param keystorePassword   the password of the keystore and of its key
     * @param truststoreFile     the certificates of the servers (or their CAs) to trust; {@code null}: the JDK's default trust
     * @param truststorePassword the truststore's password; {@code null}: read without integrity check
     * @param files              watches both files
     * @throws StartupException if a file is missing, unreadable, has the wrong password or holds nothing usable
     */
    public static SSLContext create(Path keystoreFile, char[] keystorePassword, Path truststoreFile, char[] truststorePassword,
            TrustStores files) {
        KeyManager[] keyManagers = null;
        if (keystoreFile != null) {
            if (keystorePassword == null) {
                throw new StartupException("The backend keystore " + keystoreFile + " needs keystorePassword");
            }
            ReloadingFile<Read<X509ExtendedKeyManager>> keys = files.watch("backend keystore", keystoreFile,
                    file -> keyManager(file, keystorePassword), Read::certificates);
            keyManagers = new KeyManager[] {new ReloadingKeyManager(() -> keys.get().manager())};
        }
        TrustManager[] trustManagers = null;
        if (truststoreFile != null) {
            ReloadingFile<Read<X509ExtendedTrustManager>> trusted = files.watch("backend truststore", truststoreFile,
                    file -> trustManager(file, truststorePassword), Read::certificates);
            trustManagers = new TrustManager[] {new ReloadingTrustManager(() -> trusted.get().manager())};
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (Exception e) {
            throw new StartupException("Cannot set up TLS towards the backends: " + e.getMessage(), e);
        }
    }

    private static Read<X509ExtendedKeyManager> keyManager(Path file, char[] password) {
        KeyStore keyStore = load(file, password, "backend keystore");
        if (!holdsKey(keyStore)) {
            throw new StartupException("The backend keystore " + file + " holds no private key to identify the STS with");
        }
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, password);
            return new Read<>((X509ExtendedKeyManager) factory.getKeyManagers()[0], certificates(keyStore));
        } catch (UnrecoverableKeyException e) {
            throw new StartupException("The key in the backend keystore " + file
                    + " cannot be read with keystorePassword; the key must have the keystore's password", e);
        } catch (Exception e) {
            throw new StartupException("Cannot use the backend keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static Read<X509ExtendedTrustManager> trustManager(Path file, char[] password) {
        KeyStore trustStore = load(file, password, "backend truststore");
        Map<String, X509Certificate> certificates = certificates(trustStore);
        if (certificates.isEmpty()) {
            throw new StartupException("The backend truststore " + file + " holds no trusted certificate");
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return new Read<>((X509ExtendedTrustManager) factory.getTrustManagers()[0], certificates);
        } catch (Exception e) {
            throw new StartupException("Cannot use the backend truststore " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password, String what) {
        File f = file.toFile();
        if (!f.isFile()) {
            throw new StartupException("The " + what + " " + file + " does not exist");
        }
        try {
            return KeyStore.getInstance(f, password);
        } catch (Exception e) {
            throw new StartupException("Cannot read the " + what + " " + file + " (wrong password?): " + e.getMessage(), e);
        }
    }

    private static boolean holdsKey(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, X509Certificate> certificates(KeyStore keyStore) {
        Map<String, X509Certificate> byAlias = new TreeMap<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                    byAlias.put(alias, certificate);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The keystore has not been loaded", e);
        }
        return byAlias;
    }

    /** One reading of a file: the JDK's manager for it, and its certificates for the pages. */
    private record Read<M>(M manager, Map<String, X509Certificate> certificates) {
    }

    /** The key manager of the file's last good reading, asked afresh for every handshake. */
    private static final class ReloadingKeyManager extends X509ExtendedKeyManager {

        private final Supplier<X509ExtendedKeyManager> current;

        ReloadingKeyManager(Supplier<X509ExtendedKeyManager> current) {
            this.current = current;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return current.get().getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return current.get().chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return current.get().chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return current.get().getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return current.get().chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return current.get().chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return current.get().getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return current.get().getPrivateKey(alias);
        }
    }

    /** The trust manager of the file's last good reading, asked afresh for every handshake. */
    private static final class ReloadingTrustManager extends X509ExtendedTrustManager {

        private final Supplier<X509ExtendedTrustManager> current;

        ReloadingTrustManager(Supplier<X509ExtendedTrustManager> current) {
            this.current = current;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            current.get().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            current.get().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            current.get().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            current.get().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            current.get().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            current.get().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return current.get().getAcceptedIssuers();
        }
    }
}

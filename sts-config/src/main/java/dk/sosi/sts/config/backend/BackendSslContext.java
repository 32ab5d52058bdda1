package dk.sosi.sts.config.backend;

import dk.sosi.sts.config.StartupException;
import java.io.File;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Stateless. Builds the TLS context the STS calls its backends with: its client identity from a
 * keystore such as {@code nsp-test-rid.jks} (the guide's "keystore towards backend services") and the
 * servers it trusts from a truststore such as {@code testtdc.keystore} ("truststore for the PID/CVR-RID
 * services"). JKS and PKCS#12 are both read. Anything wrong stops start-up with the file's name.
 */
public final class BackendSslContext {

    private BackendSslContext() {
    }

    /**
     * @param keystoreFile       the STS's client key and certificate; {@code null}: no client certificate
     * @param keystorePassword   the password of the keystore and of its key
     * @param truststoreFile     the certificates of the servers (or their CAs) to trust; {@code null}: the JDK's default trust
     * @param truststorePassword the truststore's password; {@code null}: read without integrity check
     * @throws StartupException if a file is missing, unreadable, has the wrong password or holds nothing usable
     */
    public static SSLContext create(Path keystoreFile, char[] keystorePassword, Path truststoreFile, char[] truststorePassword) {
        KeyManager[] keyManagers = null;
        if (keystoreFile != null) {
            if (keystorePassword == null) {
                throw new StartupException("The backend keystore " + keystoreFile + " needs keystorePassword");
            }
            KeyStore keyStore = load(keystoreFile, keystorePassword, "backend keystore");
            if (!holdsKey(keyStore)) {
                throw new StartupException("The backend keystore " + keystoreFile + " holds no private key to identify the STS with");
            }
            try {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keyStore, keystorePassword);
                keyManagers = factory.getKeyManagers();
            } catch (UnrecoverableKeyException e) {
                throw new StartupException("The key in the backend keystore " + keystoreFile
                        + " cannot be read with keystorePassword; the key must have the keystore's password", e);
            } catch (Exception e) {
                throw new StartupException("Cannot use the backend keystore " + keystoreFile + ": " + e.getMessage(), e);
            }
        }
        TrustManager[] trustManagers = null;
        if (truststoreFile != null) {
            KeyStore trustStore = load(truststoreFile, truststorePassword, "backend truststore");
            if (!holdsCertificate(trustStore)) {
                throw new StartupException("The backend truststore " + truststoreFile + " holds no trusted certificate");
            }
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore);
                trustManagers = factory.getTrustManagers();
            } catch (Exception e) {
                throw new StartupException("Cannot use the backend truststore " + truststoreFile + ": " + e.getMessage(), e);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (Exception e) {
            throw new StartupException("Cannot set up TLS towards the backends: " + e.getMessage(), e);
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

    private static boolean holdsCertificate(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.getCertificate(alias) != null) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}

package dk.sosi.sts.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Stateless, thread-safe. Writes Java keystore files (JKS or PKCS#12) for tests and the demo: trust
 * stores of alias → certificate, and key stores of alias → private key with chain. The STS itself only
 * reads keystores ({@code dk.sosi.sts.pki.Keystores}).
 */
public final class KeystoreFiles {

    public static final String JKS = "JKS";
    public static final String PKCS12 = "PKCS12";

    private KeystoreFiles() {
    }

    /** An empty in-memory keystore of {@code type}. */
    public static KeyStore empty(String type) {
        try {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(null, null);
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no keystore of type " + type, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise an empty " + type + " keystore", e);
        }
    }

    /** An in-memory keystore of {@code type} holding each certificate as a trusted entry under its alias. */
    public static KeyStore trustStore(String type, Map<String, X509Certificate> trusted) {
        KeyStore keyStore = empty(type);
        try {
            for (Map.Entry<String, X509Certificate> entry : trusted.entrySet()) {
                keyStore.setCertificateEntry(entry.getKey(), entry.getValue());
            }
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add trusted certificates to a " + type + " keystore", e);
        }
    }

    /** Writes a trust store file of {@code type}; see {@link #trustStore}. */
    public static void writeTrustStore(
            Path file, String type, Map<String, X509Certificate> trusted, char[] password) {
        write(file, trustStore(type, trusted), password);
    }

    /** An in-memory keystore of {@code type} with one private key entry per alias, each protected by {@code password}. */
    public static KeyStore keyStore(String type, Map<String, IssuedCredential> credentials, char[] password) {
        KeyStore keyStore = empty(type);
        try {
            for (Map.Entry<String, IssuedCredential> entry : credentials.entrySet()) {
                IssuedCredential credential = entry.getValue();
                keyStore.setKeyEntry(entry.getKey(), credential.privateKey(), password,
                        credential.chain().toArray(new Certificate[0]));
            }
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add private keys to a " + type + " keystore", e);
        }
    }

    /** Writes a keystore file of {@code type}; see {@link #keyStore}. */
    public static void writeKeyStore(
            Path file, String type, Map<String, IssuedCredential> credentials, char[] password) {
        write(file, keyStore(type, credentials, password), password);
    }

    /** Writes {@code keyStore} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, KeyStore keyStore, char[] password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            keyStore.store(bytes, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the " + keyStore.getType() + " keystore for " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the " + keyStore.getType() + " keystore for " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}

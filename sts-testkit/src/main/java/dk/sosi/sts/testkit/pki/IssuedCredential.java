package dk.sosi.sts.testkit.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable. A private key with its certificate and chain (leaf first, then intermediates, then
 * the root), as a CA issued it or as read back from a keystore.
 */
public final class IssuedCredential {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    /**
     * @param chain starts with {@code certificate}
     * @throws IllegalArgumentException if the chain does not start with the certificate, or the
     *                                  RSA key does not belong to the certificate
     */
    public IssuedCredential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty() || !this.chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate of "
                    + certificate.getSubjectX500Principal());
        }
        if (privateKey instanceof RSAKey rsaPrivate && certificate.getPublicKey() instanceof RSAKey rsaPublic
                && !rsaPrivate.getModulus().equals(rsaPublic.getModulus())) {
            throw new IllegalArgumentException("the private key does not belong to the certificate of "
                    + certificate.getSubjectX500Principal());
        }
    }

    /**
     * Reads the private key entry {@code alias} of a JKS or PKCS#12 file whose key is protected by
     * the store password.
     *
     * @throws IllegalStateException if the file has no private key entry under {@code alias}
     */
    public static IssuedCredential read(Path file, String alias, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance(file.toFile(), password);
            Key key = keyStore.getKey(alias, password);
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null) {
                throw new IllegalStateException("no private key entry '" + alias + "' in " + file);
            }
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return new IssuedCredential(privateKey, certificates.get(0), certificates);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read private key entry '" + alias + "' of " + file, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Leaf first, then intermediates, then the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** An in-memory keystore of {@code type} ("JKS", "PKCS12") with this credential under {@code alias}. */
    public KeyStore toKeyStore(String type, String alias, char[] password) {
        return KeystoreFiles.keyStore(type, Map.of(alias, this), password);
    }

    /** Writes this credential as a PKCS#12 file, atomically; key and file share the password. */
    public void writePkcs12(Path file, String alias, char[] password) {
        KeystoreFiles.writeKeyStore(file, KeystoreFiles.PKCS12, Map.of(alias, this), password);
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + certificate.getSubjectX500Principal() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]";
    }
}

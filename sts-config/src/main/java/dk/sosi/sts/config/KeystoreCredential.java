package dk.sosi.sts.config;

import dk.sosi.sts.trust.StsCredential;
import java.io.File;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.FactoryBean;

/**
 * Loads a private key and its certificate chain from a Java keystore file, such as the STS's own
 * {@code teststs-1.keystore}; properties {@code keystoreFile}, {@code keystorePassword}, {@code keyAlias}
 * (the only alias holding a key when left out) and {@code previousKeyAlias} (optional: after a key
 * rollover, the entry of the previous key or its certificate, kept so that tokens the STS signed with it
 * are still accepted back, e.g. id-cards at Sosi2OIOSaml, until they expire). Fails start-up with the file
 * name when anything is wrong.
 */
public final class KeystoreCredential implements FactoryBean<StsCredential> {

    private String keystoreFile;
    private String keystorePassword;
    private String keyAlias;
    private String previousKeyAlias;

    public void setKeystoreFile(String keystoreFile) {
        this.keystoreFile = keystoreFile;
    }

    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
    }

    public void setPreviousKeyAlias(String previousKeyAlias) {
        this.previousKeyAlias = previousKeyAlias == null || previousKeyAlias.isBlank() ? null : previousKeyAlias.strip();
    }

    @Override
    public StsCredential getObject() {
        try {
            KeyStore keyStore = load();
            char[] password = keystorePassword.toCharArray();
            String alias = alias(keyStore);
            Key key = keyStore.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new StartupException("Keystore " + keystoreFile + " has no private key under alias " + alias);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : keyStore.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            return new StsCredential(privateKey, chain, previous(keyStore).map(List::of).orElse(List.of()));
        } catch (StartupException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException("Cannot read keystore " + keystoreFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Class<?> getObjectType() {
        return StsCredential.class;
    }

    /** The keystore's file name, e.g. {@code teststs-1.keystore}, as the certificate inventory names it. */
    public String keystoreName() {
        return new File(keystoreFile).getName();
    }

    /** The credential's certificates by alias, as {@code /sts/certificates} lists them: current and previous. */
    public Map<String, X509Certificate> certificatesByAlias(StsCredential credential) {
        Map<String, X509Certificate> byAlias = new TreeMap<>();
        byAlias.put(alias(), credential.certificate());
        if (previousKeyAlias != null) {
            credential.previousCertificates().forEach(certificate -> byAlias.put(previousKeyAlias, certificate));
        }
        return byAlias;
    }

    private Optional<X509Certificate> previous(KeyStore keyStore) throws Exception {
        if (previousKeyAlias == null) {
            return Optional.empty();
        }
        if (!(keyStore.getCertificate(previousKeyAlias) instanceof X509Certificate certificate)) {
            throw new StartupException("Keystore " + keystoreFile + " has no certificate under previousKeyAlias "
                    + previousKeyAlias);
        }
        return Optional.of(certificate);
    }

    /** The alias of the credential: {@code keyAlias}, or the keystore's only key entry. */
    public String alias() {
        try {
            return alias(load());
        } catch (StartupException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException("Cannot read keystore " + keystoreFile + ": " + e.getMessage(), e);
        }
    }

    private KeyStore load() throws Exception {
        if (keystoreFile == null || keystorePassword == null) {
            throw new StartupException("A keystore credential needs keystoreFile and keystorePassword");
        }
        File file = new File(keystoreFile);
        if (!file.isFile()) {
            throw new StartupException("Keystore " + keystoreFile + " does not exist");
        }
        return KeyStore.getInstance(file, keystorePassword.toCharArray());
    }

    private String alias(KeyStore keyStore) throws Exception {
        return keyAlias != null ? keyAlias : onlyKeyAlias(keyStore);
    }

    private String onlyKeyAlias(KeyStore keyStore) throws Exception {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : java.util.Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias) && !alias.equalsIgnoreCase(previousKeyAlias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new StartupException("Keystore " + keystoreFile + " holds " + keyAliases.size()
                    + " keys " + keyAliases + "; set keyAlias to choose one");
        }
        return keyAliases.get(0);
    }
}

package dk.sosi.sts.config;

import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.trust.StsKeyRing;
import dk.sosi.sts.trust.StsKeys;
import java.io.File;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;

/**
 * The STS's own keys (bean {@code stsCredential}) from a Java keystore file such as {@code teststs-1.keystore};
 * properties {@code keystoreFile}, {@code keystorePassword}, {@code keyAlias} (the only alias holding a key
 * when left out), {@code previousKeyAlias} (optional: after a key rollover, the entry of the previous key or
 * its certificate, kept so that tokens the STS signed with it are still accepted back, e.g. id-cards at
 * Sosi2OIOSaml, until they expire), and for a planned rollover {@code nextKeyAlias} with {@code nextKeyFrom}
 * (an ISO-8601 instant such as {@code 2027-03-01T02:00:00Z}): from that instant tokens are signed with the
 * next key, while the current one stays trusted. The file is read again when it changes (bean
 * {@value BeanNames#TRUST_STORES}); a start with anything wrong fails naming the file, a later bad reading
 * keeps the last good keys.
 */
public final class KeystoreCredential implements FactoryBean<StsKeys>, BeanFactoryAware {

    private String keystoreFile;
    private String keystorePassword;
    private String keyAlias;
    private String previousKeyAlias;
    private String nextKeyAlias;
    private String nextKeyFrom;
    private TrustStores trustStores = new TrustStores();
    private Clock clock = Clock.systemUTC();
    private ReloadingFile<StsKeyRing.Keys> keys;

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
        this.previousKeyAlias = blankToNull(previousKeyAlias);
    }

    public void setNextKeyAlias(String nextKeyAlias) {
        this.nextKeyAlias = blankToNull(nextKeyAlias);
    }

    public void setNextKeyFrom(String nextKeyFrom) {
        this.nextKeyFrom = blankToNull(nextKeyFrom);
    }

    /** Watches the keystore with the others, in a running STS, and takes its clock. */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        trustStores = TrustStores.of(beanFactory);
        if (beanFactory.containsBean(BeanNames.CLOCK)) {
            clock = beanFactory.getBean(BeanNames.CLOCK, Clock.class);
        }
    }

    @Override
    public synchronized StsKeys getObject() {
        if (keys == null) {
            if (keystoreFile == null || keystorePassword == null) {
                throw new StartupException("A keystore credential needs keystoreFile and keystorePassword");
            }
            Instant from = nextFrom();
            keys = trustStores.watch(BeanNames.STS_CREDENTIAL, Path.of(keystoreFile).toAbsolutePath().normalize(),
                    file -> read(file, from), StsKeyRing.Keys::byAlias);
        }
        return new StsKeyRing(keys, clock);
    }

    @Override
    public Class<?> getObjectType() {
        return StsKeys.class;
    }

    /** The keystore's file name, e.g. {@code teststs-1.keystore}, as the certificate inventory names it. */
    public String keystoreName() {
        return new File(keystoreFile).getName();
    }

    /** The certificates of the STS in use by alias, as {@code /sts/certificates} lists them: current, next and previous. */
    public Map<String, X509Certificate> certificatesByAlias() {
        getObject();
        return keys.get().byAlias();
    }

    private Instant nextFrom() {
        if (nextKeyAlias == null) {
            return Instant.MAX;
        }
        if (nextKeyFrom == null) {
            throw new StartupException("Bean '" + BeanNames.STS_CREDENTIAL + "' has nextKeyAlias " + nextKeyAlias
                    + " but no nextKeyFrom: set the instant to sign with it from, such as 2027-03-01T02:00:00Z");
        }
        try {
            return Instant.parse(nextKeyFrom);
        } catch (DateTimeParseException e) {
            throw new StartupException("nextKeyFrom of bean '" + BeanNames.STS_CREDENTIAL
                    + "' must be an instant such as 2027-03-01T02:00:00Z, was " + nextKeyFrom, e);
        }
    }

    private StsKeyRing.Keys read(Path file, Instant nextFrom) {
        try {
            KeyStore keyStore = KeyStore.getInstance(file.toFile(), keystorePassword.toCharArray());
            String alias = keyAlias != null ? keyAlias : onlyKeyAlias(keyStore);
            Entry current = entry(keyStore, alias, "keyAlias");
            Optional<X509Certificate> previous = previous(keyStore);
            Optional<Entry> next = nextKeyAlias == null ? Optional.empty() : Optional.of(entry(keyStore, nextKeyAlias, "nextKeyAlias"));
            Map<String, X509Certificate> byAlias = new TreeMap<>();
            byAlias.put(alias, current.certificate());
            previous.ifPresent(certificate -> byAlias.put(previousKeyAlias, certificate));
            next.ifPresent(entry -> byAlias.put(nextKeyAlias, entry.certificate()));
            return new StsKeyRing.Keys(
                    current.credential(Stream.concat(previous.stream(), next.map(Entry::certificate).stream()).toList()),
                    next.map(entry -> entry.credential(Stream.concat(previous.stream(), Stream.of(current.certificate())).toList())),
                    nextFrom, byAlias);
        } catch (StartupException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException("Cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private Entry entry(KeyStore keyStore, String alias, String property) throws Exception {
        Key key = keyStore.getKey(alias, keystorePassword.toCharArray());
        if (!(key instanceof PrivateKey privateKey)) {
            throw new StartupException("Keystore " + keystoreFile + " has no private key under " + property + " " + alias);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : keyStore.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new Entry(privateKey, chain);
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

    private String onlyKeyAlias(KeyStore keyStore) throws Exception {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias) && !alias.equalsIgnoreCase(previousKeyAlias) && !alias.equalsIgnoreCase(nextKeyAlias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new StartupException("Keystore " + keystoreFile + " holds " + keyAliases.size()
                    + " keys " + keyAliases + "; set keyAlias to choose one");
        }
        return keyAliases.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Entry(PrivateKey privateKey, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }

        /** @param others the STS's other certificates that tokens it gets back may be signed with */
        StsCredential credential(List<X509Certificate> others) {
            return new StsCredential(privateKey, chain, others);
        }
    }
}

package dk.sosi.sts.demo;

import static dk.sosi.sts.demo.DemoConfiguration.BACKEND_CLIENT_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.BACKEND_CLIENT_KEYSTORE;
import static dk.sosi.sts.demo.DemoConfiguration.CA_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.CLIENT_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.CLIENT_FOLDER;
import static dk.sosi.sts.demo.DemoConfiguration.DIGST_TRUSTSTORE;
import static dk.sosi.sts.demo.DemoConfiguration.FEDERATION_TRUSTSTORE;
import static dk.sosi.sts.demo.DemoConfiguration.ISSUING_CA_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.ISSUING_CA_CREDENTIAL;
import static dk.sosi.sts.demo.DemoConfiguration.ISSUING_CA_CRL;
import static dk.sosi.sts.demo.DemoConfiguration.ISSUING_CA_CRL_URL;
import static dk.sosi.sts.demo.DemoConfiguration.JWT_IDP_CREDENTIAL;
import static dk.sosi.sts.demo.DemoConfiguration.JWT_IDP_KID;
import static dk.sosi.sts.demo.DemoConfiguration.JWT_IDP_TRUSTSTORE;
import static dk.sosi.sts.demo.DemoConfiguration.NEMLOGIN_IDP_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.NEMLOGIN_IDP_CREDENTIAL;
import static dk.sosi.sts.demo.DemoConfiguration.NEMLOGIN_IDP_TRUSTSTORE;
import static dk.sosi.sts.demo.DemoConfiguration.PROPERTIES_FILE;
import static dk.sosi.sts.demo.DemoConfiguration.README_FILE;
import static dk.sosi.sts.demo.DemoConfiguration.ROOT_CA_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.ROOT_CA_CREDENTIAL;
import static dk.sosi.sts.demo.DemoConfiguration.ROOT_CA_CRL;
import static dk.sosi.sts.demo.DemoConfiguration.ROOT_CA_CRL_URL;
import static dk.sosi.sts.demo.DemoConfiguration.STS_ALIAS;
import static dk.sosi.sts.demo.DemoConfiguration.STS_KEYSTORE;

import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.pki.PkiException;
import dk.sosi.sts.testkit.pki.AtomicFiles;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-confined. Generates the demo PKI into a folder, and re-signs its CRLs when they are about
 * to go stale. {@link DemoConfigurationFolder} decides when.
 */
final class DemoPki {

    static final String ROOT_CA_DN = "CN=SOSI Demo Root CA, O=SOSI-STS demo, C=DK";
    static final String ISSUING_CA_DN = "CN=SOSI Demo Issuing CA 1, O=SOSI-STS demo, C=DK";
    static final String UNTRUSTED_CA_DN = "CN=Untrusted Demo CA, O=Not the SOSI-STS demo, C=DK";
    static final String STS_DN = "CN=SOSI Test Federation (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:18911861, O=SOSI-STS demo // CVR:33257872, C=DK";
    static final String BACKEND_CLIENT_DN = "CN=SOSI STS backend-klient (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:94731315, O=SOSI-STS demo // CVR:33257872, C=DK";
    static final String JWT_IDP_DN = "CN=Demo JWT IdP (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:51413722, O=SOSI-STS demo // CVR:33257872, C=DK";
    /** OCES3 organisation certificates carry a UUID; a new one per generated folder. */
    static final String NEMLOGIN_IDP_DN_FORMAT = "CN=Demo NemLog-in IdP + SERIALNUMBER=UI:DK-O:G:%s, O=SOSI-STS demo, C=DK";

    static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** A CRL closer than this to its nextUpdate is re-signed, so a demo folder never serves a stale one. */
    static final Duration CRL_REFRESH_MARGIN = Duration.ofDays(1);

    /** Every file the generator writes, relative to the folder; the properties file comes last. */
    static final List<String> GENERATED_FILES = generatedFiles();
    /** Clients added after demo folders were first generated: a reused folder that lacks them is given them. */
    static final Set<DemoClient> ADDED_CLIENTS = Collections.unmodifiableSet(
            EnumSet.of(DemoClient.SYSTEM_FOCES3, DemoClient.EMPLOYEE_MOCES3));

    private static final Logger LOG = LoggerFactory.getLogger(DemoPki.class);

    private final Path folder;
    private final Instant now;
    private final KeyPairSource keys;
    private final char[] password = DemoConfiguration.DEFAULT_PASSWORD.toCharArray();
    private final Map<String, String> properties = new LinkedHashMap<>();

    DemoPki(Path folder, Instant now, KeyPairSource keys) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.now = Objects.requireNonNull(now, "now");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Writes every file of {@link #GENERATED_FILES}, each atomically, {@value DemoConfiguration#PROPERTIES_FILE} last. */
    DemoConfiguration generate() {
        Instant notBefore = now.minus(Duration.ofDays(1));
        properties.put("created", now.toString());
        properties.put("password", DemoConfiguration.DEFAULT_PASSWORD);
        properties.put("crl.url", ISSUING_CA_CRL_URL);
        properties.put("crl.root.url", ROOT_CA_CRL_URL);

        CertificateAuthority root = CertificateAuthority.createRoot(ROOT_CA_DN, notBefore, years(notBefore, 20), keys);
        CertificateAuthority issuing = root.issueIntermediate(
                ISSUING_CA_DN, notBefore, years(notBefore, 10), URI.create(ROOT_CA_CRL_URL));
        root.credential().writePkcs12(file(ROOT_CA_CREDENTIAL), CA_ALIAS, password);
        issuing.credential().writePkcs12(file(ISSUING_CA_CREDENTIAL), CA_ALIAS, password);
        record("ca.root", ROOT_CA_CREDENTIAL, root.certificate());
        record("ca.issuing", ISSUING_CA_CREDENTIAL, issuing.certificate());
        properties.put("ca.alias", CA_ALIAS);

        writeTrustStore(FEDERATION_TRUSTSTORE, Map.of(
                ROOT_CA_ALIAS, root.certificate(), ISSUING_CA_ALIAS, issuing.certificate()));
        properties.put("federation.aliases", ROOT_CA_ALIAS + "," + ISSUING_CA_ALIAS);
        writeTrustStore(DIGST_TRUSTSTORE, Map.of(ROOT_CA_ALIAS, root.certificate()));
        properties.put("digst.alias", ROOT_CA_ALIAS);

        writeKeyStore("sts", STS_KEYSTORE, STS_ALIAS, issuing.issue(leaf(STS_DN, notBefore)));
        writeKeyStore("backend", BACKEND_CLIENT_KEYSTORE, BACKEND_CLIENT_ALIAS,
                issuing.issue(leaf(BACKEND_CLIENT_DN, notBefore)));

        IssuedCredential nemLoginIdp = issuing.issue(
                leaf(String.format(NEMLOGIN_IDP_DN_FORMAT, UUID.randomUUID()), notBefore));
        writeTrustStore(NEMLOGIN_IDP_TRUSTSTORE, Map.of(NEMLOGIN_IDP_ALIAS, nemLoginIdp.certificate()));
        nemLoginIdp.writePkcs12(file(NEMLOGIN_IDP_CREDENTIAL), NEMLOGIN_IDP_ALIAS, password);
        properties.put("nemlogin.truststore", NEMLOGIN_IDP_TRUSTSTORE);
        properties.put("nemlogin.alias", NEMLOGIN_IDP_ALIAS);
        record("nemlogin", NEMLOGIN_IDP_CREDENTIAL, nemLoginIdp.certificate());

        IssuedCredential jwtIdp = issuing.issue(leaf(JWT_IDP_DN, notBefore));
        writeTrustStore(JWT_IDP_TRUSTSTORE, Map.of(JWT_IDP_KID, jwtIdp.certificate()));
        jwtIdp.writePkcs12(file(JWT_IDP_CREDENTIAL), JWT_IDP_KID, password);
        properties.put("jwt.truststore", JWT_IDP_TRUSTSTORE);
        properties.put("jwt.kid", JWT_IDP_KID);
        record("jwt", JWT_IDP_CREDENTIAL, jwtIdp.certificate());

        BigInteger revokedSerial = writeClients(root, issuing, notBefore);

        writeCrl(ISSUING_CA_CRL, issuing.crl(Set.of(revokedSerial), now, now.plus(CRL_VALIDITY)));
        writeCrl(ROOT_CA_CRL, root.crl(Set.of(), now, now.plus(CRL_VALIDITY)));
        properties.put("crl.issuing", ISSUING_CA_CRL);
        properties.put("crl.root", ROOT_CA_CRL);

        AtomicFiles.write(file(README_FILE), README.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file(PROPERTIES_FILE), propertiesText().getBytes(StandardCharsets.ISO_8859_1));
        return new DemoConfiguration(folder, now, DemoConfiguration.DEFAULT_PASSWORD, URI.create(ISSUING_CA_CRL_URL));
    }

    /** Writes the client credentials; returns the serial of the one that the issuing CA's CRL must list. */
    private BigInteger writeClients(CertificateAuthority root, CertificateAuthority issuing, Instant notBefore) {
        CertificateAuthority untrusted =
                CertificateAuthority.createRoot(UNTRUSTED_CA_DN, notBefore, years(notBefore, 20), keys);
        properties.put("client.alias", CLIENT_ALIAS);
        BigInteger revokedSerial = null;
        for (DemoClient client : DemoClient.values()) {
            IssuedCredential credential = switch (client) {
                case EMPLOYEE_MOCES_EXPIRED -> {
                    // Ended yesterday; it starts before its issuer, which path validation does not mind.
                    Instant notAfter = now.minus(Duration.ofDays(1));
                    yield issuing.issue(CertificateRequest.builder(client.subjectDn(), years(notAfter, -3), notAfter)
                            .crlDistributionPoint(URI.create(ISSUING_CA_CRL_URL)).build());
                }
                case UNTRUSTED_FOCES -> untrusted.issue(
                        CertificateRequest.builder(client.subjectDn(), notBefore, years(notBefore, 3)).build());
                default -> issuing.issue(leaf(client.subjectDn(), notBefore));
            };
            if (client == DemoClient.EMPLOYEE_MOCES_REVOKED) {
                revokedSerial = credential.certificate().getSerialNumber();
            }
            writeClient(client, credential);
        }
        return Objects.requireNonNull(revokedSerial, "revokedSerial");
    }

    private void writeClient(DemoClient client, IssuedCredential credential) {
        String relative = CLIENT_FOLDER + "/" + client.fileName();
        credential.writePkcs12(file(relative), CLIENT_ALIAS, password);
        record(client.propertyKey(), relative, credential.certificate());
    }

    /**
     * Issues each of {@link #ADDED_CLIENTS} that {@code configuration}'s folder lacks with the folder's
     * issuing CA, as {@link #generate()} would have, and adds it to {@value DemoConfiguration#PROPERTIES_FILE}.
     */
    static void issueAddedClients(DemoConfiguration configuration, Instant now) {
        List<DemoClient> missing = ADDED_CLIENTS.stream()
                .filter(client -> !Files.exists(configuration.clientCredential(client)))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        DemoPki pki = new DemoPki(configuration.folder(), now, KeyPairSource.fresh());
        CertificateAuthority issuing = configuration.loadIssuingCa(KeyPairSource.fresh());
        for (DemoClient client : missing) {
            pki.writeClient(client, issuing.issue(pki.leaf(client.subjectDn(), now.minus(Duration.ofDays(1)))));
        }
        try {
            String text = Files.readString(configuration.propertiesFile(), StandardCharsets.ISO_8859_1);
            AtomicFiles.write(configuration.propertiesFile(),
                    (text + pki.propertyLines()).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configuration.propertiesFile(), e);
        }
        LOG.info("Added the demo clients {} to {}", missing, configuration.folder());
    }

    /** Re-signs either CRL of {@code configuration} whose nextUpdate is less than a day after {@code now}. */
    static void refreshStaleCrls(DemoConfiguration configuration, Instant now) {
        refreshIfStale(configuration.issuingCaCrl(),
                () -> configuration.loadIssuingCa(KeyPairSource.fresh()), now);
        refreshIfStale(configuration.rootCaCrl(), configuration::loadRootCa, now);
    }

    private static void refreshIfStale(Path file, Supplier<CertificateAuthority> issuer, Instant now) {
        X509CRL current = readCrl(file);
        if (current.getNextUpdate().toInstant().isAfter(now.plus(CRL_REFRESH_MARGIN))) {
            return;
        }
        // Keep each entry's revocation date: a refresh re-publishes the revocations, it does not repeat them.
        Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
        if (current.getRevokedCertificates() != null) {
            current.getRevokedCertificates().forEach(
                    entry -> revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant()));
        }
        writeCrl(file, issuer.get().crl(revoked, now, now.plus(CRL_VALIDITY)));
        LOG.info("Re-signed the demo CRL {}: it was valid until {}", file, current.getNextUpdate().toInstant());
    }

    static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRL " + file, e);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot parse CRL " + file, e);
        }
    }

    private void writeCrl(String relative, X509CRL crl) {
        writeCrl(file(relative), crl);
    }

    private static void writeCrl(Path file, X509CRL crl) {
        try {
            AtomicFiles.write(file, crl.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot encode CRL for " + file, e);
        }
    }

    private CertificateRequest leaf(String subjectDn, Instant notBefore) {
        return CertificateRequest.builder(subjectDn, notBefore, years(notBefore, 3))
                .crlDistributionPoint(URI.create(ISSUING_CA_CRL_URL))
                .build();
    }

    private void writeTrustStore(String relative, Map<String, X509Certificate> trusted) {
        KeystoreFiles.writeTrustStore(file(relative), KeystoreFiles.JKS, trusted, password);
    }

    private void writeKeyStore(String key, String relative, String alias, IssuedCredential credential) {
        KeystoreFiles.writeKeyStore(file(relative), KeystoreFiles.JKS, Map.of(alias, credential), password);
        properties.put(key + ".alias", alias);
        record(key, relative, credential.certificate());
    }

    private void record(String key, String relative, X509Certificate certificate) {
        properties.put(key + ".file", relative);
        properties.put(key + ".subject", certificate.getSubjectX500Principal().toString());
        if (certificate.getBasicConstraints() < 0) {
            properties.put(key + ".subjectSerialNumber", CertificateNames.subjectSerialNumber(certificate));
        }
        properties.put(key + ".notAfter", certificate.getNotAfter().toInstant().toString());
    }

    private Path file(String relative) {
        return folder.resolve(relative);
    }

    private static Instant years(Instant from, int years) {
        return from.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /** java.util.Properties format, in generation order (Properties.store would shuffle the keys). */
    private String propertiesText() {
        return "# SOSI-STS demo PKI, generated by " + DemoConfigurationFolder.class.getName()
                + ". Demo only: never use these keys outside a test or demo.\n"
                + "# While this file exists the folder is reused as it is; see " + README_FILE + ".\n"
                + propertyLines();
    }

    private String propertyLines() {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        return text.toString();
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static List<String> generatedFiles() {
        List<String> files = new ArrayList<>(List.of(ROOT_CA_CREDENTIAL, ISSUING_CA_CREDENTIAL,
                FEDERATION_TRUSTSTORE, DIGST_TRUSTSTORE, STS_KEYSTORE, BACKEND_CLIENT_KEYSTORE,
                NEMLOGIN_IDP_TRUSTSTORE, NEMLOGIN_IDP_CREDENTIAL, JWT_IDP_TRUSTSTORE, JWT_IDP_CREDENTIAL));
        for (DemoClient client : DemoClient.values()) {
            files.add(CLIENT_FOLDER + "/" + client.fileName());
        }
        files.addAll(List.of(ISSUING_CA_CRL, ROOT_CA_CRL, README_FILE, PROPERTIES_FILE));
        return List.copyOf(files);
    }

    private static final String README = """
            SOSI-STS demo configuration folder
            ==================================

            Generated on first start of the demo; see demo-pki.properties for subjects, serial
            numbers, aliases and expiry dates. Every keystore and PKCS#12 file, and every key in
            them, has the password Test1234. DEMO ONLY: these keys are not secret.

            The folder is laid out like the production folder /pack/sts (operations guide,
            "Java keystores"). While demo-pki.properties exists it is reused as it is; delete the
            whole folder to get a new PKI. Files are written one by one atomically and
            demo-pki.properties last, so a folder without it is an interrupted generation and is
            generated again.

            PKI: "SOSI Demo Root CA" (20 years) -> "SOSI Demo Issuing CA 1" (10 years) -> leaves
            (3 years). Leaves point to the CRL at
              http://127.0.0.1:8080/sts/demo-crl/issuing-ca-1.crl
            and the issuing CA to http://127.0.0.1:8080/sts/demo-crl/root-ca.crl: the demo STS
            serves the files under crl/ there.

            teststs-1.keystore              JKS, alias "sts": the STS's own key and FOCES-like
                                            certificate (CVR:33257872-FID:18911861); signs every
                                            token the STS issues.
            federation-trust.jks            JKS: the trust anchors of the DGWS exchange (demo root
                                            and issuing CA); client certificates must chain to them.
            testtdc.keystore                JKS: truststore for the PID/CVR-RID services (demo root).
            nsp-test-rid.jks                JKS, alias "nsp-test-rid": the STS's client identity
                                            towards backends (PID, CVR-RID, procuration).
            test-new-nemLogin-idp.keystore  JKS: trusted IdPs for OIOSaml2Sosi; holds the demo
                                            NemLog-in IdP under "demo_nemlogin_idp".
            test-jwt-idp-trust.jks          JKS: trusted JWT issuers for JWT2Idws/JWT2OIOSaml; the
                                            alias is the JWT's kid ("demo-jwt-idp").
            idp/demo-nemlogin-idp.p12       the demo NemLog-in IdP's key, to sign test assertions.
            idp/demo-jwt-idp.p12            the demo JWT IdP's key, to sign test JWTs.
            clients/*.p12                   client credentials (alias "client") for the demo client:
              demo-system-foces.p12           system, FOCES (level 3)
              demo-system-voces.p12           system, VOCES (level 3)
              demo-employee-moces.p12         employee Karl Hansen, MOCES (level 4)
              demo-system-foces3.p12          system, OCES3 FOCES3 (level 3)
              demo-employee-moces3.p12        employee Karl Hansen, OCES3 MOCES3 (level 4)
              demo-employee-moces-expired.p12 employee whose certificate expired yesterday
              demo-employee-moces-revoked.p12 employee whose certificate is on the CRL
              demo-untrusted-foces.p12        system certificate from a CA nobody trusts
            crl/issuing-ca-1.crl            DER CRL of the issuing CA (lists the revoked employee);
            crl/root-ca.crl                 DER CRL of the root CA (empty). Valid 7 days; the demo
                                            re-signs them on start when they are about to expire.
            ca/demo-root-ca.p12             the CAs' keys (alias "ca"), to re-sign the CRLs and to
            ca/demo-issuing-ca-1.p12        issue further test certificates.
            demo-pki.properties             what was generated; written last.
            """;
}

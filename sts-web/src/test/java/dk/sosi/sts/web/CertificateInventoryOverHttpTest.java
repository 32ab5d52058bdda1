package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.pki.Keystores;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /sts/certificates over HTTP: the backend TLS keystore and truststore of {@code backendClient}
 * (cvr-rid.xml), and a bare public key in {@code iboConfig.publicKey}, listed as a key by its fingerprint.
 */
class CertificateInventoryOverHttpTest {

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    @Test
    void certificatesWhenBackendClientHasKeystoreAndTruststoreThenEachOfTheirCertificatesListed() throws Exception {
        DemoConfiguration demo = sts.embedded().demo();

        List<String> page = sts.get("/certificates").body().lines().toList();

        List<String> expected = listed(demo.backendClientKeystore());
        expected.addAll(listed(demo.digstTrustStore()));
        assertTrue(expected.stream().anyMatch(l -> l.startsWith(DemoConfiguration.BACKEND_CLIENT_KEYSTORE + "/"
                + DemoConfiguration.BACKEND_CLIENT_ALIAS + "\t")), String.join("\n", expected));
        for (String line : expected) {
            assertTrue(page.stream().anyMatch(l -> l.startsWith("OK\t" + line + "\tDays left: ")),
                    line + " in\n" + String.join("\n", page));
        }
    }

    @Test
    void certificatesWhenIboConfigPublicKeyIsABarePublicKeyThenKeyWithFingerprintAndNoExpiry() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey key = generator.generateKeyPair().getPublic();
        String audience = "/bare-key-" + UUID.randomUUID();
        String location = "sts_audconf.iboConfig[" + audience + "].publicKey";
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        sql("INSERT INTO sts_audconf.iboConfig (audience, publicKey, recipientURL, includeBST, deliveryNotOnOrAfterOffset,"
                + " notBeforeOffset, notOnOrAfterOffset) VALUES (?, ?, '/login', true, 0, 0, 3600000)",
                audience, Base64.getMimeEncoder().encodeToString(key.getEncoded()));
        try {
            String page = Await.until(() -> sts.get("/certificates").body(), body -> body.contains(location));

            assertTrue(page.lines().anyMatch(("Key\t" + location + "\tRSA key SHA-256:" + fingerprint
                    + "\tExpires: -\tDays left: -")::equals), page);
            String alarm = sts.get("/alarm").body();
            assertFalse(alarm.contains(location), alarm);
        } finally {
            sql("DELETE FROM sts_audconf.iboConfig WHERE audience = ?", audience);
        }
        Await.until(() -> sts.get("/certificates").body(), body -> !body.contains(location));
    }

    /** {@code <file>/<alias>\t<subject>\tExpires: <NotAfter>} for every certificate of a keystore. */
    private static List<String> listed(Path keystore) throws Exception {
        KeyStore store = Keystores.load(keystore, DemoConfiguration.DEFAULT_PASSWORD.toCharArray());
        List<String> lines = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            lines.add(keystore.getFileName() + "/" + alias + "\t" + subject(certificate) + "\tExpires: "
                    + EXPIRES.format(certificate.getNotAfter().toInstant().atZone(ZoneId.systemDefault())));
        }
        assertFalse(lines.isEmpty(), keystore.toString());
        return lines;
    }

    private static String subject(X509Certificate certificate) {
        try {
            return CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }

    private static void sql(String statement, String... parameters) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}

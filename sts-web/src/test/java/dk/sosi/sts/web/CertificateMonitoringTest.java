package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.pki.Keystores;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every certificate the STS uses or trusts, over HTTP: the trust stores' lines on /sts/checkstatus, a
 * certificate an admin inserts into the database alarming on /sts/alarm and listed on /sts/certificates
 * until it is deleted, and an Expiring STS certificate that raises the alarm but leaves /sts/status 200.
 */
class CertificateMonitoringTest {

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final String DATABASE_CERTIFICATES = "Database certificates: ";

    private static StsTestServer sts;
    private static CertificateAuthority issuingCa;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        issuingCa = sts.embedded().demo().loadIssuingCa(KeyPairSource.recycling(1));
    }

    @Test
    void checkstatusWhenTrustStoresHoldDemoIdpsThenOneGuideLineEachAfterTheDatabasesBeforeEos() throws Exception {
        DemoConfiguration demo = sts.embedded().demo();

        List<String> lines = sts.get("/checkstatus").body().lines().toList();

        int nbo = lines.indexOf(trustedLine("NBOTrustStore", demo.nemLoginIdpTrustStore(), DemoConfiguration.NEMLOGIN_IDP_ALIAS));
        int jwt = lines.indexOf(trustedLine("JWTTrustStore", demo.jwtIdpTrustStore(), DemoConfiguration.JWT_IDP_KID));
        int craDb = lines.indexOf(lines.stream().filter(l -> l.startsWith("CRA-DB: ")).findFirst().orElseThrow());
        assertTrue(craDb < nbo && nbo < jwt && jwt < lines.indexOf("EOS"), String.join("\n", lines));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("Trusted certificate ")).count(), String.join("\n", lines));
    }

    @Test
    void alarmWhenAdminInsertsExpiredIboConfigPublicKeyThen500NamingItUntilTheRowIsDeleted() throws Exception {
        String audience = "/certificate-test-" + UUID.randomUUID();
        String location = "sts_audconf.iboConfig[" + audience + "].publicKey";
        Instant notAfter = Instant.now().minus(Duration.ofHours(1));
        X509Certificate expired = issue(Instant.now().minus(Duration.ofDays(30)), notAfter);
        String serialNumber = CertificateNames.subjectSerialNumber(expired);
        sql("INSERT INTO sts_audconf.iboConfig (audience, publicKey, recipientURL, includeBST, deliveryNotOnOrAfterOffset,"
                + " notBeforeOffset, notOnOrAfterOffset, idCardMaxAgeMins) VALUES (?, ?, '/login', true, 0, 0, 3600000, null)",
                audience, base64WithLineBreaks(expired));
        try {
            HttpResponse<String> alarm = await(body -> body.contains("Expired " + location));

            assertEquals(500, alarm.statusCode(), alarm.body());
            assertTrue(alarm.body().lines().anyMatch(l -> l.startsWith(DATABASE_CERTIFICATES)
                    && l.contains("Expired " + location + " -> " + serialNumber + " (NotAfter ")), alarm.body());
            String certificates = sts.get("/certificates").body();
            assertTrue(certificates.lines().anyMatch(l -> l.equals("Expired\t" + location + "\t" + serialNumber
                    + "\tExpires: " + expires(expired) + "\tDays left: -1")), certificates);
        } finally {
            sql("DELETE FROM sts_audconf.iboConfig WHERE audience = ?", audience);
        }
        assertAlarmBackToOk();
    }

    @Test
    void alarmWhenTrustedIdpSigningKeyExpiresInTenDaysThenExpiringOnAlarmAndCertificatesPage() throws Exception {
        String issuer = "https://certificate-test-" + UUID.randomUUID();
        String location = "sts_audconf.trustedIdpConfiguration[" + issuer + "].signingKey.next";
        X509Certificate expiring = issue(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)));
        String privateKey = "MIIG/gIBADANBgkqhkiG9w0BAQEFAASCBugwggbkAgEAAoIBgQDDjbGCHjgv" + UUID.randomUUID();
        sql("INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value) VALUES (?, 'signingKey.next', ?),"
                + " (?, 'encryptionKey.1', ?)", issuer, base64WithLineBreaks(expiring), issuer, privateKey);
        try {
            HttpResponse<String> alarm = await(body -> body.contains("Expiring " + location));

            assertEquals(500, alarm.statusCode(), alarm.body());
            String certificates = sts.get("/certificates").body();
            assertTrue(certificates.lines().anyMatch(l -> l.equals("Expiring\t" + location + "\t"
                    + CertificateNames.subjectSerialNumber(expiring) + "\tExpires: " + expires(expiring) + "\tDays left: 9")),
                    certificates);
            assertFalse(certificates.contains("encryptionKey") || certificates.contains(privateKey), certificates);
        } finally {
            sql("DELETE FROM sts_audconf.trustedIdpConfiguration WHERE issuer = ?", issuer);
        }
        assertAlarmBackToOk();
    }

    @Test
    void statusWhenStsCertificateExpiresWithinHorizonThen200ButAlarm500(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        IssuedCredential expiring = issuingCa.issue(CertificateRequest.builder(
                "CN=SOSI Test Federation + SERIALNUMBER=CVR:33257872-FID:18911861, O=SOSI-STS demo, C=DK",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10))).build());
        KeystoreFiles.writeKeyStore(folder.resolve(DemoConfiguration.STS_KEYSTORE), KeystoreFiles.JKS,
                Map.of(DemoConfiguration.STS_ALIAS, expiring), DemoConfiguration.DEFAULT_PASSWORD.toCharArray());

        try (StsServer renewalDue = StsTestServer.startAnother(folder)) {
            HttpResponse<String> status = get(renewalDue.baseUri().resolve("/sts/status"));
            HttpResponse<String> alarm = get(renewalDue.baseUri().resolve("/sts/alarm"));
            String certificates = get(renewalDue.baseUri().resolve("/sts/certificates")).body();

            assertEquals(200, status.statusCode(), status.body());
            assertEquals("Sts certificate valid: Expiring (9 days left)", status.body().lines().findFirst().orElseThrow());
            assertEquals(500, alarm.statusCode(), alarm.body());
            assertTrue(alarm.body().lines().anyMatch("Sts certificate valid: Expiring (9 days left)"::equals), alarm.body());
            assertTrue(certificates.startsWith("Expiring\tteststs-1.keystore/sts\tCVR:33257872-FID:18911861\tExpires: "),
                    certificates);
        }
    }

    @Test
    void checkstatusWhenExpiredIdpIsOnTheIgnoreListThenIgnoredAndItNeverRaisesTheAlarm(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        X509Certificate expired = issue(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)));
        Path jwtTrust = folder.resolve(DemoConfiguration.JWT_IDP_TRUSTSTORE);
        java.security.KeyStore store = Keystores.load(jwtTrust, DemoConfiguration.DEFAULT_PASSWORD.toCharArray());
        store.setCertificateEntry("expired", expired);
        KeystoreFiles.write(jwtTrust, store, DemoConfiguration.DEFAULT_PASSWORD.toCharArray());
        Path services = folder.resolve("services.xml");
        String xml = java.nio.file.Files.readString(services);
        int jwtCheck = xml.indexOf("<bean id=\"jwtTrustStoreCheck\"");
        int ignored = xml.indexOf("<property name=\"ignoredAliases\"><list/></property>", jwtCheck);
        java.nio.file.Files.writeString(services, xml.substring(0, ignored)
                + "<property name=\"ignoredAliases\"><list><value>expired</value></list></property>"
                + xml.substring(ignored + "<property name=\"ignoredAliases\"><list/></property>".length()));

        try (StsServer withIgnored = StsTestServer.startAnother(folder)) {
            List<String> checkstatus = get(withIgnored.baseUri().resolve("/sts/checkstatus")).body().lines().toList();
            List<String> alarm = get(withIgnored.baseUri().resolve("/sts/alarm")).body().lines().toList();

            assertTrue(checkstatus.contains("Trusted certificate JWTTrustStore/expired -> " + CertificateNames.subjectSerialNumber(expired)
                    + ": Ignored (Expires: " + expires(expired) + ")"), String.join("\n", checkstatus));
            assertTrue(alarm.stream().anyMatch(l -> l.startsWith("JWTTrustStore: OK")), String.join("\n", alarm));
        }
    }

    /** The guide's line for the only certificate of a demo trust store. */
    private static String trustedLine(String label, Path trustStore, String alias) throws Exception {
        X509Certificate certificate = (X509Certificate) Keystores.load(trustStore,
                DemoConfiguration.DEFAULT_PASSWORD.toCharArray()).getCertificate(alias);
        return "Trusted certificate " + label + "/" + alias + " -> " + CertificateNames.subjectSerialNumber(certificate)
                + ": OK (Expires: " + expires(certificate) + ")";
    }

    private static String expires(X509Certificate certificate) {
        return EXPIRES.format(certificate.getNotAfter().toInstant().atZone(ZoneId.systemDefault()));
    }

    /** A certificate the demo PKI issued, as an IdP or receiving system would hand it to an admin. */
    private static X509Certificate issue(Instant notBefore, Instant notAfter) {
        String serialNumber = "CVR:33257872-FID:" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        return issuingCa.issue(CertificateRequest.builder("CN=Certificate test + SERIALNUMBER=" + serialNumber
                + ", O=SOSI-STS tests, C=DK", notBefore, notAfter).build()).certificate();
    }

    /** Base64 broken into lines, as the guide allows ("tilgivende overfor line-breaks og whitespaces"). */
    private static String base64WithLineBreaks(X509Certificate certificate) throws Exception {
        return Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
    }

    private static void sql(String statement, String... parameters) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** After the test's rows are gone, the database certificates are OK and the alarm is as the other checks make it. */
    private static void assertAlarmBackToOk() throws Exception {
        HttpResponse<String> back = await(body -> body.lines().anyMatch(l -> l.startsWith(DATABASE_CERTIFICATES + "OK")));
        assertEquals(back.body().lines().allMatch(l -> l.contains(": OK")) ? 200 : 500, back.statusCode(), back.body());
    }

    /** Polls /sts/alarm until {@code condition} holds: the configuration is re-read every second. */
    private static HttpResponse<String> await(Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> response;
        do {
            response = sts.get("/alarm");
            if (condition.test(response.body())) {
                return response;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("The alarm page never showed the expected state:\n" + response.body());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

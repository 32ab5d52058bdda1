package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.Keystores;
import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.trust.KeyIdentifiers;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation details over HTTP, on an STS node of its own whose CRA database is reached through a proxy
 * that can freeze it: a CA renewed under its name (two keys, one DN) whose keys each publish a CRL, and a
 * CRA database that hangs while requests keep coming.
 */
class RevocationDetailsTest {

    private static final String RENEWED_CA = "CN=Renewal Test CA, O=SOSI-STS tests, C=DK";
    /** Well below the CRA pool's connection timeout (3 s), which a request waiting for the database would take. */
    private static final Duration LATENCY_BOUND = DataSources.DEFAULT_CONNECTION_TIMEOUT.dividedBy(3);
    /** Longer than two rounds of the CRA store's refresh ({@code sts.cra.refresh}, 1 s in tests). */
    private static final Duration FROZEN_LOAD = Duration.ofMillis(2500);

    @TempDir
    static Path folder;

    private static final List<String> SOURCES = new ArrayList<>();
    private static final List<StubMapping> STUBS = new ArrayList<>();
    private static StsTestServer sts;
    private static FreezingProxy craProxy;
    private static StsServer node;
    private static IssuedCredential revokedByOldKey;
    private static IssuedCredential revokedByNewKey;
    private static IssuedCredential validByNewKey;
    private static X509CRL oldKeyCrl;
    private static X509CRL newKeyCrl;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        Instant now = Instant.now();
        CertificateAuthority root = CertificateAuthority.createRoot("CN=Renewal Test Root, O=SOSI-STS tests, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        CertificateAuthority oldKey = root.issueIntermediate(RENEWED_CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        CertificateAuthority newKey = root.issueIntermediate(RENEWED_CA, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
        revokedByOldKey = system(oldKey);
        revokedByNewKey = system(newKey);
        validByNewKey = system(newKey);
        // The new key's list is the newer one: stored by issuer name alone, it would replace the old key's list.
        oldKeyCrl = oldKey.crl(List.of(revokedByOldKey.certificate().getSerialNumber()), now.minusSeconds(2), now.plus(Duration.ofDays(7)));
        newKeyCrl = newKey.crl(List.of(revokedByNewKey.certificate().getSerialNumber()), now.minusSeconds(1), now.plus(Duration.ofDays(7)));

        StsTestServer.copyConfiguration(folder);
        Path federation = folder.resolve(DemoConfiguration.FEDERATION_TRUSTSTORE);
        char[] password = DemoConfiguration.DEFAULT_PASSWORD.toCharArray();
        KeyStore trusted = Keystores.load(federation, password);
        trusted.setCertificateEntry("renewal-root", root.certificate());
        trusted.setCertificateEntry("renewal-ca-old-key", oldKey.certificate());
        trusted.setCertificateEntry("renewal-ca-new-key", newKey.certificate());
        KeystoreFiles.write(federation, trusted, password);
        craProxy = new FreezingProxy(sts.embedded().database().port());
        System.setProperty(StsEnvironment.CRA_JDBC_URL, EmbeddedMariaDb.jdbcUrl(craProxy.port()));
        try {
            node = StsTestServer.startAnother(folder);
        } finally {
            System.clearProperty(StsEnvironment.CRA_JDBC_URL);
        }
        addSource(oldKeyCrl);
        addSource(newKeyCrl);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        craProxy.close();
        for (String url : SOURCES) {
            try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement("DELETE FROM sts_cra.crl_source WHERE url = ?")) {
                s.setString(1, url);
                s.executeUpdate();
            }
        }
        STUBS.forEach(sts.backends()::removeStub);
        // The shared server refuses these lists (their CA is not in its trust store) until the sources are gone.
        Await.until(() -> sts.get("/alarm").body(), body -> body.lines().anyMatch("CRL: OK"::equals));
    }

    @Test
    void issueWhenEachKeyOfARenewedCaRevokesACertificateThenBothRefusedAndCheckstatusListsBothLists() throws Exception {
        assertRevoked(Await.until(() -> issue(revokedByOldKey), response -> response.body().contains("Fault")));
        assertRevoked(Await.until(() -> issue(revokedByNewKey), response -> response.body().contains("Fault")));
        HttpResponse<String> valid = issue(validByNewKey);
        assertTrue(valid.body().contains("RequestSecurityTokenResponse"), valid.body());

        List<String> checkstatus = sts.get(nodeUri("/checkstatus")).body().lines().toList();

        assertTrue(checkstatus.contains(listLine(oldKeyCrl, SOURCES.get(0))), String.join("\n", checkstatus));
        assertTrue(checkstatus.contains(listLine(newKeyCrl, SOURCES.get(1))), String.join("\n", checkstatus));
    }

    @Test
    void issueWhenCraDatabaseFreezesThenAnsweredWithoutWaitingForItAndCachedRevocationsStillApply() throws Exception {
        assertRevoked(Await.until(() -> issue(revokedByNewKey), response -> response.body().contains("Fault")));
        assertTrue(issue(validByNewKey).body().contains("RequestSecurityTokenResponse"));

        craProxy.freeze();
        try {
            HttpResponse<String> alarm = Await.until(() -> sts.get(nodeUri("/alarm")),
                    response -> response.body().lines().anyMatch(l -> l.startsWith("CRA-DB: FAILED")));
            assertEquals(500, alarm.statusCode(), alarm.body());

            Instant until = Instant.now().plus(FROZEN_LOAD);
            int answered = 0;
            do {
                assertRevoked(answeredInTime(revokedByNewKey));
                assertRevoked(answeredInTime(revokedByOldKey));
                HttpResponse<String> valid = answeredInTime(validByNewKey);
                assertTrue(valid.body().contains("RequestSecurityTokenResponse"), valid.body());
                answered += 3;
            } while (Instant.now().isBefore(until));
            assertTrue(answered >= 6, "answered " + answered);
        } finally {
            craProxy.thaw();
        }
        Await.until(() -> sts.get(nodeUri("/alarm")).body(), body -> body.lines().anyMatch("CRA-DB: OK"::equals));
    }

    private static HttpResponse<String> answeredInTime(IssuedCredential signer) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = issue(signer);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(LATENCY_BOUND) < 0, "answered after " + took.toMillis() + " ms");
        return response;
    }

    private static void assertRevoked(HttpResponse<String> response) throws Exception {
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().endsWith(" has been revoked"), fault.faultstring());
    }

    /** The line /sts/checkstatus shows for a stored list. */
    private static String listLine(X509CRL crl, String url) {
        return String.format("CRL of %s, key %s: 1 revoked, thisUpdate %s, nextUpdate %s, from %s",
                crl.getIssuerX500Principal().getName(), KeyIdentifiers.authorityKeyId(crl).orElseThrow(),
                crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), url);
    }

    private static IssuedCredential system(CertificateAuthority ca) {
        return ca.issue(CertificateRequest.builder("CN=Renewal test + SERIALNUMBER=CVR:" + DgwsClientFixture.DEMO_CVR + "-FID:"
                + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999) + ", C=DK",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))).build());
    }

    private static HttpResponse<String> issue(IssuedCredential system) throws Exception {
        String request = DgwsClientFixture.text(DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(),
                system, SignatureAlgorithm.RSA_SHA1, "revocation-details"));
        return sts.post(nodeUri("/services/NewSecurityTokenService"), request.getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8");
    }

    private static URI nodeUri(String path) {
        return URI.create(node.baseUri() + path);
    }

    /** Serves {@code crl} from the backends' WireMock and lists it in sts_cra.crl_source, as an admin would. */
    private static void addSource(X509CRL crl) throws Exception {
        String path = "/crl/renewal-" + UUID.randomUUID() + ".crl";
        STUBS.add(sts.backends().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(crl.getEncoded()))));
        String url = sts.backends().baseUrl() + path;
        SOURCES.add(url);
        try (Connection c = sts.jdbc();
                PreparedStatement s = c.prepareStatement("INSERT INTO sts_cra.crl_source (url, comment) VALUES (?, 'RevocationDetailsTest')")) {
            s.setString(1, url);
            s.executeUpdate();
        }
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocation over HTTP: an admin lists a CRL URL in {@code sts_cra.crl_source}, the STS fetches it
 * (from WireMock here) within its refresh interval (1 s in tests), refuses a certificate it lists,
 * and {@code /sts/alarm} reports a source that stops serving a usable CRL.
 */
class CrlFetchOverHttpTest {

    private static StsTestServer sts;
    private static CertificateAuthority issuingCa;
    private static DemoCrls crls;

    private final List<String> sources = new ArrayList<>();
    private final List<StubMapping> stubs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        issuingCa = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh());
        crls = new DemoCrls(sts.embedded().demo(), issuingCa);
    }

    @AfterEach
    void removeSources() throws Exception {
        for (String url : sources) {
            sql("DELETE FROM sts_cra.crl_source WHERE url = ?", url);
        }
        stubs.forEach(sts.backends()::removeStub);
        // A removed source no longer alarms from the fetcher's next round on: leave the alarm as it was.
        await(() -> sts.get("/alarm").body(), body -> body.lines().anyMatch("CRL: OK"::equals));
    }

    @Test
    void issueWhenSignerRevokedOnCrlOfListedSourceThenRefusedWithinTheRefreshInterval() throws Exception {
        IssuedCredential system = issuingCa.issue(CertificateRequest.builder(
                "CN=Revoked Later + SERIALNUMBER=CVR:" + DgwsClientFixture.DEMO_CVR + "-FID:" + (10000000 + new java.util.Random().nextInt(89999999))
                        + ", C=DK", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))).build());
        assertTrue(issue(system).body().contains("RequestSecurityTokenResponse"), "not revoked yet");
        String path = "/crl/revoked-" + UUID.randomUUID() + ".crl";
        serve(path, aResponse().withStatus(200).withBody(demoIssuingCrlAlsoRevoking(system.certificate().getSerialNumber())));

        addSource(path);

        HttpResponse<String> refused = await(() -> issue(system), response -> response.body().contains("Fault"));
        SoapFaults fault = SoapFaults.of(refused);
        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The signing certificate CVR:" + DgwsClientFixture.DEMO_CVR)
                && fault.faultstring().endsWith(" has been revoked"), fault.faultstring());
    }

    @Test
    void alarmWhenSourceServesGarbageOr404ThenCrlFailedAnd500UntilItServesAGoodCrlAgain() throws Exception {
        String path = "/crl/alarm-" + UUID.randomUUID() + ".crl";
        String url = sts.backends().baseUrl() + path;
        serve(path, aResponse().withStatus(200).withBody("<html>The CRL has moved</html>"));

        addSource(path);

        HttpResponse<String> garbage = await(() -> sts.get("/alarm"), response -> response.body().contains(url));
        assertEquals(500, garbage.statusCode(), garbage.body());
        assertTrue(garbage.body().lines().anyMatch(("CRL: FAILED (the latest download from " + url
                + " failed: the answer is not an X.509 CRL (DER or PEM))")::equals), garbage.body());

        serve(path, aResponse().withStatus(404));
        HttpResponse<String> missing = await(() -> sts.get("/alarm"),
                response -> response.body().contains(url + " failed: answered HTTP 404)"));
        assertEquals(500, missing.statusCode(), missing.body());
        assertTrue(missing.body().lines().anyMatch(("CRL: FAILED (the latest download from " + url
                + " failed: answered HTTP 404)")::equals), missing.body());

        serve(path, aResponse().withStatus(200).withBody(demoIssuingCrlAlsoRevoking()));
        HttpResponse<String> recovered = await(() -> sts.get("/alarm"),
                response -> response.body().lines().anyMatch("CRL: OK"::equals));
        assertEquals(recovered.body().lines().allMatch(l -> l.contains(": OK")) ? 200 : 500, recovered.statusCode(),
                recovered.body());
        List<String> checkstatus = sts.get("/checkstatus").body().lines().toList();
        assertTrue(checkstatus.stream().anyMatch(l -> l.startsWith("CRL, latest failed download: ") && !l.endsWith("never")),
                String.join("\n", checkstatus));
    }

    @Test
    void checkstatusWhenDemoCrlsFetchedFromTheStsItselfThenLatestDownloadsAfterResponseTimes() throws Exception {
        List<String> demoUrls = List.of(sts.uri("/demo-crl/issuing-ca-1.crl").toString(), sts.uri("/demo-crl/root-ca.crl").toString());
        assertEquals(demoUrls, urlsListed(demoUrls));
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(sts.uri("/demo-crl/issuing-ca-1.crl")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertArrayEquals(Files.readAllBytes(sts.embedded().demo().issuingCaCrl()), served.body());

        List<String> lines = await(() -> sts.get("/checkstatus").body().lines().toList(),
                page -> page.stream().anyMatch(l -> l.startsWith("CRL, latest successful download: ") && !l.endsWith("never")));

        int responseTime = lines.indexOf(lines.stream().filter(l -> l.startsWith("Response time, max ")).findFirst().orElseThrow());
        assertTrue(lines.get(responseTime + 1).matches("CRL, latest successful download: \\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ \\d{4}"),
                lines.get(responseTime + 1));
        assertTrue(lines.get(responseTime + 2).startsWith("CRL, latest failed download: "), lines.get(responseTime + 2));
        assertNotEquals("EOS", lines.get(responseTime + 3));
    }

    /** A CRL of the demo issuing CA, made now: what the demo CRL revokes, and {@code more}. */
    @Test
    void alarmWhenDatabaseCertificateRevokedOnAFetchedCrlThenRevokedNamingWhereItIsConfigured() throws Exception {
        IssuedCredential partner = issuingCa.issue(CertificateRequest.builder("CN=Partner + SERIALNUMBER=CVR:"
                + DgwsClientFixture.DEMO_CVR + "-FID:" + (10000000 + new java.util.Random().nextInt(89999999)) + ", C=DK",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(300))).build());
        String path = "/crl/db-revoked-" + UUID.randomUUID() + ".crl";
        serve(path, aResponse().withStatus(200).withBody(demoIssuingCrlAlsoRevoking(partner.certificate().getSerialNumber())));
        addSource(path);
        String audience = "https://revoked-" + UUID.randomUUID();
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement("INSERT INTO sts_audconf.iboConfig (audience, "
                + "publicKey, recipientURL, includeBST, deliveryNotOnOrAfterOffset, notBeforeOffset, notOnOrAfterOffset) "
                + "VALUES (?, ?, 'https://partner/login', true, 0, 0, 3600000)")) {
            s.setString(1, audience);
            s.setString(2, java.util.Base64.getMimeEncoder().encodeToString(partner.certificate().getEncoded()));
            s.executeUpdate();
        }
        try {
            HttpResponse<String> alarm = await(() -> sts.get("/alarm"),
                    response -> response.body().contains("Revoked sts_audconf.iboConfig[" + audience + "].publicKey"));
            assertEquals(500, alarm.statusCode(), alarm.body());
        } finally {
            sql("DELETE FROM sts_audconf.iboConfig WHERE audience = ?", audience);
        }
        await(() -> sts.get("/alarm").body(), body -> !body.contains(audience));
    }

    @Test
    void alarmWhenStoredCrlPassesItsNextUpdateThenCrlFailedUntilANewerOneArrives() throws Exception {
        String path = "/crl/stale-" + UUID.randomUUID() + ".crl";
        Instant now = Instant.now();
        serve(path, aResponse().withStatus(200).withBody(demoIssuingCrl(now.minusSeconds(1), now.plusSeconds(3))));
        addSource(path);

        HttpResponse<String> stale = await(() -> sts.get("/alarm"), response -> response.body().contains("past its NextUpdate"));
        assertEquals(500, stale.statusCode(), stale.body());

        serve(path, aResponse().withStatus(200).withBody(demoIssuingCrlAlsoRevoking()));
        await(() -> sts.get("/alarm").body(), body -> body.lines().anyMatch("CRL: OK"::equals));
    }

    private static byte[] demoIssuingCrlAlsoRevoking(BigInteger... more) throws Exception {
        return crls.alsoRevoking(more);
    }

    private static byte[] demoIssuingCrl(Instant thisUpdate, Instant nextUpdate, BigInteger... more) throws Exception {
        return crls.crl(thisUpdate, nextUpdate, more);
    }

    private HttpResponse<String> issue(IssuedCredential system) throws Exception {
        return sts.post("/services/NewSecurityTokenService", DgwsClientFixture.text(DgwsClientFixture.request(
                DgwsClientFixture.systemCard(system.certificate()).build(), system, SignatureAlgorithm.RSA_SHA1, "crl-fetch")),
                "text/xml; charset=utf-8");
    }

    private void serve(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        stubs.add(sts.backends().stubFor(get(urlEqualTo(path)).willReturn(response)));
    }

    /** As an admin would: {@code INSERT INTO sts_cra.crl_source (url, comment) VALUES (…)}. */
    private void addSource(String path) throws Exception {
        String url = sts.backends().baseUrl() + path;
        sources.add(url);
        sql("INSERT INTO sts_cra.crl_source (url, comment) VALUES (?, 'CrlFetchOverHttpTest')", url);
    }

    private static List<String> urlsListed(List<String> urls) throws Exception {
        List<String> listed = new ArrayList<>();
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement("SELECT url FROM sts_cra.crl_source WHERE url = ?")) {
            for (String url : urls) {
                s.setString(1, url);
                try (ResultSet result = s.executeQuery()) {
                    while (result.next()) {
                        listed.add(result.getString(1));
                    }
                }
            }
        }
        return listed;
    }

    private static void sql(String statement, String url) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, url);
            s.executeUpdate();
        }
    }

    private static <T> T await(Callable<T> probe, Predicate<T> condition) throws Exception {
        return Await.until(probe, condition);
    }
}

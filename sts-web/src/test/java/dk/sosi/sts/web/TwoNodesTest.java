package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Two STS nodes on one database, as behind a load balancer: what an admin puts in the configuration
 * tables and what either node stores in the CRA database reaches both, and both sign with the same key.
 * Node B fetches no CRLs itself (its fetcher runs once a day), so a CRL it uses was fetched by node A.
 */
class TwoNodesTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final Pattern AUDIENCES = Pattern.compile("audienceConfiguration (\\d+),");

    private static StsTestServer nodeA;
    private static StsServer nodeB;
    private static CertificateAuthority issuingCa;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        nodeA = StsTestServer.shared();
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        Files.writeString(services, Files.readString(services).replace(
                "<property name=\"refreshIntervalSeconds\" value=\"${sts.crl.refresh:3600}\"/>",
                "<property name=\"refreshIntervalSeconds\" value=\"86400\"/>"));
        nodeB = StsTestServer.startAnother(folder);
        issuingCa = nodeA.embedded().demo().loadIssuingCa(KeyPairSource.fresh());
    }

    @AfterAll
    static void stop() throws Exception {
        nodeB.close();
    }

    private static String statusOfB() throws Exception {
        return nodeA.get(URI.create(nodeB.baseUri() + "/status")).body();
    }

    @Test
    void configurationWhenAnAdminInsertsAnAudienceRowThenBothNodesLoadIt() throws Exception {
        int before = audiences(nodeA.get("/status").body());
        assertEquals(before, audiences(statusOfB()));

        try (Connection c = nodeA.jdbc(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value) VALUES (?, 'lifetime', '300')")) {
            s.setString(1, "https://two-nodes-" + UUID.randomUUID());
            s.executeUpdate();
        }

        Await.until(() -> audiences(nodeA.get("/status").body()), count -> count == before + 1);
        Await.until(() -> audiences(statusOfB()), count -> count == before + 1);
    }

    @Test
    void revocationWhenNodeAFetchesACrlRevokingASignerThenBothRefuseIt() throws Exception {
        IssuedCredential signer = issuingCa.issue(CertificateRequest.builder("CN=Two nodes + SERIALNUMBER=CVR:"
                + DgwsClientFixture.DEMO_CVR + "-FID:" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999) + ", C=DK",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))).build());
        assertTrue(issue(nodeA.uri(""), signer).body().contains("RequestSecurityTokenResponse"), "not revoked yet on A");
        assertTrue(issue(nodeB.baseUri(), signer).body().contains("RequestSecurityTokenResponse"), "not revoked yet on B");
        String path = "/crl/two-nodes-" + UUID.randomUUID() + ".crl";
        StubMapping crl = nodeA.backends().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody(new DemoCrls(nodeA.embedded().demo(), issuingCa).alsoRevoking(signer.certificate().getSerialNumber()))));
        String url = nodeA.backends().baseUrl() + path;
        sql("INSERT INTO sts_cra.crl_source (url, comment) VALUES (?, 'TwoNodesTest')", url);
        try {
            for (URI node : List.of(nodeA.uri(""), nodeB.baseUri())) {
                HttpResponse<String> refused = Await.until(() -> issue(node, signer), r -> r.body().contains("Fault"));
                assertTrue(SoapFaults.of(refused).faultstring().endsWith(" has been revoked"), node + ": " + refused.body());
            }
        } finally {
            sql("DELETE FROM sts_cra.crl_source WHERE url = ?", url);
            nodeA.backends().removeStub(crl);
        }
    }

    @Test
    void issueWhenEitherNodeAnswersThenTheCardsVerifyWithTheSameStsCertificate() throws Exception {
        IssuedCredential system = nodeA.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);

        X509Certificate fromA = JdkSignatureCheck.verify(card(issue(nodeA.uri(""), system)));
        X509Certificate fromB = JdkSignatureCheck.verify(card(issue(nodeB.baseUri(), system)));

        assertEquals(fromA, fromB);
        assertEquals(nodeA.embedded().demo().loadStsCredential().certificate(), fromA);
    }

    private static HttpResponse<String> issue(URI node, IssuedCredential signer) throws Exception {
        return nodeA.post(URI.create(node + "/services/NewSecurityTokenService"),
                DgwsClientFixture.systemRequest(signer, "two-nodes").getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
    }

    private static Element card(HttpResponse<String> response) throws Exception {
        return (Element) StsTestServer.xml(response.body()).getElementsByTagNameNS(SAML, "Assertion").item(0);
    }

    private static int audiences(String status) {
        Matcher matcher = AUDIENCES.matcher(status);
        assertTrue(matcher.find(), status);
        return Integer.parseInt(matcher.group(1));
    }

    private static void sql(String statement, String value) throws Exception {
        try (Connection c = nodeA.jdbc(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }
}

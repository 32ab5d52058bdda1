package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hostile input over HTTP: each gets a SOAP fault (or an HTTP error) quickly, and the STS stays
 * healthy afterwards. XXE and entity expansion are in {@link SoapPlumbingTest}; untrusted, expired
 * and revoked signers, tampering and expired cards in {@link DgwsExchangeTest}.
 */
class HostileInputTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static StsTestServer sts;
    private static IssuedCredential system;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
    }

    private static Document signedRequest(String messageId) {
        return DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, messageId);
    }

    private static SoapFaults post(String body) throws Exception {
        HttpResponse<String> response = sts.post("/services/NewSecurityTokenService", body, "text/xml; charset=utf-8");
        assertEquals(200, response.statusCode(), response.body());
        return SoapFaults.of(response);
    }

    private static void assertStillHealthy() throws Exception {
        assertEquals(200, sts.get("/status").statusCode());
        String ok = DgwsClientFixture.text(signedRequest("after-attack"));
        assertTrue(sts.post("/services/NewSecurityTokenService", ok, "text/xml; charset=utf-8").body()
                .contains("RequestSecurityTokenResponse"));
    }

    @Test
    void postWhenExternalDtdThenInvalidRequestAndNoFetch() throws Exception {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE e SYSTEM \"" + sts.backends().baseUrl() + "/evil.dtd\">"
                + DgwsClientFixture.text(signedRequest("dtd"));

        assertEquals("wst:InvalidRequest", post(body).faultcode());
        assertTrue(sts.backends().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/evil.dtd"))).isEmpty());
        assertStillHealthy();
    }

    @Test
    void postWhenNestedTenThousandDeepThenInvalidRequestQuickly() throws Exception {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        String body = SoapPlumbingTest.envelope("deep", deep);

        SoapFaults fault = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> post(body));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertStillHealthy();
    }

    @Test
    void postWhenInvalidUtf8ThenInvalidRequest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String request = DgwsClientFixture.text(signedRequest("utf8"));
        int at = request.indexOf("Demo EPJ");
        bytes.writeBytes(request.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(request.substring(at).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = sts.post(sts.uri("/services/NewSecurityTokenService"), bytes.toByteArray(),
                "text/xml; charset=utf-8");

        assertEquals("wst:InvalidRequest", SoapFaults.of(response).faultcode());
        assertStillHealthy();
    }

    @Test
    void postWhenSignedCardCopiedBesideAForgedOneWithTheSameIdThenRefused() throws Exception {
        Document request = signedRequest("wrapping-copy");
        Element card = (Element) request.getElementsByTagNameNS(SAML, "Assertion").item(0);
        Element forged = (Element) card.cloneNode(true);
        forged.getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent("forged-id");
        card.getParentNode().insertBefore(forged, card);

        SoapFaults fault = post(DgwsClientFixture.text(request));

        assertTrue(fault.faultcode().equals("wst:InvalidRequest") || fault.faultcode().equals("wst:FailedAuthentication"),
                fault.faultcode() + " " + fault.faultstring());
    }

    @Test
    void postWhenSignedCardMovedIntoHeaderAndForgedCardInClaimsThenRefused() throws Exception {
        Document request = signedRequest("wrapping-move");
        Element card = (Element) request.getElementsByTagNameNS(SAML, "Assertion").item(0);
        Element forged = (Element) card.cloneNode(true);
        Element header = (Element) request.getElementsByTagNameNS(SoapFaults.SOAP, "Header").item(0);
        header.appendChild(card);
        Element claims = (Element) request.getElementsByTagNameNS("http://schemas.xmlsoap.org/ws/2005/02/trust", "Claims").item(0);
        forged.getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent("forged-id");
        claims.appendChild(forged);

        SoapFaults fault = post(DgwsClientFixture.text(request));

        assertEquals("wst:FailedAuthentication", fault.faultcode(), fault.faultstring());
    }

    @Test
    void postWhenHmacSignatureMethodThenRefusedNamingAlgorithm() throws Exception {
        String request = DgwsClientFixture.text(signedRequest("hmac")).replace(
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#hmac-sha1");

        SoapFaults fault = post(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertTrue(fault.faultstring().contains("hmac-sha1"), fault.faultstring());
    }

    @Test
    void postWhenBodyOverTheSizeLimitThenRefusedWithoutReadingIt() throws Exception {
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] start = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);

        HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> sts.post(sts.uri("/services/NewSecurityTokenService"), huge, "text/xml; charset=utf-8"));

        assertEquals(413, response.statusCode());
        assertEquals("wst:InvalidRequest", SoapFaults.of(response).faultcode());
        assertFalse(response.body().isEmpty());
        assertStillHealthy();
    }

    // --- refusing is cheap: trust and key policy before any signature arithmetic, bounded parsing ---

    @Test
    void postWhenUntrustedSignerAndBrokenSignatureThenUntrustedPartyBecauseTrustIsCheckedFirst() throws Exception {
        IssuedCredential untrusted = sts.embedded().demo().loadClientCredential(DemoClient.UNTRUSTED_FOCES);
        Document request = DgwsClientFixture.request(DgwsClientFixture.systemCard(untrusted.certificate()).build(), untrusted,
                SignatureAlgorithm.RSA_SHA1, "untrusted-broken");
        request.getElementsByTagNameNS(DS, "SignatureValue").item(0).setTextContent("AAAA");

        SoapFaults fault = post(DgwsClientFixture.text(request));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: Token in request signed by untrusted party", fault.faultstring());
    }

    @Test
    void postWhenSigningKeyHasAHugePublicExponentThenRefusedNamingItBeforeTheSignatureIsComputed() throws Exception {
        IssuedCredential huge = TestSigningKeys.hugeExponent();
        Document request = DgwsClientFixture.request(DgwsClientFixture.systemCard(huge.certificate()).build(), huge,
                SignatureAlgorithm.RSA_SHA256, "huge-exponent");

        SoapFaults fault = post(DgwsClientFixture.text(request));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The id-card signing key's public exponent has 2000 bits; the STS accepts odd exponents of at most 32 bits",
                fault.faultstring());
    }

    @Test
    void postWhenFortyThousandNamespaceDeclarationsThenInvalidRequestNamingTheLimit() throws Exception {
        StringBuilder onOneElement = new StringBuilder("<a");
        for (int i = 0; i < 40_000; i++) {
            onOneElement.append(" xmlns:p").append(i).append("=\"urn:x").append(i).append('"');
        }
        String spreadOut = "<r>" + "<e xmlns:q=\"urn:q\"/>".repeat(40_000) + "</r>";

        for (String body : List.of(onOneElement + "/>", spreadOut)) {
            SoapFaults fault = post(SoapPlumbingTest.envelope("ns", body));

            assertEquals("wst:InvalidRequest", fault.faultcode());
            assertTrue(fault.faultstring().endsWith("the message declares more than 256 namespaces"), fault.faultstring());
        }
        assertStillHealthy();
    }

    @Test
    void postWhenAnElementHasAThousandAttributesThenInvalidRequestNamingTheLimit() throws Exception {
        StringBuilder element = new StringBuilder("<a");
        for (int i = 0; i < 1_000; i++) {
            element.append(" a").append(i).append("=\"").append(i).append('"');
        }

        SoapFaults fault = post(SoapPlumbingTest.envelope("attributes", element + "/>"));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertTrue(fault.faultstring().contains("has more than \"64\" attributes"), fault.faultstring());
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an employee's client and a receiving system do around Sosi2OIOSaml, with the demo PKI: get an id-card from
 * NewSecurityTokenService, build and sign the OIO request, post it, and decrypt the answer's assertion with the
 * receiving system's key.
 */
final class OioClientFixture {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    OioClientFixture(StsTestServer sts) {
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    IssuedCredential client(DemoClient client) {
        return demo.loadClientCredential(client);
    }

    IssuedCredential serviceProvider() {
        return DemoServiceProvider.ensure(demo);
    }

    /** The STS's own key, to make cards a test needs that the DGWS service would never issue (expired, level 2, …). */
    IssuedCredential stsKey() {
        return demo.loadStsCredential();
    }

    /** An id-card the STS issues for the demo employee Karl Hansen (MOCES), with a fresh CPR that CVR-RID confirms. */
    Element employeeCard() throws Exception {
        IssuedCredential karl = client(DemoClient.EMPLOYEE_MOCES);
        String cpr = String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
        return issued(DgwsClientFixture.userCard(karl.certificate(), cpr, "7170").build(), karl);
    }

    /** An id-card the STS issues for the demo system (FOCES): a system card. */
    Element systemCard() throws Exception {
        IssuedCredential system = client(DemoClient.SYSTEM_FOCES);
        return issued(DgwsClientFixture.systemCard(system.certificate()).build(), system);
    }

    private Element issued(IdCard card, IssuedCredential signer) throws Exception {
        HttpResponse<String> response = sts.post("/services/NewSecurityTokenService", DgwsClientFixture.text(
                DgwsClientFixture.request(card, signer, SignatureAlgorithm.RSA_SHA1, "card-" + UUID.randomUUID())),
                "text/xml; charset=utf-8");
        Document answer = StsTestServer.xml(response.body());
        assertEquals(0, answer.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return (Element) answer.getElementsByTagNameNS(SAML, "Assertion").item(0);
    }

    /** A request for {@code card} to the demo audience, signed with the demo employee's certificate. */
    Document signedRequest(Element card) {
        return signedRequest(new OioRequestBuilder().actAs(card).appliesTo(DemoServiceProvider.AUDIENCE));
    }

    Document signedRequest(OioRequestBuilder request) {
        IssuedCredential karl = client(DemoClient.EMPLOYEE_MOCES);
        return request.signed(karl.privateKey(), karl.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    HttpResponse<String> post(Document request) throws Exception {
        return sts.post("/services/Sosi2OIOSaml", new String(SecureXml.toBytes(request), java.nio.charset.StandardCharsets.UTF_8),
                "text/xml; charset=utf-8");
    }

    /** The answer of a successful exchange, checked to be no fault. */
    Document answer(Document request) throws Exception {
        HttpResponse<String> response = post(request);
        assertEquals(200, response.statusCode(), response.body());
        Document answer = StsTestServer.xml(response.body());
        assertEquals(0, answer.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return answer;
    }

    /** The answer's encrypted assertion, decrypted as the receiving system does. */
    Element decrypted(Document answer) {
        Element encrypted = (Element) answer.getElementsByTagNameNS(SAML, "EncryptedAssertion").item(0);
        return new AssertionDecrypter().decrypt(encrypted, List.of(serviceProvider().privateKey()));
    }

    /** The text of the first attribute {@code name} of {@code assertion}, or null. */
    static String attribute(Element assertion, String name) {
        var attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).getTextContent();
            }
        }
        return null;
    }
}

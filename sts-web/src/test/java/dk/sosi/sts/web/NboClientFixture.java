package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a web application does around OIOSaml2Sosi with the demo PKI: its employee Karl Hansen logs in at the demo
 * NemLog-in IdP (whose certificate is the trusted vault's), the application writes the healthcare context token,
 * signs the request with its own certificate (FOCES) and posts it; CVR-RID is a WireMock stub that knows Karl's
 * RID under a fresh CPR per test.
 */
final class NboClientFixture {

    static final String OIOSAML2SOSI = "/services/OIOSaml2Sosi";
    static final String CVR = NemLogInDemoIdp.CVR;
    static final String RID = NemLogInDemoIdp.KARL_RID;
    static final String CPR_ATTRIBUTE = "dk:gov:saml:attribute:CprNumberIdentifier";

    private final StsTestServer sts;

    NboClientFixture(StsTestServer sts) {
        this.sts = sts;
    }

    IssuedCredential idp() {
        return sts.embedded().demo().loadNemLoginIdpCredential();
    }

    IssuedCredential client(DemoClient client) {
        return sts.embedded().demo().loadClientCredential(client);
    }

    /** A fresh CPR that CVR-RID gives for Karl's RID. */
    String karlsCpr() {
        String cpr = String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
        cvrRidAnswers(RID, cpr);
        return cpr;
    }

    void cvrRidAnswers(String rid, String cpr) {
        answer(StsBackendPaths.cvrRid(CVR, rid), cpr);
    }

    void rolesAre(String cpr, String cvr, String... externalNames) {
        answer(StsBackendPaths.roles(cpr, cvr), String.join("\n", externalNames));
    }

    void authorizationsAre(String cpr, String... codeAndEducation) {
        answer(StsBackendPaths.authorizations(cpr), String.join("\n", codeAndEducation));
    }

    private void answer(String path, String body) {
        sts.backends().stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body)));
    }

    /** Karl's assertion as NemLog-in issues it now, stating {@code cpr}. */
    static SamlAssertion karl(String cpr) {
        return with(NemLogInDemoIdp.karlHansen(Instant.now()).build(), CPR_ATTRIBUTE, cpr);
    }

    /** {@code assertion} with attribute {@code name} set to {@code value} (added if missing), or removed for null. */
    static SamlAssertion with(SamlAssertion assertion, String name, String value) {
        List<SamlAttribute> attributes = new ArrayList<>();
        boolean replaced = false;
        for (SamlAttribute attribute : assertion.attributes()) {
            if (attribute.name().equals(name)) {
                replaced = true;
                if (value != null) {
                    attributes.add(SamlAttribute.basic(name, value));
                }
            } else {
                attributes.add(attribute);
            }
        }
        if (!replaced && value != null) {
            attributes.add(SamlAttribute.basic(name, value));
        }
        return assertion.toBuilder().attributes(attributes).build();
    }

    /** {@code assertion} signed by the demo IdP. */
    Element signed(SamlAssertion assertion) {
        return NemLogInDemoIdp.signed(assertion, idp());
    }

    /** A context token about {@code assertion}'s user in the demo web application. */
    static Element contextToken(SamlAssertion assertion, Optional<String> role, Optional<String> authorizationCode) {
        return NemLogInDemoIdp.contextToken(assertion, NemLogInDemoIdp.IT_SYSTEM_NAME, role, authorizationCode);
    }

    /** The request for {@code assertion} (signed by the demo IdP) with a context token of role 7170, signed by the web application. */
    Document request(SamlAssertion assertion) {
        return request(signed(assertion), contextToken(assertion, Optional.of("7170"), Optional.empty()));
    }

    /** The request holding {@code tokens} in ActAs, to http://sosi.dk, signed by the web application (FOCES). */
    Document request(Element... tokens) {
        OioRequestBuilder builder = new OioRequestBuilder();
        for (Element token : tokens) {
            builder.actAs(token);
        }
        return signed(builder.appliesTo("http://sosi.dk"), DemoClient.SYSTEM_FOCES);
    }

    Document signed(OioRequestBuilder builder, DemoClient signer) {
        IssuedCredential credential = client(signer);
        return builder.signed(credential.privateKey(), credential.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    HttpResponse<String> post(Document request) throws Exception {
        return post(sts.uri(""), request);
    }

    HttpResponse<String> post(URI base, Document request) throws Exception {
        return sts.post(URI.create(base + OIOSAML2SOSI), OioClientFixture.text(request).getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8");
    }

    /** The answer of a successful exchange, checked to be no fault. */
    Document answer(Document request) throws Exception {
        return OioClientFixture.answer(post(request));
    }

    /** The issued id-card of {@code answer}. */
    static Element card(Document answer) {
        Element card = (Element) answer.getElementsByTagNameNS(OioClientFixture.SAML, "Assertion").item(0);
        assertEquals("IDCard", card.getAttribute("id"));
        return card;
    }

    /** The fault {@code request} gets, with the STS's faultactor and RelatesTo (see {@link OioClientFixture#fault}). */
    SoapFaults fault(Document request) throws Exception {
        return OioClientFixture.fault(request, post(request));
    }

    /** The fault {@code request} gets from the authorisation checks: faultactor dk:sosi:sts:autorisation. */
    SoapFaults authorizationFault(Document request) throws Exception {
        HttpResponse<String> response = post(request);
        assertEquals(200, response.statusCode(), response.body());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("dk:sosi:sts:autorisation", fault.faultactor(), response.body());
        assertEquals(OioClientFixture.messageId(request), fault.inResponseTo(), response.body());
        return fault;
    }
}

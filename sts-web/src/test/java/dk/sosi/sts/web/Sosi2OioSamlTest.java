package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static dk.sosi.sts.web.OioClientFixture.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.VerifiedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Sosi2OIOSaml over HTTP (exchanges.md 3.1): what an employee's client gets, and every refusal. */
class Sosi2OioSamlTest {

    private static StsTestServer sts;
    private static OioClientFixture clients;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new OioClientFixture(sts);
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Document doc, String namespace, String localName) {
        return doc.getElementsByTagNameNS(namespace, localName).item(0).getTextContent();
    }

    @Test
    void exchangeWhenEmployeeCardThenSignedAnswerWithAnEncryptedAssertionOnlyTheAudienceReads() throws Exception {
        Element card = clients.employeeCard();
        Document request = clients.signedRequest(card);
        String requestId = request.getElementsByTagNameNS(WSA, "MessageID").item(0).getTextContent();
        Instant before = Instant.now().minusSeconds(1);

        Document answer = clients.answer(request);

        assertEquals(OioRequestBuilder.ACTION_ISSUE, text(answer, WSA, "Action"));
        assertEquals(requestId, text(answer, WSA, "RelatesTo"));
        Element rstr = (Element) answer.getElementsByTagNameNS(WST, "RequestSecurityTokenResponse").item(0);
        assertEquals(((Element) request.getElementsByTagNameNS(WST, "RequestSecurityToken").item(0)).getAttribute("Context"),
                rstr.getAttribute("Context"));
        assertEquals(OioRequestBuilder.TOKEN_TYPE, text(answer, WST, "TokenType"));
        assertEquals(DemoServiceProvider.AUDIENCE, child(child(child(rstr, "http://schemas.xmlsoap.org/ws/2004/09/policy",
                "AppliesTo"), WSA, "EndpointReference"), WSA, "Address").getTextContent());

        IssuedCredential stsKey = clients.stsKey();
        Element security = (Element) answer.getElementsByTagNameNS(SoapFaults.WSSE, "Security").item(0);
        assertEquals("1", security.getAttributeNS(null, "mustUnderstand"));
        List<Element> parts = new ArrayList<>();
        for (String name : List.of("Action", "MessageID", "RelatesTo")) {
            parts.add((Element) answer.getElementsByTagNameNS(WSA, name).item(0));
        }
        parts.add((Element) answer.getElementsByTagNameNS(WSU, "Timestamp").item(0));
        parts.add((Element) answer.getElementsByTagNameNS(SoapFaults.SOAP, "Body").item(0));
        VerifiedSignature message = new SignatureVerifier(SignaturePolicy.message(EnumSet.allOf(SignatureAlgorithm.class)))
                .verifyDetached(child(security, DS, "Signature"), security, parts,
                        certificate -> assertEquals(stsKey.certificate(), certificate));
        parts.forEach(part -> assertTrue(message.covers(part), part.getNodeName()));

        Element assertion = clients.decrypted(answer);
        assertEquals("Issuer", assertion.getFirstChild().getLocalName());
        assertEquals("Signature", assertion.getFirstChild().getNextSibling().getLocalName());
        assertEquals(stsKey.certificate(), new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.allOf(SignatureAlgorithm.class)))
                .verifyEnveloped(assertion, "ID", "assertion", certificate -> { }).certificate());
        assertEquals("DK-SAML-2.0", attribute(assertion, "dk:gov:saml:attribute:SpecVer"));
        assertEquals("Karl Hansen", attribute(assertion, "urn:oid:2.5.4.3"));
        assertEquals(DgwsClientFixture.DEMO_CVR, attribute(assertion, "dk:gov:saml:attribute:CvrNumberIdentifier"));
        assertEquals(DgwsClientFixture.KARL_RID, attribute(assertion, "dk:gov:saml:attribute:RidNumberIdentifier"));
        assertEquals("CVR:20921897-RID:46283716", attribute(assertion, "urn:oid:0.9.2342.19200300.100.1.1"));
        Element conditions = (Element) assertion.getElementsByTagNameNS(SAML, "Conditions").item(0);
        Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
        Instant notOnOrAfter = Instant.parse(conditions.getAttribute("NotOnOrAfter"));
        assertTrue(!notBefore.isBefore(before.minus(Duration.ofMinutes(5)).minusSeconds(1)), notBefore.toString());
        assertEquals(Duration.ofMinutes(65), Duration.between(notBefore, notOnOrAfter));
        Element lifetime = (Element) answer.getElementsByTagNameNS(WST, "Lifetime").item(0);
        assertEquals(conditions.getAttribute("NotBefore"), lifetime.getElementsByTagNameNS(WSU, "Created").item(0).getTextContent());
        assertEquals(conditions.getAttribute("NotOnOrAfter"), lifetime.getElementsByTagNameNS(WSU, "Expires").item(0).getTextContent());
        assertEquals(DemoServiceProvider.AUDIENCE, text(assertion.getOwnerDocument(), SAML, "Audience"));
        assertNull(attribute(assertion, "no such attribute"));
    }
}

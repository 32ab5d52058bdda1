package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static dk.sosi.sts.web.OioClientFixture.attribute;
import static dk.sosi.sts.web.OioClientFixture.attributeElement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.demo.client.Sosi2OioSamlDemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.VerifiedSignature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Sosi2OIOSaml over HTTP (exchanges.md 3.1): what an employee's client gets for every request shape the deployed
 * clients send, and what the receiving system finds in the assertion for each way an admin configures it. The
 * refusals are in {@link Sosi2OioSamlFaultTest}, the caller step's in {@link OioMessageSignatureTest}.
 */
class Sosi2OioSamlTest {

    private static final String DISCOVERY_EPR = "urn:liberty:disco:2006-08:DiscoveryEPR";
    private static final String LIBERTY_SECURITY = "urn:liberty:security:2006-08";
    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

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

    /** The text of the first {@code localName} element in {@code assertion}. */
    private static String text(Element assertion, String localName) {
        return assertion.getElementsByTagNameNS(SAML, localName).item(0).getTextContent();
    }

    private static String idCardId(Element card) {
        return OioClientFixture.content(card).idCardId();
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

    // --- the request shapes of the deployed clients ---

    @Test
    void exchangeWhenCardInSecurityHeaderReferencedFromActAsThenAssertionForThatCard() throws Exception {
        Element card = clients.employeeCard();
        Document request = clients.signedRequest(new OioRequestBuilder().actAsFromHeader(card).appliesTo(DemoServiceProvider.AUDIENCE),
                DemoClient.EMPLOYEE_MOCES, SignatureAlgorithm.RSA_SHA1);
        Element actAs = (Element) request.getElementsByTagNameNS("http://docs.oasis-open.org/ws-sx/ws-trust/200802", "ActAs").item(0);
        assertEquals(0, actAs.getElementsByTagNameNS(SAML, "Assertion").getLength(), "Seal's shape: only a reference in ActAs");

        Element assertion = clients.decrypted(clients.answer(request));

        assertEquals("Karl Hansen", attribute(assertion, "urn:oid:2.5.4.3"));
        Element bootstrap = (Element) assertion.getElementsByTagNameNS(LIBERTY_SECURITY, "Token").item(0);
        assertEquals(idCardId(card), idCardId(child(bootstrap, SAML, "Assertion")));
    }

    @Test
    void exchangeWhenMessageSignedWithRsaSha1ThenAccepted() throws Exception {
        Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard())
                .appliesTo(DemoServiceProvider.AUDIENCE), DemoClient.EMPLOYEE_MOCES, SignatureAlgorithm.RSA_SHA1);
        assertEquals("http://www.w3.org/2000/09/xmldsig#rsa-sha1", ((Element) request.getElementsByTagNameNS(DS, "SignatureMethod")
                .item(0)).getAttribute("Algorithm"));

        Element assertion = clients.decrypted(clients.answer(request));

        assertEquals(DemoServiceProvider.AUDIENCE, text(assertion, "Audience"));
    }

    @Test
    void exchangeWhenMoces3EmployeeThenUidIsTheOces3SerialAndNoRidNumber() throws Exception {
        IssuedCredential moces3 = clients.client(DemoClient.EMPLOYEE_MOCES3);
        Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.moces3Card())
                .appliesTo(DemoServiceProvider.AUDIENCE), DemoClient.EMPLOYEE_MOCES3, SignatureAlgorithm.RSA_SHA256);

        Element assertion = clients.decrypted(clients.answer(request));

        String serial = CertificateNames.subjectSerialNumber(moces3.certificate());
        assertTrue(serial.startsWith("UI:DK-E:G:"), serial);
        assertEquals(serial, attribute(assertion, "urn:oid:0.9.2342.19200300.100.1.1"));
        assertNull(attributeElement(assertion, "dk:gov:saml:attribute:RidNumberIdentifier"));
        assertEquals(moces3.certificate().getSerialNumber().toString(16), attribute(assertion, "urn:oid:2.5.4.5"));
        String nameId = text(assertion, "NameID");
        assertTrue(nameId.endsWith(",Serial=" + serial), nameId);
    }

    @Test
    void exchangeWhenLevel3UserCardSignedByTheStsThenAccepted() throws Exception {
        IdCard level3 = OioClientFixture.content(clients.employeeCard()).toBuilder().authenticationLevel(3).build();

        Element assertion = clients.decrypted(clients.answer(clients.signedRequest(clients.stsSigned(level3))));

        assertEquals("Karl Hansen", attribute(assertion, "urn:oid:2.5.4.3"));
    }

    // --- what the receiving system gets, per iboConfig row and iboRequestHandler ---

    @Test
    void exchangeWhenAudienceIncludesBstThenDiscoveryEprCarriesTheIdCardWithItsSignatureIntact() throws Exception {
        Element card = clients.employeeCard();

        Element assertion = clients.decrypted(clients.answer(clients.signedRequest(card)));

        Element discovery = attributeElement(assertion, DISCOVERY_EPR);
        assertNotNull(discovery, "demo row has includeBST TRUE");
        assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", discovery.getAttribute("NameFormat"));
        Element token = (Element) discovery.getElementsByTagNameNS(LIBERTY_SECURITY, "Token").item(0);
        assertEquals("urn:liberty:security:tokenusage:2006-08:SecurityToken", token.getAttribute("usage"));
        // What a receiving system does with the bootstrap token: take the card out on its own and check the STS signed it.
        Document alone = SecureXml.newDocument();
        Element bootstrap = (Element) alone.importNode(child(token, SAML, "Assertion"), true);
        alone.appendChild(bootstrap);
        Document received = StsTestServer.xml(OioClientFixture.text(alone));
        assertEquals(clients.stsKey().certificate(), JdkSignatureCheck.verify(received.getDocumentElement()));
        assertEquals(idCardId(card), idCardId(received.getDocumentElement()));
    }

    @Test
    void exchangeWhenAudienceExcludesBstThenNoDiscoveryEpr() throws Exception {
        String audience = clients.addAudience("no-bst", OioClientFixture.publicKey(clients.serviceProvider().certificate()),
                false, null, null);
        try {
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(audience));

            Element assertion = clients.decrypted(OioClientFixture.answer(clients.awaitConfigured(request)));

            assertEquals(audience, text(assertion, "Audience"));
            assertNull(attributeElement(assertion, DISCOVERY_EPR));
            assertEquals(0, assertion.getElementsByTagNameNS(LIBERTY_SECURITY, "Token").getLength());
        } finally {
            clients.removeAudience(audience);
        }
    }

    @Test
    void exchangeWhenAudienceAsksForGcmThenEncryptedWithAes128GcmAndRsaOaepAndStillDecrypts() throws Exception {
        String audience = clients.addAudience("gcm", OioClientFixture.publicKey(clients.serviceProvider().certificate()),
                true, null, "aes128-gcm rsa-oaep");
        try {
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(audience));

            Document answer = OioClientFixture.answer(clients.awaitConfigured(request));

            Element data = (Element) answer.getElementsByTagNameNS(XENC, "EncryptedData").item(0);
            assertEquals("http://www.w3.org/2009/xmlenc11#aes128-gcm", child(data, XENC, "EncryptionMethod").getAttribute("Algorithm"));
            Element key = (Element) answer.getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
            assertEquals("http://www.w3.org/2009/xmlenc11#rsa-oaep", child(key, XENC, "EncryptionMethod").getAttribute("Algorithm"));
            Element assertion = clients.decrypted(answer);
            assertEquals(audience, text(assertion, "Audience"));
            assertEquals("Karl Hansen", attribute(assertion, "urn:oid:2.5.4.3"));
        } finally {
            clients.removeAudience(audience);
        }
    }

    @Test
    void exchangeWhenDefaultEncryptionThenAes128CbcAndRsa15AsEveryDeployedClientDecrypts() throws Exception {
        Document answer = clients.answer(clients.signedRequest(clients.employeeCard()));

        Element data = (Element) answer.getElementsByTagNameNS(XENC, "EncryptedData").item(0);
        assertEquals(XENC + "aes128-cbc", child(data, XENC, "EncryptionMethod").getAttribute("Algorithm"));
        Element key = (Element) answer.getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
        assertEquals(XENC + "rsa-1_5", child(key, XENC, "EncryptionMethod").getAttribute("Algorithm"));
    }

    @Test
    void exchangeWhenAudienceNotInNormalFormThenTheConfiguredAudienceIsServed() throws Exception {
        Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard())
                .appliesTo("HTTPS://Demo-SP.sosi-sts.dk:443/"));

        Document answer = clients.answer(request);

        Element rstr = (Element) answer.getElementsByTagNameNS(WST, "RequestSecurityTokenResponse").item(0);
        assertEquals(DemoServiceProvider.AUDIENCE, rstr.getElementsByTagNameNS(WSA, "Address").item(0).getTextContent());
        assertEquals(DemoServiceProvider.AUDIENCE, text(clients.decrypted(answer), "Audience"));
    }

    @Test
    void exchangeWhenUserHasNoEmailThenEmailIsTheConfiguredEmptyAttributeValue(@TempDir Path folder) throws Exception {
        OioClientFixture.editedConfiguration(folder, "<property name=\"emptyAttributeValue\" value=\"\"/>",
                "<property name=\"emptyAttributeValue\" value=\"-\"/>");
        Element card = clients.employeeCard(Optional.empty());
        assertTrue(OioClientFixture.content(card).userLog().orElseThrow().emailAddress().isEmpty(), "a card without e-mail");

        try (StsServer edited = StsTestServer.startAnother(folder)) {
            Element assertion = clients.decrypted(OioClientFixture.answer(clients.post(edited.baseUri(), clients.signedRequest(card))));

            assertEquals("-", attribute(assertion, "urn:oid:0.9.2342.19200300.100.1.3"));
            assertEquals("Karl Hansen", attribute(assertion, "urn:oid:2.5.4.3"));
        }
        Element shipped = clients.decrypted(clients.answer(clients.signedRequest(card)));
        assertEquals("", attribute(shipped, "urn:oid:0.9.2342.19200300.100.1.3"), "shipped emptyAttributeValue");
    }

    @Test
    void exchangeWhenCheckTargetCertificateIsFalseThenAnExpiredPublicKeyIsStillUsed(@TempDir Path folder) throws Exception {
        IssuedCredential expired = clients.client(DemoClient.EMPLOYEE_MOCES_EXPIRED);
        assertTrue(expired.certificate().getNotAfter().toInstant().isBefore(Instant.now()));
        String audience = clients.addAudience("expired-target", OioClientFixture.publicKey(expired.certificate()), false, null, null);
        OioClientFixture.editedConfiguration(folder, "<property name=\"checkTargetCertificate\" value=\"true\"/>",
                "<property name=\"checkTargetCertificate\" value=\"false\"/>");
        try (StsServer lenient = StsTestServer.startAnother(folder)) {
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(audience));

            Document answer = OioClientFixture.answer(clients.awaitConfigured(lenient.baseUri(), request));

            Element assertion = OioClientFixture.decrypted(answer, expired.privateKey());
            assertEquals(audience, text(assertion, "Audience"));
        } finally {
            clients.removeAudience(audience);
        }
    }

    // --- the README's client ---

    @Test
    void exchangeWhenDemoClientRunsAgainstTheStsThenItDecryptsAnAssertionForTheDemoAudience() throws Exception {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(DemoBackendData.KARL_HANSEN_CPR)));

        Optional<Element> assertion = Sosi2OioSamlDemoClient.exchange(DemoClient.EMPLOYEE_MOCES, sts.uri(""), sts.embedded().demo());

        assertTrue(assertion.isPresent(), "the demo client got an assertion");
        assertEquals(DemoServiceProvider.AUDIENCE, text(assertion.get(), "Audience"));
        assertEquals(DemoBackendData.KARL_HANSEN_CPR, attribute(assertion.get(), "dk:gov:saml:attribute:CprNumberIdentifier"));
    }
}

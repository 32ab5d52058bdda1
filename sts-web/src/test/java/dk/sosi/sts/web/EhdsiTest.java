package dk.sosi.sts.web;

import static dk.sosi.sts.web.EhdsiFixture.AUDIENCE;
import static dk.sosi.sts.web.EhdsiFixture.token;
import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.demo.client.EhdsiDemoClient;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * DKNCPBST2EHDSIIdws over HTTP (exchanges.md 3.7): the eHDSI IDWS XUA token the contact point gets, as the ehdsi national
 * connector reads it; the audiences and policies an admin configures with the guide's SQL; both forms of coded values.
 * The refusals are in {@link EhdsiFaultTest}, the held OpenNCP vectors in {@link EhdsiVectorsSpecTest}.
 */
class EhdsiTest {

    private static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    private static final String ISSUANCE_POLICY = "urn:dk:healthcare:saml:IssuancePolicy";

    private static StsTestServer sts;
    private static EhdsiFixture ehdsi;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        ehdsi = new EhdsiFixture(sts);
        ehdsi.patientKnown(EhdsiFixture.DEMO_PATIENT, true);
    }

    private static String text(Element parent, String namespace, String localName) {
        return parent.getElementsByTagNameNS(namespace, localName).item(0).getTextContent();
    }

    private static Element element(Element parent, String namespace, String localName) {
        return (Element) parent.getElementsByTagNameNS(namespace, localName).item(0);
    }

    private static Element codedValue(Element token, String attribute) {
        return element(OioClientFixture.attributeElement(token, attribute), SAML, "AttributeValue");
    }

    @Test
    void exchangeWhenDemoContactPointsTokenThenSignedXuaTokenAsTheNationalConnectorReadsIt() throws Exception {
        Document request = EhdsiDemoClient.request(ehdsi.demo());
        String messageId = OioClientFixture.messageId(request);

        Document answer = ehdsi.answer(request);

        Element rstr = element(answer.getDocumentElement(), WST, "RequestSecurityTokenResponse");
        assertEquals(AUDIENCE, text(element(rstr, "http://schemas.xmlsoap.org/ws/2004/09/policy", "AppliesTo"), WSA, "Address"));
        Element lifetime = element(rstr, WST, "Lifetime");
        Instant created = Instant.parse(text(lifetime, WSU, "Created"));
        Instant expires = Instant.parse(text(lifetime, WSU, "Expires"));
        Element token = token(answer);
        assertEquals(rstr, token.getParentNode().getParentNode(), "RSTR/RequestedSecurityToken/saml:Assertion");
        assertEquals(ehdsi.stsKey().certificate(), new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.of(SignatureAlgorithm.RSA_SHA256,
                SignatureAlgorithm.RSA_SHA1))).verifyEnveloped(token, "ID", "XUA token", certificate -> { }).certificate());
        assertEquals("Signature", ((Element) element(token, SAML, "Issuer").getNextSibling()).getLocalName());

        Element nameId = element(token, SAML, "NameID");
        assertEquals("camille.martin@demo-ehdsi.fr", nameId.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", nameId.getAttribute("Format"));
        Element confirmation = element(token, SAML, "SubjectConfirmation");
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", confirmation.getAttribute("Method"));
        assertEquals(ehdsi.ncp().certificate(), Certificates.fromBase64(text(confirmation, DS, "X509Certificate")).orElseThrow());
        assertFalse(element(confirmation, SAML, "SubjectConfirmationData").hasAttribute("Recipient"));

        Element conditions = element(token, SAML, "Conditions");
        assertEquals(created, Instant.parse(conditions.getAttribute("NotBefore")));
        assertEquals(expires, Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        assertEquals(Duration.ofSeconds(DemoNationalContactPoint.LIFETIME_SECONDS).plusMillis(DemoNationalContactPoint.FUZZY_TIME_MILLIS),
                Duration.between(created, expires));
        assertTrue(created.isBefore(Instant.now().minusSeconds(30)), created.toString());
        assertEquals(AUDIENCE, text(conditions, SAML, "Audience"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:ac:classes:X509", text(token, SAML, "AuthnContextClassRef"));

        assertEquals(DemoNationalContactPoint.STS_POLICY, OioClientFixture.attribute(token, ISSUANCE_POLICY));
        assertEquals("Camille Martin", OioClientFixture.attribute(token, "urn:oasis:names:tc:xspa:1.0:subject:subject-id"));
        assertEquals("FR", OioClientFixture.attribute(token, "urn:dk:healthcare:saml:CountryOfTreatment"));
        assertEquals("0505651234^^^&1.2.208.176.1.2&ISO", OioClientFixture.attribute(token, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"));
        assertEquals("eHDSI-IDWS-XUA-1.0", OioClientFixture.attribute(token, "urn:dk:healthcare:saml:SpecVersion"));
        assertEquals(2, OioClientFixture.attributeElement(token, "urn:oasis:names:tc:xspa:1.0:subject:hl7:permission")
                .getElementsByTagNameNS(SAML, "AttributeValue").getLength());
        Element role = codedValue(token, "urn:oasis:names:tc:xacml:2.0:subject:role");
        assertEquals("CE", role.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
        assertEquals("221", element(role, "urn:hl7-org:v3", "Role").getAttribute("code"));
        assertEquals(0, token.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedData").getLength());

        List<String> sla = SlaLogFile.linesOf(messageId, 2);
        for (String point : List.of("id=200 name=AbstractStsRequestHandler.request", "id=260 name=SignatureProvider.sign")) {
            assertTrue(sla.stream().anyMatch(l -> l.startsWith(point) && l.endsWith("outcome=ok")), point + " in " + sla);
        }
    }

    /** The guide's SQL for both tables, its audience example run against ehdsiAudienceConfiguration (the guide names the wrong table). */
    @Test
    void exchangeWhenAdminConfiguresTheGuidesExamplesThenBothIncomingPoliciesGiveTheOneStsPolicy() throws Exception {
        try (Connection c = sts.jdbc(); Statement s = c.createStatement()) {
            s.execute("use sts_ehdsiconf;");
            s.execute("INSERT INTO ehdsiAudienceConfiguration (audience, attribute, attribute_value) VALUES "
                    + "('https://audience.nspop.dk/ehdsi', 'lifetime', '300');");
            s.execute("INSERT INTO ehdsiPoliciesConfiguration (audience, bst_policy, sts_policy) VALUES "
                    + "('https://audience.nspop.dk/ehdsi', 'urn:dk:sosi:sts:eHDSI-strict', 'test-ehdsi-sts-policy');");
            s.execute("INSERT INTO ehdsiPoliciesConfiguration (audience, bst_policy, sts_policy) VALUES "
                    + "('https://audience.nspop.dk/ehdsi', 'test-another-ehdsi-bst-policy', 'test-ehdsi-sts-policy');");
            s.execute("INSERT INTO ehdsiAudienceConfiguration (audience, attribute, attribute_value) VALUES "
                    + "('https://audience.nspop.dk/ehdsi', 'signingKey.ncp', '" + Bst2SosiFixture.base64(ehdsi.ncp().certificate()) + "');");
        }
        String audience = "https://audience.nspop.dk/ehdsi";
        for (String bstPolicy : List.of("urn:dk:sosi:sts:eHDSI-strict", "test-another-ehdsi-bst-policy")) {
            Document request = ehdsi.signed(EhdsiFixture.request(ehdsi.signed(ehdsi.token(audience).issuancePolicy(bstPolicy)), audience));

            Element token = token(ehdsi.awaitAnswer(request));

            assertEquals("test-ehdsi-sts-policy", OioClientFixture.attribute(token, ISSUANCE_POLICY));
            Element conditions = element(token, SAML, "Conditions");
            assertEquals(Duration.ofSeconds(300), Duration.between(Instant.parse(conditions.getAttribute("NotBefore")),
                    Instant.parse(conditions.getAttribute("NotOnOrAfter"))), "lifetime 300 s, no fuzzyTime row");
        }
    }

    @Test
    void exchangeWhenCodedValuesLackTypeAndUseTheEhdsiCodeSystemThenAcceptedAndWrittenInTheRealStsForm() throws Exception {
        Element bst = ehdsi.signed(ehdsi.token(AUDIENCE).realStsForm(false));
        Element sent = codedValue(bst, PURPOSE_OF_USE);
        assertNull(sent.getAttributeNodeNS("http://www.w3.org/2001/XMLSchema-instance", "type"), "sent without xsi:type");
        assertEquals("3bc18518-d305-46c2-a8d6-94bd59856e9e", element(sent, "urn:hl7-org:v3", "PurposeOfUse").getAttribute("codeSystem"));

        Element token = token(ehdsi.answer(ehdsi.signed(EhdsiFixture.request(bst, AUDIENCE))));

        Element purpose = codedValue(token, PURPOSE_OF_USE);
        assertEquals("CE", purpose.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"));
        Element code = element(purpose, "urn:hl7-org:v3", "PurposeOfUse");
        assertEquals("urn:oasis:names:tc:xspa:1.0", code.getAttribute("codeSystem"));
        assertEquals("TREATMENT", code.getAttribute("code"));
    }

    @Test
    void exchangeWhenAudienceChecksNeitherHolderOfKeyNorWhitelistThenAnyTrustedSignerGetsATokenBoundToItsKey() throws Exception {
        String audience = ehdsi.addAudience(Map.of("lifetime", "600", "fuzzyTime", "0", "validateHOK", "false",
                "whitelistValidation", "false", "signingKey.ncp", Bst2SosiFixture.base64(ehdsi.ncp().certificate())));
        ehdsi.addPolicy(audience, "urn:dk:ncp:eHDSI-default", "urn:dk:sosi:ehdsi-idws-xua:standard");
        IssuedCredential system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
        OioRequestBuilder request = EhdsiFixture.request(ehdsi.signed(ehdsi.token(audience)), audience);

        Element token = token(ehdsi.awaitAnswer(EhdsiFixture.signed(request, system)));

        assertEquals(system.certificate(), Certificates.fromBase64(text(element(token, SAML, "SubjectConfirmation"), DS,
                "X509Certificate")).orElseThrow());
        Element conditions = element(token, SAML, "Conditions");
        assertEquals(Duration.ofSeconds(600), Duration.between(Instant.parse(conditions.getAttribute("NotBefore")),
                Instant.parse(conditions.getAttribute("NotOnOrAfter"))));
    }
}

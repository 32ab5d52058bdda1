package dk.sosi.sts.web;

import static dk.sosi.sts.web.Bst2SosiFixture.attribute;
import static dk.sosi.sts.web.Bst2SosiFixture.card;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WSSE;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder.Profile;
import dk.sosi.sts.demo.client.Bst2SosiDemoClient;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * BST2SOSI over HTTP (exchanges.md 3.3): what an employee portal gets for the bootstrap tokens of each profile,
 * plain and encrypted, the request shape Seal sends, the chain on to Sosi2OIOSaml, and what an admin's renewal
 * of an IdP key looks like. The refusals are in {@link Bst2SosiFaultTest}.
 */
class Bst2SosiTest {

    private static final String NATIONAL_ROLE = "urn:dk:healthcare:national-federation-role:code:40001:value:Laegesekretaer";

    private static StsTestServer sts;
    private static Bst2SosiFixture bst;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        bst = new Bst2SosiFixture(sts);
        bst.sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation',"
                + " 'nspLaegesekretaer', '40001', 'Laegesekretaer')");
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
    void exchangeWhenEncryptedOioh3BstThenSignedIdCardForTheEmployeeEchoingTheRequest() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        Document request = bst.signed(bst.request(bst.encrypted(bst.token(Profile.OIOH3BST, cpr))));
        String messageId = OioClientFixture.messageId(request);

        Document answer = bst.answer(request);

        assertEquals(OioRequestBuilder.ACTION_ISSUE, text(answer, WSA, "Action"));
        assertEquals(messageId, text(answer, WSA, "RelatesTo"));
        Element rstr = (Element) answer.getElementsByTagNameNS(WST, "RequestSecurityTokenResponse").item(0);
        assertEquals(((Element) request.getElementsByTagNameNS(WST, "RequestSecurityToken").item(0)).getAttribute("Context"),
                rstr.getAttribute("Context"));
        assertEquals(OioRequestBuilder.TOKEN_TYPE, text(answer, WST, "TokenType"));
        assertEquals(Bst2SosiFixture.APPLIES_TO, child(child(child(rstr, "http://schemas.xmlsoap.org/ws/2004/09/policy",
                "AppliesTo"), WSA, "EndpointReference"), WSA, "Address").getTextContent());
        Element reference = (Element) child(rstr, WST, "RequestedAttachedReference").getElementsByTagNameNS(WSSE, "Reference").item(0);
        assertEquals("#IDCard", reference.getAttribute("URI"));

        Element card = card(answer);
        assertEquals("IDCard", card.getAttribute("id"));
        IssuedCredential stsKey = sts.embedded().demo().loadStsCredential();
        assertEquals(stsKey.certificate(), new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.of(SignatureAlgorithm.RSA_SHA1)))
                .verifyEnveloped(card, "id", "id-card", certificate -> { }).certificate());
        assertEquals("4", attribute(card, "sosi:AuthenticationLevel"));
        assertEquals("1.0.1", attribute(card, "sosi:IDCardVersion"));
        assertEquals("user", attribute(card, "sosi:IDCardType"));
        assertNull(attribute(card, "sosi:OCESCertHash"));
        assertEquals(cpr, attribute(card, "medcom:UserCivilRegistrationNumber"));
        assertEquals("Karl", attribute(card, "medcom:UserGivenName"));
        assertEquals("Hansen", attribute(card, "medcom:UserSurName"));
        assertEquals("urn:dk:healthcare:no-role", attribute(card, "medcom:UserRole"));
        assertNull(attribute(card, "medcom:UserAuthorizationCode"));
        assertEquals(Bst2SosiFixture.IT_SYSTEM, attribute(card, "medcom:ITSystemName"));
        assertEquals(Bst2SosiFixture.DEMO_CVR, attribute(card, "medcom:CareProviderID"));
        assertEquals("Demo Lægehus", attribute(card, "medcom:CareProviderName"));
        Element nameId = (Element) card.getElementsByTagNameNS(SAML, "NameID").item(0);
        assertEquals("medcom:other", nameId.getAttribute("Format"));
        assertEquals(CertificateInfo.of(bst.karl().certificate()).text(), nameId.getTextContent());
        Element conditions = (Element) card.getElementsByTagNameNS(SAML, "Conditions").item(0);
        Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
        assertEquals(Duration.ofHours(24), Duration.between(notBefore, Instant.parse(conditions.getAttribute("NotOnOrAfter"))));
        assertTrue(Duration.between(notBefore, Instant.now()).compareTo(Duration.ofMinutes(5)) >= 0, notBefore.toString());
        Element lifetime = (Element) answer.getElementsByTagNameNS(WST, "Lifetime").item(0);
        assertEquals(conditions.getAttribute("NotBefore"), lifetime.getElementsByTagNameNS(WSU, "Created").item(0).getTextContent());

        List<String> sla = SlaLogFile.linesOf(messageId, 4);
        for (String point : List.of("id=200 name=AbstractStsRequestHandler.request", "id=280 name=BST2SOSIRequestHandler.convert",
                "id=210 name=SecurityTokenService.issueIdCard", "id=260 name=SignatureProvider.sign")) {
            assertTrue(sla.stream().anyMatch(l -> l.startsWith(point) && l.endsWith("outcome=ok")), point + " in " + sla);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void exchangeWhenPlainTokenOfEachProfileThenCardWithItsCpr(Profile profile) throws Exception {
        String cpr = Bst2SosiFixture.newCpr();

        Element card = card(bst.answer(bst.signed(bst.request(bst.signed(bst.token(profile, cpr))))));

        assertEquals(cpr, attribute(card, "medcom:UserCivilRegistrationNumber"));
        assertEquals("Karl", attribute(card, "medcom:UserGivenName"));
        assertEquals("Hansen", attribute(card, "medcom:UserSurName"));
        assertEquals("Demo Lægehus", attribute(card, "medcom:CareProviderName"));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void exchangeWhenEncryptedTokenOfEachProfileThenCardWithItsCpr(Profile profile) throws Exception {
        String cpr = Bst2SosiFixture.newCpr();

        Element card = card(bst.answer(bst.signed(bst.request(bst.encrypted(bst.token(profile, cpr))))));

        assertEquals(cpr, attribute(card, "medcom:UserCivilRegistrationNumber"));
    }

    @Test
    void exchangeWhenClaimsForRoleAuthorizationAndSubjectNameIdThenTheCardCarriesThem() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        bst.authorizationsAre(cpr, "J0184;7170");
        Document request = bst.signed(bst.request(bst.encrypted(bst.token(Profile.OIOH3BST, cpr)))
                .claim("medcom:UserRole", "7170").claim("medcom:UserAuthorizationCode", "J0184")
                .claim("sosi:SubjectNameID", "Mads_Skjern"));

        Element card = card(bst.answer(request));

        assertEquals("7170", attribute(card, "medcom:UserRole"));
        assertEquals("J0184", attribute(card, "medcom:UserAuthorizationCode"));
        Element nameId = (Element) card.getElementsByTagNameNS(SAML, "NameID").item(0);
        assertEquals("medcom:other", nameId.getAttribute("Format"));
        assertEquals("Mads_Skjern", nameId.getTextContent());
    }

    @Test
    void exchangeWhenOioh2BstGrantsTheNationalRoleInItsPrivilegesThenCardWithTheRole() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        Document request = bst.signed(bst.request(bst.encrypted(bst.token(Profile.OIOH2BST, cpr).privilege(NATIONAL_ROLE)))
                .claim("medcom:UserRole", NATIONAL_ROLE));

        Element card = card(bst.awaitAnswer(request));

        assertEquals(NATIONAL_ROLE, attribute(card, "medcom:UserRole"));
    }

    @Test
    void exchangeWhenOioh3BstUserHoldsTheNationalRoleInTheDirectoryThenCardWithTheRole() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        bst.rolesAre(cpr, Bst2SosiFixture.DEMO_CVR, "nspLaegesekretaer");
        Document request = bst.signed(bst.request(bst.signed(bst.token(Profile.OIOH3BST, cpr)))
                .claim("medcom:UserRole", NATIONAL_ROLE));

        assertEquals(NATIONAL_ROLE, attribute(card(bst.awaitAnswer(request)), "medcom:UserRole"));
    }

    @Test
    void exchangeWhenCardGoesOnToSosi2OioSamlThenTheReceivingSystemReadsTheEmployee() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        Element card = card(bst.answer(bst.signed(bst.request(bst.encrypted(bst.token(Profile.OIOH3BST, cpr))))));
        OioClientFixture oio = new OioClientFixture(sts);

        Element assertion = oio.decrypted(oio.answer(oio.signedRequest(card)));

        assertEquals(cpr, OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals("Karl Hansen", OioClientFixture.attribute(assertion, "urn:oid:2.5.4.3"));
        assertEquals(Bst2SosiFixture.DEMO_CVR, OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:CvrNumberIdentifier"));
        assertEquals(DemoServiceProvider.AUDIENCE, assertion.getElementsByTagNameNS(SAML, "Audience").item(0).getTextContent());
    }

    @Test
    void exchangeWhenTheDemoClientsRequestThenCardForKarlHansen() throws Exception {
        IssuedCredential karl = bst.karl();
        String serial = Bst2SosiFixture.serialOf(bst.client(DemoClient.EMPLOYEE_MOCES3));
        String cpr = Bst2SosiFixture.newCpr();
        bst.uuid2CprAnswers(serial.substring(serial.lastIndexOf(':') + 1), cpr);
        bst.authorizationsAre(cpr, "J0184;7170");

        Element card = card(bst.answer(Bst2SosiDemoClient.request(bst.demo(), karl, "https://fmk")));

        assertEquals(Bst2SosiDemoClient.IT_SYSTEM_NAME, attribute(card, "medcom:ITSystemName"));
        assertEquals("J0184", attribute(card, "medcom:UserAuthorizationCode"));
    }

    /**
     * An IdP renews its signing key: the admin adds the new certificate as a second {@code signingKey.xxx} row
     * beside the old one, and both are trusted after the configuration refresh, without a restart; the page
     * /sts/certificates lists both with their expiry.
     */
    @Test
    void exchangeWhenAdminAddsTheRenewedSigningKeyBesideTheOldThenTokensOfBothAreAccepted() throws Exception {
        IssuedCredential old = bst.newIdpKey();
        IssuedCredential renewed = bst.newIdpKey();
        IssuedCredential karl = bst.karl();
        String issuer = bst.addIssuer("renewal", Map.of("signingKey.2025", Bst2SosiFixture.base64(old.certificate()),
                "tokenProfile.1", "OIOH3BST", "validateHOK", "true", "certificate.portal", Bst2SosiFixture.serialOf(karl)));
        try {
            BootstrapTokenBuilder token = new BootstrapTokenBuilder(Profile.OIOH3BST, issuer).holderOfKey(karl.certificate())
                    .professionalUuid(bst.uuidOf(Bst2SosiFixture.newCpr()));
            bst.awaitAnswer(bst.signed(bst.request(token.signed(old.privateKey(), old.certificate()))));
            Document byRenewedKey = bst.signed(bst.request(token.signed(renewed.privateKey(), renewed.certificate())));
            assertEquals("Authentication failed: Token in request signed by untrusted party", bst.fault(byRenewedKey).faultstring());

            bst.addRow(issuer, "signingKey.2028", Bst2SosiFixture.base64(renewed.certificate()));

            bst.awaitAnswer(bst.signed(bst.request(token.signed(renewed.privateKey(), renewed.certificate()))));
            bst.answer(bst.signed(bst.request(token.signed(old.privateKey(), old.certificate()))));
            String certificates = sts.get("/certificates").body();
            for (String row : List.of("signingKey.2025", "signingKey.2028")) {
                String location = "sts_audconf.trustedIdpConfiguration[" + issuer + "]." + row;
                assertTrue(certificates.lines().anyMatch(l -> l.startsWith("OK\t" + location + "\t") && l.contains("\tExpires: ")),
                        certificates);
            }
        } finally {
            bst.removeIssuer(issuer);
        }
    }

    @Test
    void demoIssuerIsListedWithItsKeysOnTheCertificatesPage() throws Exception {
        String certificates = sts.get("/certificates").body();

        for (String row : List.of("signingKey.demo", "encryptionPublicKey.demo")) {
            String location = "sts_audconf.trustedIdpConfiguration[" + DemoBootstrapTokenIssuer.ISSUER + "]." + row;
            assertTrue(certificates.lines().anyMatch(l -> l.startsWith("OK\t" + location + "\t")), certificates);
        }
        assertFalse(certificates.contains("encryptionKey.demo"), certificates);
    }
}

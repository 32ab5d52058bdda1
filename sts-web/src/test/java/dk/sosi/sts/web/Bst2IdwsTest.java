package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.sosi.sts.web.Bst2IdwsFixture.AUDIENCE;
import static dk.sosi.sts.web.Bst2IdwsFixture.CPR_CLAIM;
import static dk.sosi.sts.web.Bst2IdwsFixture.token;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.demo.client.Bst2IdwsDemoClient;
import dk.sosi.sts.demo.client.CitizenBootstrapTokenBuilder.Profile;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Bst2Idws over HTTP (exchanges.md 3.4): the IDWS identity token a citizen application gets for the bootstrap tokens
 * of each profile, plain and encrypted, and for a legacy NemLog-in 2 token whose PID the PID service relates to the
 * claimed CPR. The refusals are in {@link Bst2IdwsFaultTest}.
 */
class Bst2IdwsTest {

    private static StsTestServer sts;
    private static Bst2IdwsFixture bst;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        bst = new Bst2IdwsFixture(sts);
    }

    private static String text(Element parent, String namespace, String localName) {
        return parent.getElementsByTagNameNS(namespace, localName).item(0).getTextContent();
    }

    private static Element element(Element parent, String namespace, String localName) {
        return (Element) parent.getElementsByTagNameNS(namespace, localName).item(0);
    }

    @Test
    void exchangeWhenDemoClientsEncryptedOio3BstThenSignedHolderOfKeyIdentityTokenForTheAudience() throws Exception {
        Document request = Bst2IdwsDemoClient.request(sts.embedded().demo(), bst.app());
        String messageId = OioClientFixture.messageId(request);

        Document answer = bst.answer(request);

        assertEquals(OioRequestBuilder.ACTION_ISSUE, text(answer.getDocumentElement(), WSA, "Action"));
        assertEquals(messageId, text(answer.getDocumentElement(), WSA, "RelatesTo"));
        Element rstr = element(answer.getDocumentElement(), WST, "RequestSecurityTokenResponse");
        assertEquals(OioRequestBuilder.TOKEN_TYPE, text(rstr, WST, "TokenType"));
        assertEquals(AUDIENCE, text(element(rstr, "http://schemas.xmlsoap.org/ws/2004/09/policy", "AppliesTo"), WSA, "Address"));

        Element token = token(answer);
        assertEquals(bst.stsKey().certificate(), new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.of(SignatureAlgorithm.RSA_SHA256,
                SignatureAlgorithm.RSA_SHA1))).verifyEnveloped(token, "ID", "identity token", certificate -> { }).certificate());
        Element issuer = element(token, SAML, "Issuer");
        assertEquals("Signature", ((Element) issuer.getNextSibling()).getLocalName());
        Element nameId = element(token, SAML, "NameID");
        assertEquals("dk:gov:saml:attribute:CprNumberIdentifier:0505651234", nameId.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", nameId.getAttribute("Format"));
        Element confirmation = element(token, SAML, "SubjectConfirmation");
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", confirmation.getAttribute("Method"));
        assertEquals(bst.app().certificate(), Certificates.fromBase64(text(confirmation, OioClientFixture.DS, "X509Certificate")).orElseThrow());
        Element data = element(confirmation, SAML, "SubjectConfirmationData");
        assertEquals(AUDIENCE, data.getAttribute("Recipient"));
        Element conditions = element(token, SAML, "Conditions");
        assertEquals(conditions.getAttribute("NotOnOrAfter"), data.getAttribute("NotOnOrAfter"));
        assertEquals(AUDIENCE, text(conditions, SAML, "Audience"));
        Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
        Instant notOnOrAfter = Instant.parse(conditions.getAttribute("NotOnOrAfter"));
        assertEquals(Duration.ofSeconds(DemoCitizenTokenIssuer.LIFETIME_SECONDS).plus(Duration.ofMinutes(5)),
                Duration.between(notBefore, notOnOrAfter));
        assertTrue(notBefore.isBefore(Instant.now()), notBefore.toString());
        Element lifetime = element(rstr, WST, "Lifetime");
        assertEquals(conditions.getAttribute("NotBefore"), text(lifetime, WSU, "Created"));
        assertEquals(conditions.getAttribute("NotOnOrAfter"), text(lifetime, WSU, "Expires"));
        assertEquals("DK-SAML-2.0", OioClientFixture.attribute(token, "dk:gov:saml:attribute:SpecVer"));
        assertEquals("3", OioClientFixture.attribute(token, "dk:gov:saml:attribute:AssuranceLevel"));
        assertEquals("0505651234", OioClientFixture.attribute(token, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals(0, token.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedData").getLength());

        List<String> sla = SlaLogFile.linesOf(messageId, 3);
        for (String point : List.of("id=200 name=AbstractStsRequestHandler.request", "id=270 name=NboIdwsRequestHandler.convert",
                "id=260 name=SignatureProvider.sign")) {
            assertTrue(sla.stream().anyMatch(l -> l.startsWith(point) && l.endsWith("outcome=ok")), point + " in " + sla);
        }
    }

    @Test
    void exchangeOnBehalfOfAGrantorWithProcurationThenTokenCarriesThePrivilegesScopedToTheClaim() throws Exception {
        String citizen = Bst2IdwsFixture.adultCpr();
        String grantor = Bst2IdwsFixture.adultCpr();
        bst.procurationIs(grantor, citizen, "urn:dk:sundhed:privilege:read");
        String claim = "urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:" + grantor;
        Document request = bst.signed(Bst2IdwsFixture.request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, citizen)))
                .claim("dk:healthcare:saml:attribute:OnBehalfOf", claim));

        Element token = token(bst.answer(request));

        assertEquals(citizen, OioClientFixture.attribute(token, "dk:gov:saml:attribute:CprNumberIdentifier"));
        String privileges = new String(Base64.getMimeDecoder().decode(
                OioClientFixture.attribute(token, "dk:gov:saml:attribute:Privileges_intermediate")), StandardCharsets.UTF_8);
        assertTrue(privileges.contains("Scope=\"" + claim + "\""), privileges);
        assertTrue(privileges.contains("urn:dk:sundhed:privilege:read"), privileges);
    }

    @Test
    void exchangeWhenDemoClientActsForTheDemoChildThenTokenCarriesTheRelation() throws Exception {
        bst.custodyIs(DemoBackendData.CITIZEN_CPR, DemoBackendData.CHILD_CPR);

        Element token = token(bst.answer(Bst2IdwsDemoClient.request(sts.embedded().demo(), bst.app(),
                Optional.of(Bst2IdwsDemoClient.FOR_CHILD))));

        String relations = new String(Base64.getMimeDecoder().decode(OioClientFixture.attribute(token,
                "urn:dk:healthcare:saml:attribute:SubjectRelations")), StandardCharsets.UTF_8);
        assertTrue(relations.contains("relatedPersonID=\"" + DemoBackendData.CHILD_CPR + "\""), relations);
    }

    @Test
    void exchangeForAnAudienceWithBlurringThenTokenCarriesTheBlurredOrganisationsOfIdsas() throws Exception {
        String citizen = Bst2IdwsFixture.adultCpr();
        String audience = bst.addAudience(Map.of("lifetime", "600", "certificate.app", Bst2SosiFixture.serialOf(bst.app()),
                "blurring", "V11"));
        sts.backends().stubFor(get(urlPathEqualTo("/idsas/idsas/20230601/lookup/" + citizen)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("SOR:123456789012345")));
        Document request = bst.signed(Bst2IdwsFixture.request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, citizen)), audience));

        Element token = token(OioClientFixture.answer(Await.until(() -> bst.post(request),
                response -> !response.body().contains("may not ask for this audience"))));

        String instructions = new String(Base64.getMimeDecoder().decode(OioClientFixture.attribute(token,
                "urn:dk:sosi:sts:attribute:BlurringInstructions")), StandardCharsets.UTF_8);
        assertTrue(instructions.contains("Version=\"V11\""), instructions);
        assertTrue(instructions.contains("SOR:123456789012345"), instructions);
    }

    @Test
    void exchangeOnBehalfOfAChildInParentalCustodyThenTokenCarriesTheVerifiedRelation() throws Exception {
        String parent = Bst2IdwsFixture.adultCpr();
        String child = Bst2IdwsFixture.childCpr(7);
        bst.custodyIs(parent, child);
        Document request = bst.signed(Bst2IdwsFixture.request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, parent)))
                .claim("dk:healthcare:saml:attribute:OnBehalfOf", "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:" + child));

        String relations = new String(Base64.getMimeDecoder().decode(OioClientFixture.attribute(token(bst.answer(request)),
                "urn:dk:healthcare:saml:attribute:SubjectRelations")), StandardCharsets.UTF_8);

        assertTrue(relations.contains("relatedPersonID=\"" + child + "\""), relations);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"OIO3BST_CITIZEN", "OIO2BST_CITIZEN"})
    void exchangeWhenPlainTokenOfEachProfileThenIdentityTokenWithItsCprAndNameId(Profile profile) throws Exception {
        String cpr = Bst2IdwsFixture.adultCpr();
        Element bootstrap = bst.signed(bst.token(profile, cpr));

        Element token = token(bst.answer(bst.signed(Bst2IdwsFixture.request(bootstrap))));

        assertEquals(cpr, OioClientFixture.attribute(token, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals(text(bootstrap, SAML, "NameID"), text(token, SAML, "NameID"));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"OIO3BST_CITIZEN", "OIO2BST_CITIZEN"})
    void exchangeWhenEncryptedTokenOfEachProfileWithAgreeingClaimThenIdentityToken(Profile profile) throws Exception {
        String cpr = Bst2IdwsFixture.adultCpr();
        Document request = bst.signed(Bst2IdwsFixture.request(bst.encrypted(bst.token(profile, cpr))).claim(CPR_CLAIM, cpr));

        assertEquals(cpr, OioClientFixture.attribute(token(bst.answer(request)), "dk:gov:saml:attribute:CprNumberIdentifier"));
    }

    @Test
    void exchangeWhenLegacyBearerTokenAndPidRelatedToTheClaimedCprThenIdentityTokenForTheClaimedCpr() throws Exception {
        String cpr = Bst2IdwsFixture.adultCpr();
        String pid = "9208-2002-2-" + cpr + "99";
        bst.pidRelated(pid, cpr, true);
        Element bootstrap = bst.encrypted(bst.token(Profile.OIO2BST_LEGACY, null).pid(pid));
        Document request = bst.signed(Bst2IdwsFixture.request(bootstrap).claim(CPR_CLAIM, cpr));
        String messageId = OioClientFixture.messageId(request);

        Element token = token(bst.answer(request));

        assertEquals(cpr, OioClientFixture.attribute(token, "dk:gov:saml:attribute:CprNumberIdentifier"));
        Element nameId = element(token, SAML, "NameID");
        assertEquals("C=DK,O=Ingen organisatorisk tilknytning,CN=Demo Borger,Serial=PID:" + pid, nameId.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName", nameId.getAttribute("Format"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", element(token, SAML, "SubjectConfirmation").getAttribute("Method"));
        assertTrue(SlaLogFile.linesOf(messageId, 4).stream().anyMatch(l -> l.startsWith("id=221 name=WsOcesPidService.isRelated")));
    }
}

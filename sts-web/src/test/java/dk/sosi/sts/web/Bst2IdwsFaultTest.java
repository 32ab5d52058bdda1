package dk.sosi.sts.web;

import static dk.sosi.sts.web.Bst2IdwsFixture.CPR_CLAIM;
import static dk.sosi.sts.web.Bst2IdwsFixture.request;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.CitizenBootstrapTokenBuilder.Profile;
import dk.sosi.sts.demo.client.CitizenBootstrapTokenBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Bst2Idws's refusals over HTTP (exchanges.md 3.4 and 2.7): each with the code and text a client developer reads,
 * never a stack trace: the caller and the audience, the citizen's CPR, and attacks on the bootstrap token (wrapped,
 * altered, presented by another key, encrypted in a hostile structure).
 */
class Bst2IdwsFaultTest {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String UNTRUSTED = "Authentication failed: Token in request signed by untrusted party";
    private static final String HOK_MISMATCH = "Signing certificate and holder-of-key certificate relation do not match";
    private static final String NOT_DECRYPTED = "The encrypted assertion could not be decrypted";

    private static StsTestServer sts;
    private static Bst2IdwsFixture bst;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        bst = new Bst2IdwsFixture(sts);
    }

    private static final String ON_BEHALF_OF = "dk:healthcare:saml:attribute:OnBehalfOf";

    private static CitizenBootstrapTokenBuilder token() {
        return bst.token(Profile.OIO3BST_CITIZEN, Bst2IdwsFixture.adultCpr());
    }

    private static void assertFault(SoapFaults fault, String code, String text) {
        assertEquals("wst:" + code, fault.faultcode(), fault.faultstring());
        assertEquals(text, fault.faultstring());
    }

    // --- the caller and the audience ---

    @Test
    void exchangeWhenSignerNotWhitelistedForTheAudienceThenRefusedBeforeTheToken() throws Exception {
        IssuedCredential employee = bst.client(DemoClient.EMPLOYEE_MOCES);
        Element token = bst.signed(token().holderOfKey(employee.certificate()));

        assertFault(bst.fault(Bst2IdwsFixture.signed(request(token), employee)), "FailedAuthentication",
                "The certificate \"" + Bst2SosiFixture.serialOf(employee) + "\" that signed the message may not ask for this audience");
    }

    /** An audience without lifetime is not active: its certificate.xxx rows admit nobody, decided before any crypto. */
    @Test
    void exchangeWhenAudienceHasNoLifetimeThenItsSignersAreRefused() throws Exception {
        String audience = bst.addAudience(Map.of("certificate.app", Bst2SosiFixture.serialOf(bst.app())));
        try {
            Document request = bst.signed(request(bst.signed(token()), audience));
            String expected = "The certificate \"" + Bst2SosiFixture.serialOf(bst.app()) + "\" that signed the message may not ask for this audience";

            assertFault(bst.fault(request), "FailedAuthentication", expected);
        } finally {
            bst.remove("audienceConfiguration", "audience", audience);
        }
    }

    @Test
    void exchangeWhenAudienceActiveThenLifetimeIsTheAudiences() throws Exception {
        String audience = bst.addAudience(Map.of("lifetime", "600", "certificate.app", Bst2SosiFixture.serialOf(bst.app())));
        try {
            Element token = Bst2IdwsFixture.token(bst.awaitAnswer(bst.signed(request(bst.signed(token()), audience))));

            Element conditions = (Element) token.getElementsByTagNameNS(SAML, "Conditions").item(0);
            assertEquals(Duration.ofMinutes(15), Duration.between(Instant.parse(conditions.getAttribute("NotBefore")),
                    Instant.parse(conditions.getAttribute("NotOnOrAfter"))));
        } finally {
            bst.remove("audienceConfiguration", "audience", audience);
        }
    }

    // --- the token's issuer, signature, profile, audience and time ---

    @Test
    void exchangeWhenTokenSignedByAKeyTheIssuerDoesNotListThenUntrustedParty() throws Exception {
        IssuedCredential stranger = new Bst2SosiFixture(sts).newIdpKey();
        Element token = token().signed(stranger.privateKey(), stranger.certificate());

        assertFault(bst.fault(bst.signed(request(token))), "FailedAuthentication", UNTRUSTED);
    }

    @Test
    void exchangeWhenTokenAlteredAfterTheIssuerSignedItThenFailedAuthentication() throws Exception {
        Element token = bst.signed(token());
        attributeValue(token, "https://data.gov.dk/model/core/eid/cprNumber").setTextContent(Bst2IdwsFixture.adultCpr());

        assertFault(bst.fault(bst.signed(request(token))), "FailedAuthentication", "The bootstrap token signature is invalid");
    }

    /** Signature wrapping: the signed original hidden inside an altered assertion, whose signature still names it. */
    @Test
    void exchangeWhenSignedTokenIsWrappedInAnAlteredOneThenRefused() throws Exception {
        Element original = bst.signed(token());
        Element wrapper = (Element) original.cloneNode(true);
        wrapper.setAttribute("ID", "_" + UUID.randomUUID());
        attributeValue(wrapper, "https://data.gov.dk/model/core/eid/cprNumber").setTextContent(Bst2IdwsFixture.adultCpr());
        Element advice = wrapper.getOwnerDocument().createElementNS(SAML, "saml:Advice");
        advice.appendChild(original.cloneNode(true));
        Element conditions = (Element) wrapper.getElementsByTagNameNS(SAML, "Conditions").item(0);
        wrapper.insertBefore(advice, conditions.getNextSibling());

        assertFault(bst.fault(bst.signed(request(wrapper))), "FailedAuthentication",
                "The bootstrap token signature must refer to the bootstrap token itself: URI=\"#" + wrapper.getAttribute("ID") + "\"");
    }

    @Test
    void exchangeWhenTokenExpiredThenInvalidSecurityTokenSayingExpired() throws Exception {
        Element token = bst.signed(token().validity(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));

        SoapFaults fault = bst.fault(bst.signed(request(token)));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The bootstrap token expired at "), fault.faultstring());
    }

    @Test
    void exchangeWhenTokenForAnotherAudienceThanTheIssuersThenInvalidSecurityToken() throws Exception {
        Element token = bst.signed(token().audience("https://sts.sosi.dk/"));

        assertFault(bst.fault(bst.signed(request(token))), "InvalidSecurityToken", "The bootstrap token is not meant for the STS: its"
                + " saml:AudienceRestriction names no audience trustedIdpCitizenConfiguration configures for its issuer \""
                + DemoCitizenTokenIssuer.ISSUER + "\"");
    }

    @Test
    void exchangeWhenIssuerDoesNotAllowTheTokensProfileThenFailedAuthentication() throws Exception {
        IssuedCredential key = new Bst2SosiFixture(sts).newIdpKey();
        String issuer = bst.addIssuer(Map.of("signingKey.1", Bst2SosiFixture.base64(key.certificate()),
                "tokenProfile.1", "OIO3BST_CITIZEN", "audience", CitizenBootstrapTokenBuilder.STS_AUDIENCE));
        try {
            Element token = new CitizenBootstrapTokenBuilder(Profile.OIO2BST_CITIZEN, issuer).holderOfKey(bst.app().certificate())
                    .cpr(Bst2IdwsFixture.adultCpr()).signed(key.privateKey(), key.certificate());

            assertFault(bst.awaitFault(bst.signed(request(token)), "profile OIO2BST_CITIZEN"), "FailedAuthentication",
                    "Authentication failed: bootstrap tokens of profile OIO2BST_CITIZEN are not accepted from \"" + issuer + "\"");
        } finally {
            bst.remove("trustedIdpCitizenConfiguration", "issuer", issuer);
        }
    }

    @Test
    void exchangeWhenTokensHolderOfKeyIsAnotherCertificateThanTheSignersThenMismatch() throws Exception {
        Element token = bst.signed(token().holderOfKey(bst.client(DemoClient.EMPLOYEE_MOCES).certificate()));

        assertFault(bst.fault(bst.signed(request(token))), "FailedAuthentication", HOK_MISMATCH);
    }

    // --- the citizen's CPR ---

    @Test
    void exchangeWhenClaimedCprIsNotTheTokensThenFailedAuthentication() throws Exception {
        Document request = bst.signed(request(bst.signed(token())).claim(CPR_CLAIM, Bst2IdwsFixture.adultCpr()));

        assertFault(bst.fault(request), "FailedAuthentication", "Authentication failed: the claimed CPR is not the CPR of the bootstrap token");
    }

    @Test
    void exchangeWhenTokenStatesNoCprAndRequestClaimsNoneThenInvalidRequest() throws Exception {
        Element token = bst.signed(new CitizenBootstrapTokenBuilder(Profile.OIO3BST_CITIZEN, DemoCitizenTokenIssuer.ISSUER)
                .holderOfKey(bst.app().certificate()));

        assertFault(bst.fault(bst.signed(request(token))), "InvalidRequest", "The bootstrap token does not state the citizen's CPR:"
                + " put auth:ClaimType Uri=\"dk:gov:saml:attribute:CprNumberIdentifier\" in wst:Claims");
    }

    @Test
    void exchangeWhenLegacyTokensPidIsNotRelatedToTheClaimedCprThenFailedAuthentication() throws Exception {
        String cpr = Bst2IdwsFixture.adultCpr();
        String pid = "9208-2002-2-" + cpr + "98";
        bst.pidRelated(pid, cpr, false);
        Document request = bst.signed(request(bst.signed(bst.token(Profile.OIO2BST_LEGACY, null).pid(pid))).claim(CPR_CLAIM, cpr));

        assertFault(bst.fault(request), "FailedAuthentication",
                "Authentication failed: the claimed CPR is not related to the PID of the bootstrap token");
    }

    @Test
    void exchangeWhenClaimedCprIsNoCprNumberThenInvalidRequest() throws Exception {
        Document request = bst.signed(request(bst.signed(bst.token(Profile.OIO2BST_LEGACY, null))).claim(CPR_CLAIM, "12345"));

        assertFault(bst.fault(request), "InvalidRequest", "The claim dk:gov:saml:attribute:CprNumberIdentifier is not a CPR number (10 digits)");
    }

    // --- acting for someone else ---

    @Test
    void exchangeWhenProcurationClaimedButNoneGivenThenFailedAuthentication() throws Exception {
        String citizen = Bst2IdwsFixture.adultCpr();
        String grantor = Bst2IdwsFixture.adultCpr();
        bst.procurationIs(grantor, citizen);
        Document request = bst.signed(request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, citizen)))
                .claim(ON_BEHALF_OF, "urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:" + grantor));

        SoapFaults fault = bst.fault(request);

        assertFault(fault, "FailedAuthentication", "Authentication failed: the procuration service knows no procuration from the "
                + "person in dk:healthcare:saml:attribute:OnBehalfOf to the citizen");
    }

    @Test
    void exchangeWhenParentalCustodyOfAChildNotInCustodyThenFailedAuthentication() throws Exception {
        String parent = Bst2IdwsFixture.adultCpr();
        bst.custodyIs(parent, Bst2IdwsFixture.childCpr(8));
        Document request = bst.signed(request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, parent))).claim(ON_BEHALF_OF,
                "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:" + Bst2IdwsFixture.childCpr(9)));

        SoapFaults fault = bst.fault(request);

        assertFault(fault, "FailedAuthentication",
                "Authentication failed: the person in dk:healthcare:saml:attribute:OnBehalfOf is not in the citizen's parental custody");
    }

    @Test
    void exchangeWhenWardCustodyClaimedBySignerNotListedAsWardCertificateThenFailedAuthentication() throws Exception {
        Document request = bst.signed(request(bst.signed(token())).claim(ON_BEHALF_OF,
                "urn:dk:healthcare:saml:actThrough:WardCustody:cprNumberIdentifier:" + Bst2IdwsFixture.adultCpr()));

        SoapFaults fault = bst.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode(), fault.faultstring());
        assertTrue(fault.faultstring().contains("srp.ward.certificate"), fault.faultstring());
    }

    @Test
    void exchangeWhenCitizenIsUnderTheMinimumAgeThenFailedAuthentication() throws Exception {
        Document request = bst.signed(request(bst.signed(bst.token(Profile.OIO3BST_CITIZEN, Bst2IdwsFixture.childCpr(14)))));

        SoapFaults fault = bst.fault(request);

        assertFault(fault, "FailedAuthentication", "Authentication failed: the citizen is younger than the minimum allowed age of 15 years");
    }

    // --- hostile encryption ---

    @Test
    void exchangeWhenEncryptedKeyIsFetchedThroughARetrievalMethodThenNotDecrypted() throws Exception {
        Element encrypted = bst.encrypted(token());
        Element keyInfo = (Element) encrypted.getElementsByTagNameNS(OioClientFixture.DS, "KeyInfo").item(0);
        Element retrieval = encrypted.getOwnerDocument().createElementNS(OioClientFixture.DS, "ds:RetrievalMethod");
        retrieval.setAttribute("URI", "http://169.254.169.254/latest/meta-data/");
        retrieval.setAttribute("Type", "http://www.w3.org/2001/04/xmlenc#EncryptedKey");
        keyInfo.insertBefore(retrieval, keyInfo.getFirstChild());

        assertFault(bst.fault(bst.signed(request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    @Test
    void exchangeWhenTooManyEncryptedKeysThenNotDecrypted() throws Exception {
        Element encrypted = bst.encrypted(token());
        Element key = (Element) encrypted.getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
        Node parent = key.getParentNode();
        for (int i = 0; i < 4; i++) {
            parent.appendChild(key.cloneNode(true));
        }

        assertFault(bst.fault(bst.signed(request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    @Test
    void exchangeWhenTokenEncryptedToTheEmployeeIssuersKeyThenNotDecrypted() throws Exception {
        Element encrypted = BootstrapTokenBuilder.encrypted(bst.signed(token()),
                new Bst2SosiFixture(sts).idp().encryption().certificate());

        assertFault(bst.fault(bst.signed(request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    private static Element attributeValue(Element assertion, String name) {
        Element attribute = OioClientFixture.attributeElement(assertion, name);
        return (Element) attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
    }
}

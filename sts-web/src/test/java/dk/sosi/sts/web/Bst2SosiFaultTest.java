package dk.sosi.sts.web;

import static dk.sosi.sts.web.Bst2SosiFixture.AUTHORIZATION_ACTOR;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder.Profile;
import dk.sosi.sts.demo.client.OioRequestBuilder;
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
 * BST2SOSI's refusals over HTTP (exchanges.md 3.3 and 2.7): each with the code, text and actor a client developer
 * reads, never a stack trace, including attacks on the token: wrapped, altered, presented by another key, or
 * encrypted in a hostile structure.
 */
class Bst2SosiFaultTest {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String UNTRUSTED = "Authentication failed: Token in request signed by untrusted party";
    private static final String HOK_MISMATCH = "Signing certificate and holder-of-key certificate relation do not match";
    private static final String NOT_DECRYPTED = "The encrypted assertion could not be decrypted";

    private static StsTestServer sts;
    private static Bst2SosiFixture bst;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        bst = new Bst2SosiFixture(sts);
    }

    private static BootstrapTokenBuilder token() {
        return bst.token(Profile.OIOH3BST, Bst2SosiFixture.newCpr());
    }

    private static void assertFault(SoapFaults fault, String code, String text) {
        assertEquals("wst:" + code, fault.faultcode(), fault.faultstring());
        assertEquals(text, fault.faultstring());
    }

    // --- the token's issuer and signature ---

    @Test
    void exchangeWhenTokenSignedByAKeyTheIssuerDoesNotListThenUntrustedParty() throws Exception {
        IssuedCredential stranger = bst.newIdpKey();
        Element token = token().signed(stranger.privateKey(), stranger.certificate());

        assertFault(bst.fault(bst.signed(bst.request(token))), "FailedAuthentication", UNTRUSTED);
    }

    @Test
    void exchangeWhenIssuerNotConfiguredThenUntrustedParty() throws Exception {
        Element token = bst.signed(new BootstrapTokenBuilder(Profile.OIOH3BST, "https://unknown.idp.test/")
                .holderOfKey(bst.karl().certificate()).professionalUuid(UUID.randomUUID().toString()));

        assertFault(bst.fault(bst.signed(bst.request(token))), "FailedAuthentication", UNTRUSTED);
    }

    @Test
    void exchangeWhenTokenAlteredAfterTheIssuerSignedItThenFailedAuthentication() throws Exception {
        Element token = bst.signed(token());
        Element organisation = attributeValue(token, "https://data.gov.dk/model/core/eid/professional/orgName");
        organisation.setTextContent("Another organisation");

        assertFault(bst.fault(bst.signed(bst.request(token))), "FailedAuthentication", "The bootstrap token signature is invalid");
    }

    /** Signature wrapping: the signed original hidden inside an altered assertion, whose signature still names it. */
    @Test
    void exchangeWhenSignedTokenIsWrappedInAnAlteredOneThenRefused() throws Exception {
        Element original = bst.signed(token());
        Element wrapper = (Element) original.cloneNode(true);
        wrapper.setAttribute("ID", "_" + UUID.randomUUID());
        attributeValue(wrapper, "https://data.gov.dk/model/core/eid/professional/orgName").setTextContent("Wrapped");
        Element advice = wrapper.getOwnerDocument().createElementNS(SAML, "saml:Advice");
        advice.appendChild(original.cloneNode(true));
        Element conditions = (Element) wrapper.getElementsByTagNameNS(SAML, "Conditions").item(0);
        wrapper.insertBefore(advice, conditions.getNextSibling());

        SoapFaults fault = bst.fault(bst.signed(bst.request(wrapper)));

        assertEquals("wst:FailedAuthentication", fault.faultcode(), fault.faultstring());
        assertEquals("The bootstrap token signature must refer to the bootstrap token itself: URI=\"#" + wrapper.getAttribute("ID")
                + "\"", fault.faultstring());
    }

    @Test
    void exchangeWhenActAsHoldsTwoTokensThenInvalidRequest() throws Exception {
        Document request = bst.signed(bst.request(bst.signed(token())).actAs(bst.signed(token())));

        assertFault(bst.fault(request), "InvalidRequest",
                "The wst14:ActAs must hold one bootstrap token: a saml:Assertion or a saml:EncryptedAssertion");
    }

    @Test
    void exchangeWhenTokenExpiredThenInvalidSecurityTokenSayingExpired() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        Element token = bst.signed(token().validity(issued, Duration.ofHours(1)));

        SoapFaults fault = bst.fault(bst.signed(bst.request(token)));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The bootstrap token expired at "), fault.faultstring());
    }

    @Test
    void exchangeWhenTokenForAnotherAudienceThenInvalidSecurityToken() throws Exception {
        Element token = bst.signed(token().audience("https://another-sts.example/"));

        assertFault(bst.fault(bst.signed(bst.request(token))), "InvalidSecurityToken",
                "The bootstrap token is not meant for the STS: its saml:AudienceRestriction does not name \"https://sts.sosi.dk/\"");
    }

    @Test
    void exchangeWhenIssuerDoesNotAllowTheTokensProfileThenFailedAuthentication() throws Exception {
        IssuedCredential key = bst.newIdpKey();
        String issuer = bst.addIssuer("profiles", Map.of("signingKey.1", Bst2SosiFixture.base64(key.certificate()),
                "tokenProfile.1", "OIOH3BST", "certificate.portal", Bst2SosiFixture.serialOf(bst.karl())));
        try {
            Element token = new BootstrapTokenBuilder(Profile.OIO3BST, issuer).holderOfKey(bst.karl().certificate())
                    .cpr(Bst2SosiFixture.newCpr()).signed(key.privateKey(), key.certificate());
            Document request = bst.signed(bst.request(token));
            String expected = "Authentication failed: bootstrap tokens of profile OIO3BST are not accepted from \"" + issuer + "\"";

            SoapFaults fault = SoapFaults.of(Await.until(() -> bst.post(request), r -> r.body().contains("profile OIO3BST")));

            assertFault(fault, "FailedAuthentication", expected);
        } finally {
            bst.removeIssuer(issuer);
        }
    }

    // --- holder-of-key and whitelist ---

    @Test
    void exchangeWhenTokensHolderOfKeyIsAnotherCertificateThanTheSignersThenMismatch() throws Exception {
        Element token = bst.signed(token().holderOfKey(bst.client(DemoClient.SYSTEM_FOCES).certificate()));

        assertFault(bst.fault(bst.signed(bst.request(token))), "FailedAuthentication", HOK_MISMATCH);
    }

    @Test
    void exchangeWhenTokenHasNoHolderOfKeyAndIssuerValidatesItThenMismatch() throws Exception {
        Element token = bst.signed(new BootstrapTokenBuilder(Profile.OIOH3BST, DemoBootstrapTokenIssuer.ISSUER)
                .professionalUuid(bst.uuidOf(Bst2SosiFixture.newCpr())));

        assertFault(bst.fault(bst.signed(bst.request(token))), "FailedAuthentication",
                HOK_MISMATCH + ": the bootstrap token has no holder-of-key certificate");
    }

    @Test
    void exchangeWhenIssuerDoesNotValidateHolderOfKeyThenAnotherKeysTokenIsAccepted() throws Exception {
        IssuedCredential key = bst.newIdpKey();
        String issuer = bst.addIssuer("nohok", Map.of("signingKey.1", Bst2SosiFixture.base64(key.certificate()),
                "tokenProfile.1", "OIOH3BST", "validateHOK", "false", "certificate.portal", Bst2SosiFixture.serialOf(bst.karl())));
        try {
            Element token = new BootstrapTokenBuilder(Profile.OIOH3BST, issuer)
                    .holderOfKey(bst.client(DemoClient.SYSTEM_FOCES).certificate())
                    .professionalUuid(bst.uuidOf(Bst2SosiFixture.newCpr())).signed(key.privateKey(), key.certificate());

            bst.awaitAnswer(bst.signed(bst.request(token)));
        } finally {
            bst.removeIssuer(issuer);
        }
    }

    @Test
    void exchangeWhenSignerOnNoIssuersWhitelistThenRefusedBeforeTheToken() throws Exception {
        IssuedCredential system = bst.client(DemoClient.SYSTEM_FOCES);
        Element token = bst.signed(token().holderOfKey(system.certificate()));

        assertFault(bst.fault(Bst2SosiFixture.signed(bst.request(token), system)), "FailedAuthentication",
                "The certificate \"" + Bst2SosiFixture.serialOf(system) + "\" that signed the message may not ask for this audience");
    }

    @Test
    void exchangeWhenSignerWhitelistedOnlyForAnotherIssuerThenRefusedForThisOne() throws Exception {
        IssuedCredential system = bst.client(DemoClient.SYSTEM_FOCES3);
        String other = bst.addIssuer("whitelist", Map.of("certificate.system", Bst2SosiFixture.serialOf(system)));
        try {
            Element token = bst.signed(token().holderOfKey(system.certificate()));
            Document request = Bst2SosiFixture.signed(bst.request(token), system);

            SoapFaults fault = SoapFaults.of(Await.until(() -> bst.post(request), r -> r.body().contains("bootstrap tokens of")));

            assertFault(fault, "FailedAuthentication", "The certificate \"" + Bst2SosiFixture.serialOf(system)
                    + "\" that signed the message may not exchange bootstrap tokens of \"" + DemoBootstrapTokenIssuer.ISSUER + "\"");
        } finally {
            bst.removeIssuer(other);
        }
    }

    @Test
    void exchangeWhenSignerWhitelistedForEveryIssuerByStarThenAccepted() throws Exception {
        IssuedCredential system = bst.client(DemoClient.SYSTEM_VOCES);
        bst.addRow("*", "certificate.bst2sosi-test", Bst2SosiFixture.serialOf(system));
        try {
            Element token = bst.signed(token().holderOfKey(system.certificate()));

            bst.awaitAnswer(Bst2SosiFixture.signed(bst.request(token), system));
        } finally {
            bst.removeIssuer("*");
        }
    }

    // --- the request's claims and the user ---

    @Test
    void exchangeWhenNoItSystemNameClaimThenInvalidRequest() throws Exception {
        Document request = bst.signed(new OioRequestBuilder().actAs(bst.signed(token())).appliesTo(Bst2SosiFixture.APPLIES_TO));

        assertFault(bst.fault(request), "InvalidRequest",
                "ITSystemName required: put auth:ClaimType Uri=\"medcom:ITSystemName\" in wst:Claims");
    }

    @Test
    void exchangeWhenSubjectNameIdHoldsControlCharactersThenInvalidRequest() throws Exception {
        Document request = bst.signed(bst.request(bst.signed(token())).claim("sosi:SubjectNameID", "Mads\nSkjern"));

        assertFault(bst.fault(request), "InvalidRequest", "The claim sosi:SubjectNameID is malformed");
    }

    @Test
    void exchangeWhenNoAppliesToThenInvalidScope() throws Exception {
        Document request = bst.signed(new OioRequestBuilder().actAs(bst.signed(token())).claim("medcom:ITSystemName", "EPJ"));

        assertFault(bst.fault(request), "InvalidScope", "The request must name the audience of the id-card in wsp:AppliesTo");
    }

    @Test
    void exchangeWhenAuthorizationCodeNotRegisteredForTheUserThenAuthorizationNotFound() throws Exception {
        String cpr = Bst2SosiFixture.newCpr();
        bst.authorizationsAre(cpr, "J0184;7170");
        Document request = bst.signed(bst.request(bst.signed(bst.token(Profile.OIOH3BST, cpr)))
                .claim("medcom:UserRole", "7170").claim("medcom:UserAuthorizationCode", "X9999"));

        assertFault(bst.fault(request, AUTHORIZATION_ACTOR), "FailedAuthentication", "Authentication failed: authorization not found");
    }

    @Test
    void exchangeWhenRoleIsNoDefinedNationalRoleThenInvalidRoleSupplied() throws Exception {
        String role = "urn:dk:healthcare:national-federation-role:code:99999:value:Ukendt";
        Document request = bst.signed(bst.request(bst.signed(token())).claim("medcom:UserRole", role));

        assertFault(bst.fault(request, AUTHORIZATION_ACTOR), "FailedAuthentication",
                "Authentication failed: invalid role supplied (" + role + ")");
    }

    @Test
    void exchangeWhenOioh2BstsPrivilegesLackTheRoleThenUserDoesNotHaveIt() throws Exception {
        bst.sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation',"
                + " 'nspPlejeAssR3', '41003', 'PlejeAssR3')");
        String role = "urn:dk:healthcare:national-federation-role:code:41003:value:PlejeAssR3";
        Element token = bst.encrypted(bst.token(Profile.OIOH2BST, Bst2SosiFixture.newCpr())
                .privilege("urn:dk:healthcare:national-federation-role:code:40001:value:Laegesekretaer"));
        Document request = bst.signed(bst.request(token).claim("medcom:UserRole", role));

        SoapFaults fault = SoapFaults.of(Await.until(() -> bst.post(request), r -> !r.body().contains("invalid role supplied")));

        assertEquals(AUTHORIZATION_ACTOR, fault.faultactor());
        assertFault(fault, "FailedAuthentication", "Authentication failed: user does not have the requested role (" + role + ")");
    }

    @Test
    void exchangeWhenDirectoryDoesNotGiveTheOioh3UserTheRoleThenUserDoesNotHaveIt() throws Exception {
        bst.sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation',"
                + " 'nspPlejeAssR3', '41003', 'PlejeAssR3')");
        String role = "urn:dk:healthcare:national-federation-role:code:41003:value:PlejeAssR3";
        String cpr = Bst2SosiFixture.newCpr();
        bst.rolesAre(cpr, Bst2SosiFixture.DEMO_CVR, "nspLaegesekretaer");
        Document request = bst.signed(bst.request(bst.signed(bst.token(Profile.OIOH3BST, cpr))).claim("medcom:UserRole", role));

        SoapFaults fault = SoapFaults.of(Await.until(() -> bst.post(request), r -> !r.body().contains("invalid role supplied")));

        assertEquals(AUTHORIZATION_ACTOR, fault.faultactor());
        assertFault(fault, "FailedAuthentication", "Authentication failed: user does not have the requested role (" + role + ")");
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

        assertFault(bst.fault(bst.signed(bst.request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    @Test
    void exchangeWhenTooManyEncryptedKeysThenNotDecrypted() throws Exception {
        Element encrypted = bst.encrypted(token());
        Element key = (Element) encrypted.getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
        Node parent = key.getParentNode();
        for (int i = 0; i < 4; i++) {
            parent.appendChild(key.cloneNode(true));
        }

        assertFault(bst.fault(bst.signed(bst.request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    @Test
    void exchangeWhenTokenEncryptedToAKeyNoIssuerHasThenNotDecrypted() throws Exception {
        Element encrypted = BootstrapTokenBuilder.encrypted(bst.signed(token()), bst.newIdpKey().certificate());

        assertFault(bst.fault(bst.signed(bst.request(encrypted))), "InvalidSecurityToken", NOT_DECRYPTED);
    }

    private static Element attributeValue(Element assertion, String name) {
        Element attribute = OioClientFixture.attributeElement(assertion, name);
        return (Element) attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
    }
}

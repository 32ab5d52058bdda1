package dk.sosi.sts.web;

import static dk.sosi.sts.web.EhdsiFixture.AUDIENCE;
import static dk.sosi.sts.web.EhdsiFixture.request;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.DkNcpBootstrapTokenBuilder;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * DKNCPBST2EHDSIIdws's refusals over HTTP, in the order of exchanges.md 3.7, each with the code and text the contact
 * point's developers read: the audience, the message signature and whitelist, the bootstrap token's signer, audience,
 * time and holder of key, the issuance policy, the patient; and attacks on the token (altered, wrapped, encrypted).
 */
class EhdsiFaultTest {

    private static final String UNTRUSTED = "Authentication failed: Token in request signed by untrusted party";
    private static final String HOK_MISMATCH = "Signing certificate and holder-of-key certificate relation do not match";
    private static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";

    private static StsTestServer sts;
    private static EhdsiFixture ehdsi;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        ehdsi = new EhdsiFixture(sts);
        ehdsi.patientKnown(EhdsiFixture.DEMO_PATIENT, true);
    }

    private static void assertFault(SoapFaults fault, String code, String text) {
        assertEquals("wst:" + code, fault.faultcode(), fault.faultstring());
        assertEquals(text, fault.faultstring());
    }

    private static DkNcpBootstrapTokenBuilder token() {
        return ehdsi.token(AUDIENCE);
    }

    private static Document signed(DkNcpBootstrapTokenBuilder token) {
        return ehdsi.signed(request(ehdsi.signed(token), AUDIENCE));
    }

    /** A token for the patient {@code patientId} (the TRC's subject-id, as the contact point copies it). */
    private static DkNcpBootstrapTokenBuilder tokenForPatient(String patientId) {
        Element header = DemoNationalContactPoint.openNcpHeader(ehdsi.demo());
        NodeList assertions = header.getElementsByTagNameNS(SAML, "Assertion");
        Element trc = (Element) assertions.item(1);
        attributeValue(trc, SUBJECT_ID).setTextContent(patientId);
        return ehdsi.token(header, AUDIENCE);
    }

    private static Element attributeValue(Element assertion, String name) {
        return (Element) OioClientFixture.attributeElement(assertion, name).getElementsByTagNameNS(SAML, "AttributeValue").item(0);
    }

    private static Map<String, String> activeAudience(String... more) throws Exception {
        Map<String, String> rows = new HashMap<>(Map.of("lifetime", "300", "signingKey.ncp", Bst2SosiFixture.base64(ehdsi.ncp().certificate())));
        for (int i = 0; i < more.length; i += 2) {
            rows.put(more[i], more[i + 1]);
        }
        return rows;
    }

    // --- 1. the audience ---

    @Test
    void exchangeWhenRequestNamesNoAudienceThenInvalidScope() throws Exception {
        Document request = ehdsi.signed(new OioRequestBuilder().actAs(ehdsi.signed(token())));

        assertFault(ehdsi.fault(request), "InvalidScope",
                "The request names no audience: wsp:AppliesTo/wsa:EndpointReference/wsa:Address is missing");
    }

    @Test
    void exchangeWhenAudienceHasNoLifetimeThenNotConfiguredBeforeAnySignatureIsChecked() throws Exception {
        String audience = ehdsi.addAudience(Map.of("signingKey.ncp", Bst2SosiFixture.base64(ehdsi.ncp().certificate())));
        Document request = ehdsi.signed(request(ehdsi.signed(ehdsi.token(audience)), audience));

        assertFault(ehdsi.fault(request), "InvalidScope", "Audience not configured: \"" + audience + "\"");
    }

    @Test
    void exchangeWhenAudiencesValueIsUnusableThenRequestFailedNamingTheRow() throws Exception {
        String audience = ehdsi.addAudience(activeAudience("validateHOK", "maybe"));
        Document request = ehdsi.signed(request(ehdsi.signed(ehdsi.token(audience)), audience));

        assertFault(ehdsi.awaitFault(request, "validateHOK"), "RequestFailed",
                "The ehdsiAudienceConfiguration validateHOK of audience \"" + audience + "\" is not true or false");
    }

    // --- 2. the message signature and the whitelist ---

    @Test
    void exchangeWhenMessageUnsignedThenFailedAuthentication() throws Exception {
        Document request = request(ehdsi.signed(token()), AUDIENCE).unsigned();

        assertFault(ehdsi.fault(request), "FailedAuthentication", "The message must be signed: put a ds:Signature over "
                + "wsa:MessageID, wsa:Action, wsu:Timestamp and soap:Body in the wsse:Security header");
    }

    @Test
    void exchangeWhenSignerIsNotACertificateOfTheAudienceWhitelistThenRefusedBeforeTheToken() throws Exception {
        IssuedCredential system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
        Element token = ehdsi.signed(token().holderOfKey(system.certificate()));

        assertFault(ehdsi.fault(EhdsiFixture.signed(request(token, AUDIENCE), system)), "FailedAuthentication",
                "The certificate \"" + Bst2SosiFixture.serialOf(system) + "\" that signed the message may not ask for this audience");
    }

    @Test
    void exchangeWhenSignedMessageAlteredThenInvalidSignature() throws Exception {
        Document request = signed(token());
        ((Element) request.getElementsByTagNameNS(OioClientFixture.WST, "RequestSecurityToken").item(0))
                .setAttributeNS(null, "Context", "urn:uuid:changed-after-signing");

        SoapFaults fault = ehdsi.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode(), fault.faultstring());
        assertTrue(fault.faultstring().contains("signature"), fault.faultstring());
    }

    @Test
    void exchangeWhenSignerFromAnUntrustedCaThenUntrustedPartyBeforeTheSignatureIsComputed() throws Exception {
        IssuedCredential untrusted = sts.embedded().demo().loadClientCredential(DemoClient.UNTRUSTED_FOCES);

        assertFault(ehdsi.fault(EhdsiFixture.signed(request(ehdsi.signed(token()), AUDIENCE), untrusted)), "FailedAuthentication",
                UNTRUSTED);
    }

    @Test
    void exchangeWhenSignerCertificateRevokedThenInvalidSecurityToken() throws Exception {
        IssuedCredential revoked = sts.embedded().demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES_REVOKED);
        Document request = EhdsiFixture.signed(request(ehdsi.signed(token()), AUDIENCE), revoked);

        assertFault(ehdsi.awaitFault(request, "revoked"), "InvalidSecurityToken",
                "The signing certificate " + Bst2SosiFixture.serialOf(revoked) + " has been revoked");
    }

    // --- 3. the bootstrap token's signer, and attacks on its signature ---

    @Test
    void exchangeWhenTokenSignedByAKeyTheAudienceDoesNotListThenUntrustedParty() throws Exception {
        IssuedCredential stranger = new Bst2SosiFixture(sts).newIdpKey();
        Element token = token().signed(stranger.privateKey(), stranger.certificate());

        assertFault(ehdsi.fault(ehdsi.signed(request(token, AUDIENCE))), "FailedAuthentication", UNTRUSTED);
    }

    @Test
    void exchangeWhenTokenAlteredAfterTheContactPointSignedItThenFailedAuthentication() throws Exception {
        Element token = ehdsi.signed(token());
        attributeValue(token, "urn:oasis:names:tc:xacml:2.0:resource:resource-id").setTextContent("1111111118^^^&1.2.208.176.1.2&ISO");

        assertFault(ehdsi.fault(ehdsi.signed(request(token, AUDIENCE))), "FailedAuthentication",
                "The DK NCP bootstrap token signature is invalid");
    }

    /** Signature wrapping: the signed original hidden inside an altered assertion, whose signature still names it. */
    @Test
    void exchangeWhenSignedTokenIsWrappedInAnAlteredOneThenRefused() throws Exception {
        Element original = ehdsi.signed(token());
        Element wrapper = (Element) original.cloneNode(true);
        wrapper.setAttribute("ID", "_" + UUID.randomUUID());
        attributeValue(wrapper, "urn:dk:healthcare:saml:IssuancePolicy").setTextContent("urn:dk:sosi:sts:eHDSI-strict");
        Element advice = wrapper.getOwnerDocument().createElementNS(SAML, "saml:Advice");
        advice.appendChild(original.cloneNode(true));
        Element conditions = (Element) wrapper.getElementsByTagNameNS(SAML, "Conditions").item(0);
        wrapper.insertBefore(advice, conditions.getNextSibling());

        assertFault(ehdsi.fault(ehdsi.signed(request(wrapper, AUDIENCE))), "FailedAuthentication",
                "The DK NCP bootstrap token signature must refer to the DK NCP bootstrap token itself: URI=\"#"
                        + wrapper.getAttribute("ID") + "\"");
    }

    @Test
    void exchangeWhenTokenEncryptedThenInvalidRequest() throws Exception {
        Element encrypted = BootstrapTokenBuilder.encrypted(ehdsi.signed(token()), ehdsi.stsKey().certificate());

        assertFault(ehdsi.fault(ehdsi.signed(request(encrypted, AUDIENCE))), "InvalidRequest",
                "The DK NCP bootstrap token must be a plain saml:Assertion: this endpoint decrypts no tokens");
    }

    // --- 4. the token's audience ---

    @Test
    void exchangeWhenTokenWasIssuedForAnotherAudienceThanAppliesToThenInvalidSecurityToken() throws Exception {
        Element token = ehdsi.signed(ehdsi.token("https://fmk"));

        assertFault(ehdsi.fault(ehdsi.signed(request(token, AUDIENCE))), "InvalidSecurityToken",
                "The DK NCP bootstrap token was issued for another audience: its saml:AudienceRestriction does not name the "
                        + "wsp:AppliesTo \"" + AUDIENCE + "\"");
    }

    // --- 5. time, with the audience's drift ---

    @Test
    void exchangeWhenTokenExpiredBeyondTheAudiencesDriftThenInvalidSecurityTokenSayingExpired() throws Exception {
        Instant expiredAt = Instant.now().minusSeconds(60);
        DkNcpBootstrapTokenBuilder token = token().validity(expiredAt.minus(Duration.ofHours(2)), Duration.ofHours(2));
        String strict = ehdsi.addAudience(activeAudience("allowedDriftInSeconds", "10"));
        ehdsi.addPolicy(strict, DkNcpBootstrapTokenBuilder.DEFAULT_POLICY, "test-ehdsi-sts-policy");

        ehdsi.answer(signed(token));
        SoapFaults fault = ehdsi.awaitFault(ehdsi.signed(request(ehdsi.signed(token.audience(strict)), strict)), "expired");

        assertEquals("wst:InvalidSecurityToken", fault.faultcode(), fault.faultstring());
        assertTrue(fault.faultstring().startsWith("The DK NCP bootstrap token expired at "), fault.faultstring());
    }

    @Test
    void exchangeWhenTokenNotYetValidThenInvalidSecurityToken() throws Exception {
        SoapFaults fault = ehdsi.fault(signed(token().validity(Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(2))));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode(), fault.faultstring());
        assertTrue(fault.faultstring().startsWith("The DK NCP bootstrap token is not valid before "), fault.faultstring());
    }

    // --- 6. holder of key ---

    @Test
    void exchangeWhenTokensHolderOfKeyIsAnotherCertificateThanTheSignersThenMismatch() throws Exception {
        IssuedCredential system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);

        assertFault(ehdsi.fault(signed(token().holderOfKey(system.certificate()))), "FailedAuthentication", HOK_MISMATCH);
    }

    // --- 7. the issuance policy ---

    @Test
    void exchangeWhenIssuancePolicyIsNotMappedForTheAudienceThenFailedAuthentication() throws Exception {
        assertFault(ehdsi.fault(signed(token().issuancePolicy("urn:dk:ncp:eHDSI-unknown"))), "FailedAuthentication",
                "Authentication failed: the issuance policy \"urn:dk:ncp:eHDSI-unknown\" of the DK NCP bootstrap token is not "
                        + "accepted for audience \"" + AUDIENCE + "\" (ehdsiPoliciesConfiguration)");
    }

    @Test
    void exchangeWhenOnePolicyIsMappedToTwoThenRequestFailed() throws Exception {
        String audience = ehdsi.addAudience(activeAudience());
        ehdsi.addPolicy(audience, "urn:dk:ncp:eHDSI-default", "policy-a");
        ehdsi.addPolicy(audience, "urn:dk:ncp:eHDSI-default", "policy-b");
        Document request = ehdsi.signed(request(ehdsi.signed(ehdsi.token(audience)), audience));

        assertFault(ehdsi.awaitFault(request, "more than one"), "RequestFailed", "ehdsiPoliciesConfiguration maps the issuance "
                + "policy \"urn:dk:ncp:eHDSI-default\" of audience \"" + audience + "\" to more than one sts_policy");
    }

    // --- 8. the patient ---

    @Test
    void exchangeWhenPersonInformationDoesNotKnowThePatientThenFailedAuthentication() throws Exception {
        ehdsi.patientKnown("2512489996", false);

        assertFault(ehdsi.fault(signed(tokenForPatient("2512489996^^^&1.2.208.176.1.2&ISO"))), "FailedAuthentication",
                "Authentication failed: the patient's CPR number (resource-id) is not a valid CPR number of a person in the CPR register");
    }

    @Test
    void exchangeWhenPatientIsNotNamedByADanishCprNumberThenInvalidSecurityToken() throws Exception {
        for (String id : new String[] {"invalid-cpr^^^&1.2.208.176.1.2&ISO", "1011649927^^^&1.2.246.21&ISO", "1011649927"}) {
            assertFault(ehdsi.fault(signed(tokenForPatient(id))), "InvalidSecurityToken", "The DK NCP bootstrap token's patient id \""
                    + id + "\" is not a Danish CPR number: write <cpr>^^^&1.2.208.176.1.2&ISO");
        }
    }

    // --- 9. coded values ---

    @Test
    void exchangeWhenPurposeOfUseIsNoEhdsiPurposeThenInvalidSecurityToken() throws Exception {
        Element header = DemoNationalContactPoint.openNcpHeader(ehdsi.demo());
        Element purpose = (Element) header.getElementsByTagNameNS("urn:hl7-org:v3", "PurposeOfUse").item(0);
        purpose.setAttribute("code", "---invalid-value---");

        assertFault(ehdsi.fault(signed(ehdsi.token(header, AUDIENCE))), "InvalidSecurityToken",
                "The DK NCP bootstrap token's PurposeOfUse \"---invalid-value---\" is neither TREATMENT nor EMERGENCY");
    }

    /** The message is signed with the algorithm of the national connector; a SHA-1 message signature is still accepted. */
    @Test
    void exchangeWhenMessageSignedWithRsaSha1ThenAccepted() throws Exception {
        OioRequestBuilder request = request(ehdsi.signed(token()), AUDIENCE);
        Document sha1 = request.signed(ehdsi.ncp().privateKey(), ehdsi.ncp().certificate(), SignatureAlgorithm.RSA_SHA1, Instant.now());

        assertEquals(AUDIENCE, EhdsiFixture.token(ehdsi.answer(sha1)).getElementsByTagNameNS(SAML, "Audience").item(0).getTextContent());
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.xml.XmlTimes;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every refusal of OIOSaml2Sosi (exchanges.md 3.2, faults 2.7) over HTTP, with the faultcode, the text that tells
 * the caller what to fix, the faultactor and wsa:RelatesTo; and the attacks on the IdP's assertion: one signed by
 * a key the STS does not trust, one altered after the IdP signed it, and a forged one wrapped around the genuine
 * one (XML signature wrapping).
 */
class OioSaml2SosiFaultTest {

    private static StsTestServer sts;
    private static NboClientFixture clients;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new NboClientFixture(sts);
    }

    // --- the request ---

    @Test
    void exchangeWhenMessageNotSignedThenFailedAuthentication() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(null);
        Document request = new OioRequestBuilder().actAs(clients.signed(karl))
                .actAs(NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())).appliesTo("http://sosi.dk").unsigned();

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The message must be signed"), fault.faultstring());
    }

    @Test
    void exchangeWhenMessageSignedByAnUntrustedCertificateThenUntrustedParty() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(null);
        Document request = clients.signed(new OioRequestBuilder().actAs(clients.signed(karl))
                .actAs(NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())), DemoClient.UNTRUSTED_FOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals(FederationTrust.UNTRUSTED, fault.faultstring());
    }

    @Test
    void exchangeWhenActAsEmptyThenInvalidRequest() throws Exception {
        SoapFaults fault = clients.fault(clients.request());

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The wst14:ActAs must hold the NemLog-in assertion (saml:Assertion) followed by the healthcare context "
                + "token (saml:Assertion)", fault.faultstring());
    }

    @Test
    void exchangeWhenNoContextTokenThenInvalidRequest() throws Exception {
        SoapFaults fault = clients.fault(clients.request(clients.signed(NboClientFixture.karl(clients.karlsCpr()))));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The wst14:ActAs holds no healthcare context token: put it as a second saml:Assertion after the "
                + "NemLog-in assertion", fault.faultstring());
    }

    @Test
    void exchangeWhenThreeTokensThenInvalidRequest() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(null);
        Element context = NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty());

        SoapFaults fault = clients.fault(clients.request(clients.signed(karl), context, context));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The wst14:ActAs must hold exactly two tokens: the NemLog-in assertion and the healthcare context token",
                fault.faultstring());
    }

    // --- the context token ---

    @Test
    void exchangeWhenContextTokenHasNoItSystemNameThenInvalidRequest() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Element context = NboClientFixture.contextToken(karl, Optional.of("7170"), Optional.empty());
        removeAttribute(context, "dk:healthcare:saml:attribute:ITSystemName");

        SoapFaults fault = clients.fault(clients.request(clients.signed(karl), context));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("ITSystemName required: the healthcare context token must carry dk:healthcare:saml:attribute:ITSystemName",
                fault.faultstring());
    }

    @Test
    void exchangeWhenContextTokenIsAboutAnotherUserThenInvalidRequest() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        SamlAssertion other = karl.toBuilder().subject(new Subject(Optional.of(NameId.of(
                "C=DK,O=Demo Lægehus // CVR:20921897,CN=Lise Jensen,Serial=CVR:20921897-RID:71538642", NameId.X509_SUBJECT_NAME)),
                List.of())).build();

        SoapFaults fault = clients.fault(clients.request(clients.signed(karl),
                NboClientFixture.contextToken(other, Optional.empty(), Optional.empty())));

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The healthcare context token must be about the user of the NemLog-in assertion: its saml:Subject/saml:NameID "
                + "must equal the assertion's", fault.faultstring());
    }

    // --- the IdP's assertion ---

    @Test
    void exchangeWhenAssertionSignedByAKeyNotInTheTrustedVaultThenUntrustedParty() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        IssuedCredential federationTrusted = clients.client(DemoClient.SYSTEM_VOCES);

        SoapFaults fault = clients.fault(clients.request(NemLogInDemoIdp.signed(karl, federationTrusted),
                NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: Token in request signed by untrusted party", fault.faultstring());
    }

    @Test
    void exchangeWhenAssertionAlteredAfterTheIdpSignedItThenInvalidSignature() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Element signed = clients.signed(karl);
        attributeValue(signed, "dk:gov:saml:attribute:CprNumberIdentifier").setTextContent("0101011234");

        SoapFaults fault = clients.fault(clients.request(signed, NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The NemLog-in assertion signature is invalid", fault.faultstring());
    }

    @Test
    void exchangeWhenForgedAssertionWrapsTheSignedOneUnderItsIdThenRefusedAsAmbiguous() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Element forged = forgeryAround(clients.signed(karl));

        SoapFaults fault = clients.fault(clients.request(forged, NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The NemLog-in assertion's id \"" + forged.getAttribute("ID") + "\" is also used by another element of the message",
                fault.faultstring());
    }

    @Test
    void exchangeWhenForgedAssertionUnderAnotherIdWrapsTheSignedOneThenRefused() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Element forged = forgeryAround(clients.signed(karl));
        forged.setAttribute("ID", "_forged");

        SoapFaults fault = clients.fault(clients.request(forged, NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The NemLog-in assertion signature must refer to the NemLog-in assertion itself: URI=\"#_forged\"",
                fault.faultstring());
    }

    /** XML signature wrapping: the genuine assertion's signature over another user's CPR, the genuine one hidden in Advice. */
    private static Element forgeryAround(Element genuine) {
        Element forged = (Element) genuine.cloneNode(true);
        attributeValue(forged, "dk:gov:saml:attribute:CprNumberIdentifier").setTextContent("0101011234");
        Element advice = forged.getOwnerDocument().createElementNS(SAML, "saml:Advice");
        advice.appendChild(genuine.cloneNode(true));
        Node conditions = forged.getElementsByTagNameNS(SAML, "Conditions").item(0);
        forged.insertBefore(advice, conditions.getNextSibling());
        return forged;
    }

    @Test
    void exchangeWhenAssertionExpiredBeyondTheDriftThenInvalidSecurityTokenSayingExpired() throws Exception {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        Instant expired = issued.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(50));
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr()).toBuilder()
                .conditions(Conditions.of(issued, expired, NemLogInDemoIdp.WEB_APPLICATION)).build();

        SoapFaults fault = clients.fault(clients.request(karl));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The NemLog-in assertion expired at " + XmlTimes.zulu(expired), fault.faultstring());
    }

    @Test
    void exchangeWhenAssertionIsNotOiosaml2ThenInvalidSecurityToken() throws Exception {
        SamlAssertion oiosaml3 = NboClientFixture.with(NboClientFixture.karl(clients.karlsCpr()), "dk:gov:saml:attribute:SpecVer",
                "OIO-SAML-3.0");

        SoapFaults fault = clients.fault(clients.request(oiosaml3));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The NemLog-in assertion must be OIOSAML 2.0 (dk:gov:saml:attribute:SpecVer DK-SAML-2.0), was \"OIO-SAML-3.0\"",
                fault.faultstring());
    }

    @Test
    void exchangeWhenHolderOfKeyAssertionPresentedByAnotherKeyThenMismatch() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        SamlAssertion holderOfKey = karl.toBuilder().subject(new Subject(karl.subject().nameId(), List.of(
                SubjectConfirmation.holderOfKey(clients.client(DemoClient.SYSTEM_VOCES).certificate(), NemLogInDemoIdp.WEB_APPLICATION,
                        Instant.now().plusSeconds(300))))).build();

        SoapFaults fault = clients.fault(clients.request(holderOfKey));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Signing certificate and holder-of-key certificate relation do not match", fault.faultstring());
    }

    // --- the CPR ---

    @Test
    void exchangeWhenCvrRidKnowsNoCprThenFailedAuthentication() throws Exception {
        String rid = "55555555";
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(NboClientFixture.CVR, rid))).willReturn(aResponse().withStatus(404)));
        SamlAssertion unknown = NboClientFixture.with(NboClientFixture.karl(null), "dk:gov:saml:attribute:RidNumberIdentifier", rid);

        SoapFaults fault = clients.fault(clients.request(unknown));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: the CVR-RID service knows no CPR for CVR:20921897-RID:55555555", fault.faultstring());
    }

    @Test
    void exchangeWhenAssertionsCprIsNotTheEmployeesThenFailedAuthentication() throws Exception {
        clients.karlsCpr();

        SoapFaults fault = clients.fault(clients.request(NboClientFixture.karl("0909091234")));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: the CPR in the NemLog-in assertion does not belong to CVR:20921897-RID:46283716",
                fault.faultstring());
    }

    // --- roles and authorisations: actor dk:sosi:sts:autorisation ---

    @Test
    void exchangeWhenAuthorizationCodeNotRegisteredThenAuthorizationNotFound() throws Exception {
        String cpr = clients.karlsCpr();
        clients.authorizationsAre(cpr, "J0184;7170");
        SamlAssertion karl = NboClientFixture.karl(cpr);

        SoapFaults fault = clients.authorizationFault(clients.request(clients.signed(karl),
                NboClientFixture.contextToken(karl, Optional.of("7170"), Optional.of("XYZ99"))));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: authorization not found", fault.faultstring());
    }

    @Test
    void exchangeWhenNationalRoleNotDefinedThenInvalidRoleSupplied() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        String role = "urn:dk:healthcare:national-federation-role:code:99999:value:Ukendt";

        SoapFaults fault = clients.authorizationFault(clients.request(clients.signed(karl),
                NboClientFixture.contextToken(karl, Optional.of(role), Optional.empty())));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: invalid role supplied (" + role + ")", fault.faultstring());
    }

    @Test
    void exchangeWhenNationalRoleNotHeldThenUserDoesNotHaveTheRequestedRole() throws Exception {
        String cpr = clients.karlsCpr();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspNboIkkeHoldt', '99982', 'NboIkkeHoldt')");
        clients.rolesAre(cpr, NboClientFixture.CVR, "nspLaegesekretaer");
        String role = "urn:dk:healthcare:national-federation-role:code:99982:value:NboIkkeHoldt";
        SamlAssertion karl = NboClientFixture.karl(cpr);
        Document request = clients.request(clients.signed(karl), NboClientFixture.contextToken(karl, Optional.of(role), Optional.empty()));

        HttpResponse<String> response = Await.until(() -> clients.post(request), r -> !r.body().contains("invalid role supplied"));

        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: user does not have the requested role (" + role + ")", fault.faultstring());
        assertEquals("dk:sosi:sts:autorisation", fault.faultactor());
    }

    private static Element attributeValue(Element assertion, String name) {
        Element attribute = OioClientFixture.attributeElement(assertion, name);
        return (Element) attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
    }

    private static void removeAttribute(Element assertion, String name) {
        Element attribute = OioClientFixture.attributeElement(assertion, name);
        attribute.getParentNode().removeChild(attribute);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = sts.jdbc(); Statement s = c.createStatement()) {
            s.execute("USE sts_audconf");
            s.execute(statement);
        }
    }
}

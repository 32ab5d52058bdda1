package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.client.DemoJwt;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JWT2Idws over HTTP (exchanges.md 3.5): a citizen app's JWT from the demo JWT IdP exchanged for an IDWS identity token,
 * holder-of-key to the app, for the demo citizen audience; the JWT checks themselves are those of JWT2OIOSaml
 * (Jwt2OioSamlFaultTest), and acting for someone else those of Bst2Idws.
 */
class Jwt2IdwsTest {

    private static StsTestServer sts;
    private static Jwt2OioSamlFixture jwt;
    private static Bst2IdwsFixture backends;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        jwt = new Jwt2OioSamlFixture(sts);
        backends = new Bst2IdwsFixture(sts);
    }

    @Test
    void exchangeWhenJwtValidThenIdentityTokenHolderOfKeyToTheAppForTheAudience() throws Exception {
        JWTClaimsSet claims = Jwt2OioSamlFixture.claims().build();

        Document answer = answer(jwt.signed(jwt.jwt(claims)));
        Element token = Bst2IdwsFixture.token(answer);

        assertEquals(sts.embedded().demo().loadStsCredential().certificate(), JdkSignatureCheck.verify(token));
        assertEquals(claims.getSubject(), text(token, "NameID"));
        assertEquals(Jwt2OioSamlFixture.CPR, OioClientFixture.attribute(token, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals(DemoCitizenService.AUDIENCE, text(token, "Audience"));
        Element confirmation = (Element) token.getElementsByTagNameNS(SAML, "SubjectConfirmation").item(0);
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", confirmation.getAttribute("Method"));
        String holder = confirmation.getElementsByTagNameNS(OioClientFixture.DS, "X509Certificate").item(0).getTextContent();
        X509Certificate app = jwt.app().certificate();
        assertEquals(Base64.getEncoder().encodeToString(app.getEncoded()), holder.replaceAll("\\s", ""));
        Element conditions = (Element) token.getElementsByTagNameNS(SAML, "Conditions").item(0);
        assertEquals(Duration.ofMinutes(65), Duration.between(Instant.parse(conditions.getAttribute("NotBefore")),
                Instant.parse(conditions.getAttribute("NotOnOrAfter"))));
    }

    @Test
    void exchangeAtTheGuidesStraySpellingJwtIdwsThenTheSameExchangeAnswers() throws Exception {
        Document request = jwt.signed(jwt.jwt(Jwt2OioSamlFixture.claims().build()));

        Document answer = OioClientFixture.answer(sts.post(URI.create(sts.uri("") + "/services/JWTIdws"),
                OioClientFixture.text(request).getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8"));

        assertEquals(Jwt2OioSamlFixture.CPR, OioClientFixture.attribute(Bst2IdwsFixture.token(answer),
                "dk:gov:saml:attribute:CprNumberIdentifier"));
    }

    @Test
    void exchangeOnBehalfOfAGrantorWithProcurationThenTokenCarriesThePrivileges() throws Exception {
        String grantor = Bst2IdwsFixture.adultCpr();
        backends.procurationIs(grantor, Jwt2OioSamlFixture.CPR, "urn:dk:sundhed:privilege:write");
        Document request = Jwt2OioSamlFixture.signed(Jwt2OioSamlFixture.request(jwt.jwt(Jwt2OioSamlFixture.claims().build()),
                DemoCitizenService.AUDIENCE).claim("dk:healthcare:saml:attribute:OnBehalfOf",
                "urn:dk:healthcare:saml:actThroughProcurationBy:cprNumberIdentifier:" + grantor), jwt.app());

        String privileges = new String(Base64.getMimeDecoder().decode(OioClientFixture.attribute(Bst2IdwsFixture.token(answer(request)),
                "dk:gov:saml:attribute:Privileges_intermediate")), StandardCharsets.UTF_8);

        assertTrue(privileges.contains("urn:dk:sundhed:privilege:write"), privileges);
    }

    @Test
    void exchangeWhenCitizenUnderTheMinimumAgeThenFailedAuthentication() throws Exception {
        String child = Bst2IdwsFixture.childCpr(12);
        JWTClaimsSet claims = DemoJwt.citizen(DemoCitizenService.JWT_ISSUER, child, DemoCitizenService.JWT_SCOPE, Instant.now()).build();
        Document request = Jwt2OioSamlFixture.signed(new OioRequestBuilder().actAs(DemoJwt.binarySecurityToken(jwt.jwt(claims)))
                .appliesTo(DemoCitizenService.AUDIENCE), jwt.app());

        SoapFaults fault = OioClientFixture.fault(request, post(request));

        assertEquals("wst:FailedAuthentication", fault.faultcode(), fault.faultstring());
        assertEquals("Authentication failed: the citizen is younger than the minimum allowed age of 15 years", fault.faultstring());
    }

    @Test
    void exchangeWhenAudienceHasNoJwtScopeThenInvalidScope() throws Exception {
        String audience = jwt.addAudience(Map.of("lifetime", "600",
                "certificate.app", Bst2SosiFixture.serialOf(jwt.app())));
        Document request = Jwt2OioSamlFixture.signed(Jwt2OioSamlFixture.request(jwt.jwt(Jwt2OioSamlFixture.claims().build()), audience),
                jwt.app());

        SoapFaults fault = OioClientFixture.fault(request, Await.until(() -> post(request),
                response -> !response.body().contains("may not ask for this audience")));

        assertEquals("wst:InvalidScope", fault.faultcode(), fault.faultstring());
    }

    private static HttpResponse<String> post(Document request) throws Exception {
        return sts.post(URI.create(sts.uri("") + "/services/JWT2Idws"), OioClientFixture.text(request).getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8");
    }

    private static Document answer(Document request) throws Exception {
        Document answer = OioClientFixture.answer(post(request));
        assertNotNull(Bst2IdwsFixture.token(answer), "no identity token in the answer");
        return answer;
    }

    private static String text(Element scope, String localName) {
        return scope.getElementsByTagNameNS(SAML, localName).item(0).getTextContent();
    }
}

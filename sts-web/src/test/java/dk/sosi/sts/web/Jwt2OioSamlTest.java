package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.Jwt2OioSamlDemoClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JWT2OIOSaml over HTTP (exchanges.md 3.6): a citizen app's JWT from the demo JWT IdP exchanged for an OIOSAML
 * assertion the STS signed and encrypted to the demo audience's publicKey, as the receiving application reads it.
 */
class Jwt2OioSamlTest {

    private static StsTestServer sts;
    private static Jwt2OioSamlFixture jwt;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        jwt = new Jwt2OioSamlFixture(sts);
    }

    @Test
    void exchangeWhenJwtValidThenEncryptedCitizenAssertionForTheAudience() throws Exception {
        Instant authTime = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = Jwt2OioSamlFixture.claims().claim("auth_time", authTime.getEpochSecond()).build();

        Document answer = jwt.answer(jwt.signed(jwt.jwt(claims)));
        Element assertion = jwt.decrypted(answer);

        assertEquals(DemoCitizenService.AUDIENCE, answer.getElementsByTagNameNS(WSA, "Address").item(0).getTextContent());
        X509Certificate signer = JdkSignatureCheck.verify(assertion);
        assertEquals(sts.embedded().demo().loadStsCredential().certificate(), signer);
        assertEquals(claims.getSubject(), text(assertion, "NameID"));
        Element confirmation = (Element) assertion.getElementsByTagNameNS(SAML, "SubjectConfirmation").item(0);
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:bearer", confirmation.getAttribute("Method"));
        Element data = (Element) confirmation.getElementsByTagNameNS(SAML, "SubjectConfirmationData").item(0);
        assertEquals(DemoCitizenService.RECIPIENT_URL, data.getAttribute("Recipient"));
        assertEquals(DemoCitizenService.AUDIENCE, text(assertion, "Audience"));
        assertEquals("DK-SAML-2.0", OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:SpecVer"));
        assertEquals("3", OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:AssuranceLevel"));
        assertEquals(Jwt2OioSamlFixture.CPR, OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals("Nancy Ann Berggren", OioClientFixture.attribute(assertion, "urn:oid:2.5.4.3"));
        assertEquals("Berggren", OioClientFixture.attribute(assertion, "urn:oid:2.5.4.4"));
        Element authn = (Element) assertion.getElementsByTagNameNS(SAML, "AuthnStatement").item(0);
        assertEquals(authTime, Instant.parse(authn.getAttribute("AuthnInstant")));

        // valid from fuzzyTime (5 minutes) back to the audience's lifetime (3600 s) on; the RSTR's Lifetime says the same
        Element conditions = (Element) assertion.getElementsByTagNameNS(SAML, "Conditions").item(0);
        Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
        Instant notOnOrAfter = Instant.parse(conditions.getAttribute("NotOnOrAfter"));
        assertEquals(Duration.ofMinutes(65), Duration.between(notBefore, notOnOrAfter));
        Element lifetime = (Element) answer.getElementsByTagNameNS(WST, "Lifetime").item(0);
        assertEquals(notBefore, Instant.parse(lifetime.getElementsByTagNameNS(WSU, "Created").item(0).getTextContent()));
        assertEquals(notOnOrAfter, Instant.parse(lifetime.getElementsByTagNameNS(WSU, "Expires").item(0).getTextContent()));
        assertEquals(notOnOrAfter, Instant.parse(data.getAttribute("NotOnOrAfter")));
    }

    @Test
    void exchangeWhenJwtExpiredWithinAllowedDriftThenAccepted() throws Exception {
        JWTClaimsSet claims = Jwt2OioSamlFixture.claims().expirationTime(Date.from(Instant.now().minusSeconds(60))).build();

        assertEquals(Jwt2OioSamlFixture.CPR, OioClientFixture.attribute(jwt.decrypted(jwt.answer(jwt.signed(jwt.jwt(claims)))),
                "dk:gov:saml:attribute:CprNumberIdentifier"));
    }

    @Test
    void demoClientWhenRunAgainstTheStsThenPrintsTheDecryptedAssertion() throws Exception {
        DemoConfiguration demo = sts.embedded().demo();
        Element assertion = Jwt2OioSamlDemoClient.exchange(DemoCitizenService.WHITELISTED_CLIENT, sts.uri(""), demo).orElseThrow();

        assertEquals(DemoCitizenService.AUDIENCE, text(assertion, "Audience"));
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS(SAML, localName).item(0).getTextContent();
    }
}

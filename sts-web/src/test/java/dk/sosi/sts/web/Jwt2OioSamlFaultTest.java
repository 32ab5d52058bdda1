package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.DemoJwt;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * JWT2OIOSaml's refusals over HTTP (exchanges.md 3.5, 3.6 and 2.7): the JWT's kid, algorithm, signature, issuer, times,
 * scope and CPR, the audience's configuration and the caller's whitelisting, each with the code and text a client
 * developer reads, never a stack trace.
 */
class Jwt2OioSamlFaultTest {

    private static final String UNTRUSTED = "Authentication failed: Token in request signed by untrusted party";
    private static final String ALGORITHMS = "RS256, RS384, RS512 or PS256";

    private static StsTestServer sts;
    private static Jwt2OioSamlFixture jwt;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        jwt = new Jwt2OioSamlFixture(sts);
    }

    private static void assertFault(SoapFaults fault, String code, String text) {
        assertEquals("wst:" + code, fault.faultcode(), fault.faultstring());
        assertEquals(text, fault.faultstring());
    }

    // --- the JWT's key, algorithm and signature ---

    @Test
    void exchangeWhenKidNamesNoAliasThenUntrustedParty() throws Exception {
        String token = DemoJwt.signed(Jwt2OioSamlFixture.claims().build(), "no-such-kid", jwt.idp().privateKey());

        assertFault(jwt.fault(jwt.signed(token)), "FailedAuthentication",
                UNTRUSTED + ": the JWT's kid \"no-such-kid\" names no certificate of the JWT trust store");
    }

    @Test
    void exchangeWhenSignedByAnotherKeyThanTheKidsThenUntrustedParty() throws Exception {
        String token = DemoJwt.signed(Jwt2OioSamlFixture.claims().build(), DemoConfiguration.JWT_IDP_KID,
                jwt.demo().loadClientCredential(DemoClient.UNTRUSTED_FOCES).privateKey());

        assertFault(jwt.fault(jwt.signed(token)), "FailedAuthentication",
                UNTRUSTED + ": the JWT's signature does not verify with the certificate of kid \"demo-jwt-idp\"");
    }

    @Test
    void exchangeWhenAlgNoneThenRefused() throws Exception {
        String token = new PlainJWT(Jwt2OioSamlFixture.claims().build()).serialize();

        assertFault(jwt.fault(jwt.signed(token)), "FailedAuthentication",
                "The JWT is not signed (alg none); the STS takes JWTs signed with " + ALGORITHMS);
    }

    @Test
    void exchangeWhenHmacWithTheIdpsPublicKeyAsSecretThenRefused() throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(DemoConfiguration.JWT_IDP_KID).build(),
                Jwt2OioSamlFixture.claims().build());
        token.sign(new MACSigner(jwt.idp().certificate().getPublicKey().getEncoded()));

        assertFault(jwt.fault(jwt.signed(token.serialize())), "FailedAuthentication",
                "The JWT is signed with \"HS256\"; the STS takes JWTs signed with " + ALGORITHMS);
    }

    /** An STS whose JWT trust store also holds an expired and a revoked certificate under aliases expired and revoked. */
    @Test
    void exchangeWhenKidCertificateExpiredOrRevokedThenInvalidSecurityToken(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        IssuedCredential expired = jwt.demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES_EXPIRED);
        IssuedCredential revoked = jwt.demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES_REVOKED);
        KeystoreFiles.writeTrustStore(folder.resolve(DemoConfiguration.JWT_IDP_TRUSTSTORE), KeystoreFiles.JKS,
                Map.of(DemoConfiguration.JWT_IDP_KID, jwt.idp().certificate(), "expired", expired.certificate(),
                        "revoked", revoked.certificate()), DemoConfiguration.DEFAULT_PASSWORD.toCharArray());

        try (StsServer withTestAliases = StsTestServer.startAnother(folder)) {
            String byExpired = DemoJwt.signed(Jwt2OioSamlFixture.claims().build(), "expired", expired.privateKey());
            String byRevoked = DemoJwt.signed(Jwt2OioSamlFixture.claims().build(), "revoked", revoked.privateKey());
            Document expiredRequest = jwt.signed(byExpired);
            SoapFaults expiredFault = OioClientFixture.fault(expiredRequest, jwt.post(withTestAliases.baseUri(), expiredRequest));
            Document revokedRequest = jwt.signed(byRevoked);
            SoapFaults revokedFault = OioClientFixture.fault(revokedRequest, jwt.post(withTestAliases.baseUri(), revokedRequest));

            assertEquals("wst:InvalidSecurityToken", expiredFault.faultcode());
            assertTrue(expiredFault.faultstring().startsWith("The signing certificate " + serial(expired) + " expired at "),
                    expiredFault.faultstring());
            assertFault(revokedFault, "InvalidSecurityToken", "The signing certificate " + serial(revoked) + " has been revoked");
            // the JWT of the demo IdP is still accepted there
            OioClientFixture.answer(jwt.post(withTestAliases.baseUri(), jwt.signed(jwt.jwt(Jwt2OioSamlFixture.claims().build()))));
        }
    }

    // --- the JWT's claims ---

    @Test
    void exchangeWhenIssuerNotInIssuerStrategiesThenRefused() throws Exception {
        String token = jwt.jwt(Jwt2OioSamlFixture.claims().issuer("https://unknown-oidc.test").build());

        assertFault(jwt.fault(jwt.signed(token)), "FailedAuthentication",
                "The JWT's issuer (iss) \"https://unknown-oidc.test\" is not trusted: it is no key of issuerStrategies");
    }

    @Test
    void exchangeWhenJwtExpiredThenFaultSaysExpired() throws Exception {
        Instant expiry = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        String token = jwt.jwt(Jwt2OioSamlFixture.claims().expirationTime(Date.from(expiry)).build());

        assertFault(jwt.fault(jwt.signed(token)), "InvalidSecurityToken", "The JWT expired at " + expiry);
    }

    @Test
    void exchangeWhenScopeLacksTheAudiencesJwtScopeThenInvalidScope() throws Exception {
        String token = jwt.jwt(Jwt2OioSamlFixture.claims().claim("scope", "openid fmk profile").build());

        assertFault(jwt.fault(jwt.signed(token)), "InvalidScope", "The JWT's scope does not contain \"" + DemoCitizenService.JWT_SCOPE
                + "\", the jwtScope of audience \"" + DemoCitizenService.AUDIENCE + "\"");
    }

    @Test
    void exchangeWhenCprClaimIsAnotherCitizensThenRefused() throws Exception {
        Document request = Jwt2OioSamlFixture.signed(new OioRequestBuilder()
                .actAs(DemoJwt.binarySecurityToken(jwt.jwt(Jwt2OioSamlFixture.claims().build())))
                .appliesTo(DemoCitizenService.AUDIENCE).claim(Jwt2OioSamlFixture.CPR_CLAIM, "0202801234"), jwt.app());

        assertFault(jwt.fault(request), "FailedAuthentication",
                "The claim dk:gov:saml:attribute:CprNumberIdentifier of the request is not the CPR of the JWT");
    }

    @Test
    void exchangeWhenNoJwtInActAsThenInvalidRequest() throws Exception {
        Document request = Jwt2OioSamlFixture.signed(new OioRequestBuilder()
                .appliesTo(DemoCitizenService.AUDIENCE), jwt.app());

        assertFault(jwt.fault(request), "InvalidRequest",
                "The wst14:ActAs must hold the JWT as one wsse:BinarySecurityToken with ValueType urn:ietf:params:oauth:token-type:jwt");
    }

    // --- the audience and the caller ---

    @Test
    void exchangeWhenSignerNotWhitelistedForTheAudienceThenRefused() throws Exception {
        IssuedCredential other = jwt.demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES);
        Document request = Jwt2OioSamlFixture.signed(Jwt2OioSamlFixture.request(jwt.jwt(Jwt2OioSamlFixture.claims().build()),
                DemoCitizenService.AUDIENCE), other);

        assertFault(jwt.fault(request), "FailedAuthentication",
                "The certificate \"" + serial(other) + "\" that signed the message may not ask for this audience");
    }

    /** An audience without lifetime is not active: nobody is whitelisted for it, decided before any crypto. */
    @Test
    void exchangeWhenAudienceHasNoLifetimeThenNobodyMayAskForIt() throws Exception {
        Map<String, String> rows = audienceRows();
        rows.remove("lifetime");
        Document request = request(jwt.addAudience(rows));

        assertFault(jwt.fault(request), "FailedAuthentication",
                "The certificate \"" + serial(jwt.app()) + "\" that signed the message may not ask for this audience");
    }

    @Test
    void exchangeWhenAudienceHasNoJwtScopeThenNotConfigured() throws Exception {
        Map<String, String> rows = audienceRows();
        rows.remove("jwtScope");
        String audience = jwt.addAudience(rows);
        Document request = request(audience);

        assertFault(jwt.awaitFault(request, "Audience not configured"), "InvalidScope",
                "Audience not configured: \"" + audience + "\" has no jwtScope, so it takes no JWT");
    }

    @Test
    void exchangeWhenAudienceHasNoRecipientUrlThenNotConfigured() throws Exception {
        Map<String, String> rows = audienceRows();
        rows.remove("recipientURL");
        String audience = jwt.addAudience(rows);
        Document request = request(audience);

        assertFault(jwt.awaitFault(request, "Audience not configured"), "InvalidScope",
                "Audience not configured: \"" + audience + "\" has no recipientURL, which JWT2OIOSaml needs");
    }

    /** The rows of a complete JWT2OIOSaml audience, the demo app whitelisted. */
    private static Map<String, String> audienceRows() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("lifetime", "600");
        rows.put("jwtScope", DemoCitizenService.JWT_SCOPE);
        rows.put("publicKey", Base64.getEncoder().encodeToString(DemoServiceProvider.ensure(jwt.demo()).certificate().getEncoded()));
        rows.put("recipientURL", "https://citizen.sosi-sts.dk/acs");
        rows.put("certificate.app", serial(jwt.app()));
        return rows;
    }

    private static Document request(String audience) {
        return Jwt2OioSamlFixture.signed(Jwt2OioSamlFixture.request(jwt.jwt(Jwt2OioSamlFixture.claims().build()), audience), jwt.app());
    }

    private static String serial(IssuedCredential credential) {
        return CertificateNames.subjectSerialNumber(credential.certificate());
    }
}

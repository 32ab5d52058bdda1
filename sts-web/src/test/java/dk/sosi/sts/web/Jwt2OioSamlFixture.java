package dk.sosi.sts.web;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.DemoJwt;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a citizen app does around JWT2OIOSaml with the demo PKI: its citizen logs in at the demo JWT IdP (JWTs signed
 * with {@code idp/demo-jwt-idp.p12}, kid = its alias in test-jwt-idp-trust.jks, issuer {@value DemoCitizenService#JWT_ISSUER}),
 * the app signs the request with its certificate, whitelisted for the demo audience ({@value DemoCitizenService#AUDIENCE},
 * registered at embedded start); and what an admin does: adds audiences to {@code sts_audconf.audienceConfiguration}.
 */
final class Jwt2OioSamlFixture {

    static final String JWT2OIOSAML = "/services/JWT2OIOSaml";
    static final String CPR = "0101801234";
    static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    Jwt2OioSamlFixture(StsTestServer sts) {
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    DemoConfiguration demo() {
        return demo;
    }

    IssuedCredential idp() {
        return demo.loadJwtIdpCredential();
    }

    /** The citizen app's certificate, whitelisted for the demo audience. */
    IssuedCredential app() {
        return demo.loadClientCredential(DemoCitizenService.WHITELISTED_CLIENT);
    }

    /** A citizen's claims as the demo IdP issues them now, with the demo audience's jwtScope. */
    static JWTClaimsSet.Builder claims() {
        return DemoJwt.citizen(DemoCitizenService.JWT_ISSUER, CPR, DemoCitizenService.JWT_SCOPE, Instant.now());
    }

    /** {@code claims} signed by the demo JWT IdP. */
    String jwt(JWTClaimsSet claims) {
        return DemoJwt.signed(claims, DemoConfiguration.JWT_IDP_KID, idp().privateKey());
    }

    /** A request for {@code jwt} to {@code audience}, with the citizen's CPR claim. */
    static OioRequestBuilder request(String jwt, String audience) {
        return new OioRequestBuilder().actAs(DemoJwt.binarySecurityToken(jwt)).appliesTo(audience).claim(CPR_CLAIM, CPR);
    }

    /** A request for {@code jwt} to the demo audience, signed by the app. */
    Document signed(String jwt) {
        return signed(request(jwt, DemoCitizenService.AUDIENCE), app());
    }

    static Document signed(OioRequestBuilder request, IssuedCredential signer) {
        return request.signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    HttpResponse<String> post(Document request) throws Exception {
        return post(sts.uri(""), request);
    }

    HttpResponse<String> post(URI base, Document request) throws Exception {
        return sts.post(URI.create(base + JWT2OIOSAML), OioClientFixture.text(request).getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=utf-8");
    }

    Document answer(Document request) throws Exception {
        return OioClientFixture.answer(post(request));
    }

    /** The fault of {@code request}, with the STS's faultactor and RelatesTo. */
    SoapFaults fault(Document request) throws Exception {
        return OioClientFixture.fault(request, post(request));
    }

    /** The fault of {@code request} once the STS has loaded the configuration an admin just changed and answers {@code text}. */
    SoapFaults awaitFault(Document request, String text) throws Exception {
        return OioClientFixture.fault(request, Await.until(() -> post(request), response -> response.body().contains(text)));
    }

    /** The answer's assertion, decrypted with the demo receiving system's key. */
    Element decrypted(Document answer) {
        return OioClientFixture.decrypted(answer, DemoServiceProvider.ensure(demo).privateKey());
    }

    /** Adds an audience with {@code rows} (attribute → value) to audienceConfiguration; returns it. */
    String addAudience(Map<String, String> rows) throws Exception {
        String audience = "https://citizen-" + UUID.randomUUID().toString().substring(0, 8) + ".sosi-sts.dk/";
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                s.setString(1, audience);
                s.setString(2, row.getKey());
                s.setString(3, row.getValue());
                s.executeUpdate();
            }
        }
        return audience;
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an employee portal and its IdP do around BST2SOSI, with the demo PKI: the demo IdP
 * ({@value DemoBootstrapTokenIssuer#ISSUER}, registered at embedded start) issues bootstrap tokens for employees
 * whose CPR the UUID2CPR stub knows, the portal signs the request with the demo employee's certificate (the one
 * the issuer's {@code certificate.demo} row whitelists); and what an admin does: adds issuers to
 * {@code sts_audconf.trustedIdpConfiguration} with SQL.
 */
final class Bst2SosiFixture {

    static final String BST2SOSI = "/services/BST2SOSI";
    static final String IT_SYSTEM = "Test EPJ";
    static final String APPLIES_TO = "https://fmk";
    static final String AUTHORIZATION_ACTOR = "dk:sosi:sts:autorisation";
    static final String DEMO_CVR = "20921897";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    Bst2SosiFixture(StsTestServer sts) {
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    DemoConfiguration demo() {
        return demo;
    }

    DemoBootstrapTokenIssuer.Keys idp() {
        return DemoBootstrapTokenIssuer.ensure(demo);
    }

    IssuedCredential client(DemoClient client) {
        return demo.loadClientCredential(client);
    }

    /** The demo employee's certificate, whitelisted for the demo issuer. */
    IssuedCredential karl() {
        return client(DemoBootstrapTokenIssuer.WHITELISTED_CLIENT);
    }

    // --- tokens ---

    /** A token of the demo issuer for a new employee (professional UUID known to UUID2CPR as {@code cpr}), HoK to Karl's key. */
    BootstrapTokenBuilder token(BootstrapTokenBuilder.Profile profile, String cpr) {
        BootstrapTokenBuilder token = new BootstrapTokenBuilder(profile, DemoBootstrapTokenIssuer.ISSUER).holderOfKey(karl().certificate());
        if (profile == BootstrapTokenBuilder.Profile.OIOH3BST) {
            return token.professionalUuid(uuidOf(cpr));
        }
        return token.cpr(cpr);
    }

    /** A new professional UUID whose CPR the UUID2CPR stub answers with {@code cpr}. */
    String uuidOf(String cpr) {
        String uuid = UUID.randomUUID().toString();
        uuid2CprAnswers(uuid, cpr);
        return uuid;
    }

    /** Stubs UUID2CPR: {@code uuid} is {@code cpr}'s. */
    void uuid2CprAnswers(String uuid, String cpr) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.uuid2Cpr(uuid)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
    }

    /** {@code token} signed by the demo issuer. */
    Element signed(BootstrapTokenBuilder token) {
        return token.signed(idp().signing().privateKey(), idp().signing().certificate());
    }

    /** {@code token} signed by the demo issuer and encrypted to the STS's key for it. */
    Element encrypted(BootstrapTokenBuilder token) {
        return BootstrapTokenBuilder.encrypted(signed(token), idp().encryption().certificate());
    }

    // --- requests and answers ---

    /** A request for {@code token} with the ITSystemName claim, to {@value #APPLIES_TO}. */
    OioRequestBuilder request(Element token) {
        return new OioRequestBuilder().actAs(token).appliesTo(APPLIES_TO).claim("medcom:ITSystemName", IT_SYSTEM);
    }

    /** {@code request} signed by Karl, as the portal signs it. */
    Document signed(OioRequestBuilder request) {
        return signed(request, karl());
    }

    static Document signed(OioRequestBuilder request, IssuedCredential signer) {
        return request.signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    HttpResponse<String> post(Document request) throws Exception {
        return sts.post(BST2SOSI, OioClientFixture.text(request), "text/xml; charset=utf-8");
    }

    Document answer(Document request) throws Exception {
        return OioClientFixture.answer(post(request));
    }

    /** The answer once the STS has loaded the configuration an admin just changed (refreshed every second in tests). */
    Document awaitAnswer(Document request) throws Exception {
        return OioClientFixture.answer(Await.until(() -> post(request),
                response -> !response.body().contains("Fault>")));
    }

    /** The fault of {@code request}, with the STS's faultactor. */
    SoapFaults fault(Document request) throws Exception {
        return OioClientFixture.fault(request, post(request));
    }

    /** The fault of {@code request}, checked as every OIO fault but with faultactor {@code actor}. */
    SoapFaults fault(Document request, String actor) throws Exception {
        HttpResponse<String> response = post(request);
        assertEquals(200, response.statusCode(), response.body());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals(OioClientFixture.WST, fault.trustNamespace(), response.body());
        assertEquals(actor, fault.faultactor(), response.body());
        assertEquals(OioClientFixture.messageId(request), fault.inResponseTo(), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        return fault;
    }

    /** The issued id-card of {@code answer}. */
    static Element card(Document answer) {
        return (Element) answer.getElementsByTagNameNS(OioClientFixture.SAML, "Assertion").item(0);
    }

    /** The text of the card attribute {@code name} (e.g. {@code medcom:UserRole}), or null. */
    static String attribute(Element card, String name) {
        return OioClientFixture.attribute(card, name);
    }

    // --- what an admin does ---

    /** Adds an issuer with {@code rows} (attribute → value) to trustedIdpConfiguration; returns its name. */
    String addIssuer(String name, Map<String, String> rows) throws Exception {
        String issuer = "https://" + name + "-" + UUID.randomUUID() + ".idp.test/";
        for (Map.Entry<String, String> row : rows.entrySet()) {
            addRow(issuer, row.getKey(), row.getValue());
        }
        return issuer;
    }

    void addRow(String issuer, String attribute, String value) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value) VALUES (?, ?, ?)")) {
            s.setString(1, issuer);
            s.setString(2, attribute);
            s.setString(3, value);
            s.executeUpdate();
        }
    }

    void removeIssuer(String issuer) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM sts_audconf.trustedIdpConfiguration WHERE issuer = ?")) {
            s.setString(1, issuer);
            s.executeUpdate();
        }
    }

    void sql(String statement) throws Exception {
        try (Connection c = sts.jdbc(); var s = c.createStatement()) {
            s.execute("use sts_audconf");
            s.execute(statement);
        }
    }

    /** A new IdP signing key with a certificate from the demo issuing CA, valid three years. */
    IssuedCredential newIdpKey() {
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        return demo.loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(
                "CN=Test IdP + SERIALNUMBER=UI:DK-O:G:" + UUID.randomUUID() + ", O=Test, C=DK", notBefore,
                notBefore.plus(Duration.ofDays(3 * 365))).crlDistributionPoint(demo.crlUrl()).build());
    }

    static String base64(X509Certificate certificate) throws Exception {
        return Base64.getMimeEncoder().encodeToString(certificate.getEncoded());
    }

    static String serialOf(IssuedCredential credential) {
        return CertificateNames.subjectSerialNumber(credential.certificate());
    }

    static String newCpr() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }

    /** Stubs the role directory: {@code cpr} holds {@code externalNames} at {@code cvr}. */
    void rolesAre(String cpr, String cvr, String... externalNames) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.roles(cpr, cvr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(String.join("\n", externalNames))));
    }

    /** Stubs the authorisation register: {@code cpr} has {@code code;education} entries. */
    void authorizationsAre(String cpr, String... codeAndEducation) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.authorizations(cpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(String.join("\n", codeAndEducation))));
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.BootstrapTokenBuilder;
import dk.sosi.sts.demo.client.CitizenBootstrapTokenBuilder;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a citizen application and NemLog-in do around Bst2Idws, with the demo PKI: the demo citizen issuer
 * ({@value DemoCitizenTokenIssuer#ISSUER}, registered at embedded start) issues bootstrap tokens for citizens, the
 * application signs the request with the demo system certificate that the demo audience
 * ({@value DemoCitizenTokenIssuer#AUDIENCE}) whitelists; and what an admin does: adds rows to
 * {@code audienceConfiguration} and {@code trustedIdpCitizenConfiguration} with SQL.
 */
final class Bst2IdwsFixture extends OioEndpoint {

    static final String BST2IDWS = "/services/Bst2Idws";
    static final String AUDIENCE = DemoCitizenTokenIssuer.AUDIENCE;
    static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    Bst2IdwsFixture(StsTestServer sts) {
        super(sts, BST2IDWS);
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    DemoBootstrapTokenIssuer.Keys idp() {
        return DemoCitizenTokenIssuer.ensure(demo);
    }

    IssuedCredential client(DemoClient client) {
        return demo.loadClientCredential(client);
    }

    /** The demo citizen application's certificate, whitelisted for the demo audience. */
    IssuedCredential app() {
        return client(DemoCitizenTokenIssuer.WHITELISTED_CLIENT);
    }

    IssuedCredential stsKey() {
        return demo.loadStsCredential();
    }

    // --- tokens ---

    /** A token of the demo issuer for {@code cpr} (legacy: for a PID, stating no CPR), HoK to the application's key. */
    CitizenBootstrapTokenBuilder token(CitizenBootstrapTokenBuilder.Profile profile, String cpr) {
        CitizenBootstrapTokenBuilder token = new CitizenBootstrapTokenBuilder(profile, DemoCitizenTokenIssuer.ISSUER);
        return profile == CitizenBootstrapTokenBuilder.Profile.OIO2BST_LEGACY ? token : token.holderOfKey(app().certificate()).cpr(cpr);
    }

    Element signed(CitizenBootstrapTokenBuilder token) {
        return token.signed(idp().signing().privateKey(), idp().signing().certificate());
    }

    Element encrypted(CitizenBootstrapTokenBuilder token) {
        return BootstrapTokenBuilder.encrypted(signed(token), idp().encryption().certificate());
    }

    // --- requests and answers ---

    /** A request for {@code token} to the demo audience, without claims. */
    static OioRequestBuilder request(Element token) {
        return request(token, AUDIENCE);
    }

    static OioRequestBuilder request(Element token, String audience) {
        return new OioRequestBuilder().actAs(token).appliesTo(audience);
    }

    /** {@code request} signed by the application. */
    Document signed(OioRequestBuilder request) {
        return signed(request, app());
    }

    static Document signed(OioRequestBuilder request, IssuedCredential signer) {
        return request.signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    static Element token(Document answer) {
        return (Element) answer.getElementsByTagNameNS(OioClientFixture.SAML, "Assertion").item(0);
    }

    /** A new CPR of a citizen born 1950–1999 (digit 7 from 0 to 3: the 1900s), so never under the minimum age. */
    static String adultCpr() {
        Random random = new Random();
        return String.format("%02d%02d%02d%d%03d", 1 + random.nextInt(28), 1 + random.nextInt(12), 50 + random.nextInt(50),
                random.nextInt(4), random.nextInt(1000));
    }

    /** A CPR of a child born {@code yearsAgo} years ago today (digit 7 is 4: the 2000s up to 2036). */
    static String childCpr(int yearsAgo) {
        LocalDate born = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusYears(yearsAgo).minusDays(1);
        return String.format("%02d%02d%02d4%03d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                new Random().nextInt(1000));
    }

    /** Stubs the procuration service: the privileges {@code grantor} gave {@code grantee} (none: no procuration). */
    void procurationIs(String grantor, String grantee, String... privileges) {
        sts.backends().stubFor(get(urlPathEqualTo("/procuration/grantors/" + grantor + "/grantees/" + grantee + "/privileges"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(String.join("\n", privileges))));
    }

    /** Stubs PersonInformation: the children in {@code cpr}'s parental custody. */
    void custodyIs(String cpr, String... children) {
        sts.backends().stubFor(get(urlPathEqualTo("/person-information/persons/" + cpr + "/custody"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(String.join("\n", children))));
    }

    /** Stubs the PID service: whether {@code pid} belongs to {@code cpr}. */
    void pidRelated(String pid, String cpr, boolean related) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.pid(pid, cpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(String.valueOf(related))));
    }

    // --- what an admin does ---

    /** Adds a citizen audience with {@code rows}; returns its name. */
    String addAudience(Map<String, String> rows) throws Exception {
        String audience = "https://citizen-" + UUID.randomUUID().toString().substring(0, 8) + ".test/";
        insert("audienceConfiguration", "audience", audience, rows);
        return audience;
    }

    /** Adds a citizen issuer with {@code rows} to trustedIdpCitizenConfiguration; returns its name. */
    String addIssuer(Map<String, String> rows) throws Exception {
        String issuer = "https://citizen-idp-" + UUID.randomUUID() + ".test/";
        insert("trustedIdpCitizenConfiguration", "issuer", issuer, rows);
        return issuer;
    }

    void remove(String table, String keyColumn, String key) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM sts_audconf." + table + " WHERE " + keyColumn + " = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    private void insert(String table, String keyColumn, String key, Map<String, String> rows) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sts_audconf." + table + " (" + keyColumn + ", attribute, attribute_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                s.setString(1, key);
                s.setString(2, row.getKey());
                s.setString(3, row.getValue());
                s.executeUpdate();
            }
        }
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.demo.client.DkNcpBootstrapTokenBuilder;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the Danish National Contact Point does around DKNCPBST2EHDSIIdws, with the demo PKI: the demo contact point
 * ({@value DemoNationalContactPoint#CREDENTIAL}, registered at embedded start for {@value DemoNationalContactPoint#AUDIENCE})
 * builds DK NCP bootstrap tokens from OpenNCP headers and signs them and its requests; the PersonInformation stand-in
 * knows the patients; and what an admin does: adds rows to {@code sts_ehdsiconf} with SQL.
 */
final class EhdsiFixture extends OioEndpoint {

    static final String ENDPOINT = "/services/DKNCPBST2EHDSIIdws";
    static final String AUDIENCE = DemoNationalContactPoint.AUDIENCE;
    /** The patient of the demo header. */
    static final String DEMO_PATIENT = "0505651234";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    EhdsiFixture(StsTestServer sts) {
        super(sts, ENDPOINT);
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    /** The demo contact point's credential, whitelisted and trusted as token signer for the demo audience. */
    IssuedCredential ncp() {
        return DemoNationalContactPoint.ensure(demo);
    }

    IssuedCredential stsKey() {
        return demo.loadStsCredential();
    }

    DemoConfiguration demo() {
        return demo;
    }

    // --- tokens ---

    /** A bootstrap token for the demo header's doctor and patient to {@code audience}, holder-of-key to the contact point. */
    DkNcpBootstrapTokenBuilder token(String audience) {
        return token(DemoNationalContactPoint.openNcpHeader(demo), audience);
    }

    DkNcpBootstrapTokenBuilder token(Element header, String audience) {
        return DkNcpBootstrapTokenBuilder.fromOpenNcpHeader(header, DemoNationalContactPoint.ISSUER).audience(audience)
                .holderOfKey(ncp().certificate());
    }

    /** The token signed by the contact point. */
    Element signed(DkNcpBootstrapTokenBuilder token) {
        return token.signed(ncp().privateKey(), ncp().certificate());
    }

    /** The OpenNCP header of a held vector ({@code ../shared/spec/vectors/ehdsi/<name>}). */
    static Element vector(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("sts.spec.dir"), "vectors", "ehdsi", name))) {
            return SecureXml.parse(in).getDocumentElement();
        }
    }

    // --- requests and answers ---

    static OioRequestBuilder request(Element token, String audience) {
        return new OioRequestBuilder().actAs(token).appliesTo(audience);
    }

    /** {@code request} signed by the contact point. */
    Document signed(OioRequestBuilder request) {
        return signed(request, ncp());
    }

    static Document signed(OioRequestBuilder request, IssuedCredential signer) {
        return request.signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    /** The demo token to {@code audience} in a request the contact point signed. */
    Document request(String audience) {
        return signed(request(signed(token(audience)), audience));
    }

    static Element token(Document answer) {
        return (Element) answer.getElementsByTagNameNS(OioClientFixture.SAML, "Assertion").item(0);
    }

    /** Stubs PersonInformation: whether {@code cpr} is a valid CPR number of a person it knows. */
    void patientKnown(String cpr, boolean known) {
        sts.backends().stubFor(get(urlPathEqualTo("/person-information/persons/" + cpr + "/valid"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(String.valueOf(known))));
    }

    // --- what an admin does ---

    /** Adds an audience to ehdsiAudienceConfiguration with {@code rows}; returns its name. */
    String addAudience(Map<String, String> rows) throws Exception {
        String audience = "https://ehdsi-" + UUID.randomUUID().toString().substring(0, 8) + ".test/";
        execute("INSERT INTO sts_ehdsiconf.ehdsiAudienceConfiguration (audience, attribute, attribute_value) VALUES (?, ?, ?)",
                rows.entrySet().stream().map(row -> new String[] {audience, row.getKey(), row.getValue()}).toArray(String[][]::new));
        return audience;
    }

    void addPolicy(String audience, String bstPolicy, String stsPolicy) throws Exception {
        execute("INSERT INTO sts_ehdsiconf.ehdsiPoliciesConfiguration (audience, bst_policy, sts_policy) VALUES (?, ?, ?)",
                new String[][] {{audience, bstPolicy, stsPolicy}});
    }

    private void execute(String sql, String[][] rows) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setString(i + 1, row[i]);
                }
                s.executeUpdate();
            }
        }
    }
}

package dk.sosi.sts.demo;

import dk.sosi.sts.demo.client.DkNcpBootstrapTokenBuilder;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.token.saml.ParsedAssertion;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import dk.sosi.sts.xml.MalformedXmlException;
import dk.sosi.sts.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo's Danish National Contact Point for DKNCPBST2EHDSIIdws: its certificate ({@value #CREDENTIAL}, a demo
 * function certificate of the federation, issued by the demo issuing CA when the folder lacks it), which signs both its
 * DK NCP bootstrap tokens and its requests; a demo Danish service in {@code sts_ehdsiconf} ({@value #AUDIENCE}) that
 * trusts it; and the foreign contact point whose HCP and TRC assertions it receives ({@value #FOREIGN_CREDENTIAL},
 * France), signing the shipped demo OpenNCP header {@value #HEADER}.
 */
public final class DemoNationalContactPoint {

    /** The contact point's name in the bootstrap token's Issuer, like {@code https://ehdsi-idp.testkald.nspop.dk}. */
    public static final String ISSUER = "https://demo-ehdsi-idp.sosi-sts.dk";
    public static final String CREDENTIAL = "ncp/demo-dk-ncp.p12";
    public static final String FOREIGN_CREDENTIAL = "ncp/demo-foreign-ncp-fr.p12";
    /** The demo Danish service the XUA tokens are for. */
    public static final String AUDIENCE = "https://demo-ehdsi-service.sosi-sts.dk/";
    /** The policy of the demo audience's tokens. */
    public static final String STS_POLICY = "urn:dk:sosi:ehdsi-idws-xua:standard";
    public static final long LIFETIME_SECONDS = 3600;
    public static final long FUZZY_TIME_MILLIS = 60_000;
    public static final String HEADER = "ncp/demo-openncp-header.xml";
    static final String DN = "CN=Demo DK NCP (funktionscertifikat) + SERIALNUMBER=UI:DK-O:G:%s, O=Demo Sundhedsdatastyrelsen, C=DK";
    static final String FOREIGN_DN = "CN=Demo NCP France + SERIALNUMBER=%s, O=Demo Agence du Numerique en Sante, C=FR";

    private DemoNationalContactPoint() {
    }

    /** The contact point's credential, made the first time a folder needs it (older demo folders have none). */
    public static IssuedCredential ensure(DemoConfiguration demo) {
        return DemoBootstrapTokenIssuer.credential(demo, CREDENTIAL, DN);
    }

    /**
     * Adds, as an admin would with SQL, or sets to this folder's certificate: the demo audience in
     * ehdsiAudienceConfiguration (lifetime, fuzzyTime, drift, holder-of-key and whitelist checks on, the contact point as
     * its signer of messages and tokens) and its policy mapping in ehdsiPoliciesConfiguration.
     */
    public static void register(DataSource database, IssuedCredential contactPoint) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("lifetime", String.valueOf(LIFETIME_SECONDS));
        rows.put("fuzzyTime", String.valueOf(FUZZY_TIME_MILLIS));
        rows.put("allowedDriftInSeconds", "300");
        rows.put("validateHOK", "true");
        rows.put("whitelistValidation", "true");
        rows.put("certificate.demo", CertificateNames.subjectSerialNumber(contactPoint.certificate()));
        rows.put("signingKey.demo", DemoRows.base64(contactPoint));
        DemoRows.upsert(database, "sts_ehdsiconf.ehdsiAudienceConfiguration", "audience", AUDIENCE, rows);
        try (Connection connection = database.getConnection();
                PreparedStatement policy = connection.prepareStatement("INSERT IGNORE INTO sts_ehdsiconf.ehdsiPoliciesConfiguration"
                        + " (audience, bst_policy, sts_policy, comment) VALUES (?, ?, ?, 'demo')")) {
            policy.setString(1, AUDIENCE);
            policy.setString(2, DkNcpBootstrapTokenBuilder.DEFAULT_POLICY);
            policy.setString(3, STS_POLICY);
            policy.executeUpdate();
        }
    }

    /** The shipped demo OpenNCP header, its HCP and TRC assertions signed by the demo French contact point. */
    public static Element openNcpHeader(DemoConfiguration demo) {
        IssuedCredential foreign = DemoBootstrapTokenIssuer.credential(demo, FOREIGN_CREDENTIAL, FOREIGN_DN);
        Document header;
        try (InputStream in = DemoNationalContactPoint.class.getResourceAsStream(HEADER)) {
            header = SecureXml.parse(in);
        } catch (IOException | MalformedXmlException e) {
            throw new IllegalStateException("The demo header " + HEADER + " cannot be read", e);
        }
        NodeList found = header.getElementsByTagNameNS(Namespaces.SAML, "Assertion");
        List<Element> assertions = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            assertions.add((Element) found.item(i));
        }
        XmlSigner signer = new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE);
        for (Element assertion : assertions) {
            signer.signEnveloped(assertion, ParsedAssertion.ID_ATTRIBUTE, XmlSigner.Placement.AFTER_ISSUER, foreign.privateKey(),
                    foreign.certificate());
        }
        return header.getDocumentElement();
    }
}

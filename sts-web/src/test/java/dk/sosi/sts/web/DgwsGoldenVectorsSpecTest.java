package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The golden DGWS requests of ../shared/spec/vectors, sent as they are apart from what their age and
 * foreign certificates break: fresh times, the demo signer's OCESCertHash and CVR as CareProviderID, and a
 * new signature over the card. Each response must carry an STS-signed card that validates against the Seal.Java schemas.
 */
class DgwsGoldenVectorsSpecTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static StsTestServer sts;
    private static DgwsClientFixture clients;
    private static Path vectors;
    private static Schema sealSchema;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new DgwsClientFixture(sts.embedded().demo());
        Path spec = Path.of(System.getProperty("sts.spec.dir"));
        vectors = spec.resolve("vectors");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        sealSchema = factory.newSchema(spec.resolve("xsd").resolve("soap-specialized.xsd").toFile());
    }

    /** Re-signs the vector's card with {@code signer} and posts it; returns the response after checking its shape. */
    private static Element exchange(String vector, DemoClient signerName) throws Exception {
        IssuedCredential signer = clients.client(signerName);
        Document request;
        try (InputStream in = Files.newInputStream(vectors.resolve(vector))) {
            request = SecureXml.parse(in);
        }
        Element card = (Element) request.getElementsByTagNameNS(SAML, "Assertion").item(0);
        boolean zulu = card.getAttribute("IssueInstant").endsWith("Z");
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        card.setAttribute("IssueInstant", time(notBefore, zulu));
        Element conditions = (Element) card.getElementsByTagNameNS(SAML, "Conditions").item(0);
        conditions.setAttribute("NotBefore", time(notBefore, zulu));
        conditions.setAttribute("NotOnOrAfter", time(notBefore.plus(Duration.ofHours(24)), zulu));
        NodeList attributes = card.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if ("sosi:OCESCertHash".equals(attribute.getAttribute("Name"))) {
                attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent(DgwsClientFixture.sha1(signer.certificate()));
            }
            // a certificate that proves a CVR signs only for that organisation
            if ("medcom:CareProviderID".equals(attribute.getAttribute("Name"))
                    && "medcom:cvrnumber".equals(attribute.getAttribute("NameFormat"))) {
                attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent(DgwsClientFixture.DEMO_CVR);
            }
        }
        Element oldSignature = (Element) card.getElementsByTagNameNS(DS, "Signature").item(0);
        card.removeChild(oldSignature);
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(card, "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate());

        HttpResponse<String> response = sts.post("/services/SecurityTokenService", DgwsClientFixture.text(request), "text/xml");

        assertEquals(200, response.statusCode());
        sealSchema.newValidator().validate(new StreamSource(new StringReader(response.body())));
        Document answer = StsTestServer.xml(response.body());
        assertEquals(0, answer.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return (Element) answer.getElementsByTagNameNS(SAML, "Assertion").item(0);
    }

    private static String time(Instant instant, boolean zulu) {
        return zulu ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(instant.atOffset(ZoneOffset.UTC))
                : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(instant.atZone(DgwsClientFixture.COPENHAGEN));
    }

    @Test
    void exchangeWhenSeal2625SystemRequestThenSchemaValidStsCard() throws Exception {
        Element card = exchange("ehdsi/seal-to-sts-organization-request.xml", DemoClient.SYSTEM_FOCES);

        assertEquals("SOSI-STS", card.getElementsByTagNameNS(SAML, "Issuer").item(0).getTextContent());
        assertTrue(card.getAttribute("IssueInstant").endsWith("Z"));
        JdkSignatureCheck.verify(card);
    }

    @Test
    void exchangeWhenDgws10Level3RequestThenSchemaValidCardInLocalTime() throws Exception {
        Element card = exchange("seal-java/stslevel3request.xml", DemoClient.SYSTEM_VOCES);

        assertTrue(!card.getAttribute("IssueInstant").endsWith("Z"), card.getAttribute("IssueInstant"));
    }

    @Test
    void exchangeWhenDgws10Level4UserRequestThenUserCardKeepsItsUserLog() throws Exception {
        DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "2601610143");
        DgwsExchangeTest.authorizationsAre("2601610143", "2101;7170");
        try {
            Element card = exchange("seal-java/stslevel4request.xml", DemoClient.EMPLOYEE_MOCES);

            assertTrue(card.getOwnerDocument().getDocumentElement().getTextContent().contains("2601610143"));
        } finally {
            DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
        }
    }

    @Test
    void exchangeWhenUnsealedLevel4RequestThenAccepted() throws Exception {
        DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0501792275");
        try {
            exchange("unsealed/sts-request-1.xml", DemoClient.EMPLOYEE_MOCES);
        } finally {
            DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
        }
    }
}

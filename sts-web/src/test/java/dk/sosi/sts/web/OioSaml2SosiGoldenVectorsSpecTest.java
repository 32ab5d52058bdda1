package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The request and response templates of Seal.Java's OIOSamlToIDCard examples (../shared/spec/vectors): the request
 * template filled with a NemLog-in assertion of the demo IdP and a context token, its message re-signed rsa-sha1 by a
 * demo certificate as Seal signs, gets an answer whose token response has the template's elements in the template's
 * order, and an id-card the Seal.Java schema accepts.
 */
class OioSaml2SosiGoldenVectorsSpecTest {

    private static final String TEMPLATES = "vectors/seal-java/oiosaml-examples/OIOSamlToIDCard/";
    private static final String WST14 = "http://docs.oasis-open.org/ws-sx/ws-trust/200802";

    private static StsTestServer sts;
    private static NboClientFixture clients;
    private static Path spec;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new NboClientFixture(sts);
        spec = Path.of(System.getProperty("sts.spec.dir"));
    }

    private static Document template(String name) throws Exception {
        try (InputStream in = Files.newInputStream(spec.resolve(TEMPLATES + name))) {
            return SecureXml.parse(in);
        }
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add("{" + e.getNamespaceURI() + "}" + e.getLocalName());
            }
        }
        return names;
    }

    private static Element first(Document document, String namespace, String localName) {
        return (Element) document.getElementsByTagNameNS(namespace, localName).item(0);
    }

    @Test
    void exchangeWhenSealsRequestTemplateThenTheResponseTemplatesShapeAndASchemaValidCard() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Document request = template("OIO_WS-Trust_request.xml");
        Element actAs = first(request, WST14, "ActAs");
        while (actAs.getFirstChild() != null) {
            actAs.removeChild(actAs.getFirstChild());
        }
        actAs.appendChild(request.importNode(clients.signed(karl), true));
        actAs.appendChild(request.importNode(NboClientFixture.contextToken(karl, Optional.of("7170"), Optional.empty()), true));
        Element messageId = first(request, WSA, "MessageID");
        messageId.setTextContent("urn:uuid:" + UUID.randomUUID());
        Element timestamp = first(request, WSU, "Timestamp");
        first(request, WSU, "Created").setTextContent(XmlTimes.zulu(Instant.now()));
        Element security = (Element) timestamp.getParentNode();
        Element placeholder = first(request, "http://www.w3.org/2000/09/xmldsig#", "Signature");
        security.removeChild(placeholder);
        IssuedCredential caller = clients.client(DemoClient.SYSTEM_FOCES);
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signDetached(security, List.of(first(request, WSA, "Action"),
                messageId, timestamp, first(request, OioClientFixture.SOAP, "Body")), caller.privateKey(), caller.certificate());

        Document answer = OioClientFixture.answer(clients.post(request));

        Document response = template("OIO_WS-Trust_response.xml");
        String rstr = "RequestSecurityTokenResponse";
        assertEquals(childNames(first(response, OioClientFixture.WST, rstr)), childNames(first(answer, OioClientFixture.WST, rstr)));
        assertEquals(first(request, OioClientFixture.WST, "RequestSecurityToken").getAttribute("Context"),
                first(answer, OioClientFixture.WST, rstr).getAttribute("Context"));
        assertEquals(NemLogInDemoIdp.IT_SYSTEM_NAME, OioClientFixture.content(NboClientFixture.card(answer)).systemLog().itSystemName());
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.newSchema(spec.resolve("xsd").resolve("saml-specialized.xsd").toFile()).newValidator()
                .validate(new DOMSource(first(answer, SAML, "Assertion")));
    }
}

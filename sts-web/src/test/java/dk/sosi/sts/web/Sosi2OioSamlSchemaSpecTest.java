package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.SOAP;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A Sosi2OIOSaml answer as strict clients read it (../shared/spec; runs where that folder exists): the decrypted
 * assertion validates against {@code oiosaml/standard-saml.xsd}, which Seal's relying parties check it with
 * (exchanges.md 3.1), and the envelope has the shape of the national STS's answer in
 * {@code vectors/unsealed/sts-response-2.xml} (exchanges.md 2.6): the same elements in the same order in the
 * Header and the RSTR, and a message signature over the same parts in the same order. Values are not compared.
 */
class Sosi2OioSamlSchemaSpecTest {

    private static OioClientFixture clients;
    private static Schema standardSaml;
    private static Document vector;

    @BeforeAll
    static void start() throws Exception {
        clients = new OioClientFixture(StsTestServer.shared());
        Path spec = Path.of(System.getProperty("sts.spec.dir"));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        standardSaml = factory.newSchema(spec.resolve(Path.of("xsd", "oiosaml", "standard-saml.xsd")).toFile());
        try (InputStream in = Files.newInputStream(spec.resolve(Path.of("vectors", "unsealed", "sts-response-2.xml")))) {
            vector = SecureXml.parse(in);
        }
    }

    @Test
    void exchangeWhenEmployeeCardThenTheDecryptedAssertionValidatesAgainstStandardSaml() throws Exception {
        Element assertion = clients.decrypted(clients.answer(clients.signedRequest(clients.employeeCard())));
        Document received = SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(assertion)));

        standardSaml.newValidator().validate(new DOMSource(received.getDocumentElement()));

        // The schema is not lenient: the same assertion with its Issuer moved last is refused.
        Element reordered = received.getDocumentElement();
        reordered.appendChild(reordered.getElementsByTagNameNS(SAML, "Issuer").item(0));
        assertThrows(SAXException.class, () -> standardSaml.newValidator().validate(new StreamSource(
                new ByteArrayInputStream(SecureXml.toBytes(reordered)))));
    }

    @Test
    void exchangeWhenEmployeeCardThenTheAnswerHasTheShapeOfTheNationalStsAnswer() throws Exception {
        Document answer = clients.answer(clients.signedRequest(clients.employeeCard()));

        assertEquals(shape(vector.getDocumentElement(), false), shape(answer.getDocumentElement(), false), "Envelope");
        assertEquals(shape(first(vector, SOAP, "Header"), true), shape(first(answer, SOAP, "Header"), true), "Header");
        assertEquals(shape(first(vector, WST, "RequestSecurityTokenResponseCollection"), true),
                shape(first(answer, WST, "RequestSecurityTokenResponseCollection"), true), "RSTRC");
        assertEquals(signedParts(vector), signedParts(answer), "what the message signature covers, in order");
    }

    private static Element first(Document document, String namespace, String localName) {
        return (Element) document.getElementsByTagNameNS(namespace, localName).item(0);
    }

    /** Each element of {@code element}'s subtree (only its children unless {@code deep}), as depth and {namespace}name. */
    private static List<String> shape(Element element, boolean deep) {
        List<String> names = new ArrayList<>();
        collect(element, 0, deep, names);
        return names;
    }

    private static void collect(Element element, int depth, boolean deep, List<String> names) {
        names.add("  ".repeat(depth) + "{" + element.getNamespaceURI() + "}" + element.getLocalName());
        if (depth > 0 && !deep) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, depth + 1, deep, names);
            }
        }
    }

    /** The elements the References of the Header's ds:Signature point at, by name, in order. */
    private static List<String> signedParts(Document document) {
        Element signature = (Element) first(document, SOAP, "Header").getElementsByTagNameNS(DS, "Signature").item(0);
        List<String> parts = new ArrayList<>();
        var references = signature.getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < references.getLength(); i++) {
            String id = ((Element) references.item(i)).getAttribute("URI").substring(1);
            var all = document.getElementsByTagNameNS("*", "*");
            for (int j = 0; j < all.getLength(); j++) {
                Element candidate = (Element) all.item(j);
                if (id.equals(candidate.getAttributeNS(WSU, "Id"))) {
                    parts.add("{" + candidate.getNamespaceURI() + "}" + candidate.getLocalName());
                }
            }
        }
        return parts;
    }
}

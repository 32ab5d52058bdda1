package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Assertions as the STS writes them validate against {@code oiosaml/standard-saml.xsd}, the schema relying
 * parties check decrypted OIOSAML assertions with (exchanges.md 3.1; ../shared/spec/xsd; runs where that
 * folder exists), unsigned and signed as exchanges.md 2.8 S2 places the signature, and a signed one still
 * verifies after being moved into another document and sent.
 */
class SamlAssertionSchemaSpecTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private static Schema schema;
    private static IssuedCredential sts;

    private final SamlAssertionWriter writer = new SamlAssertionWriter();
    private final SamlAssertionReader reader = new SamlAssertionReader();

    @BeforeAll
    static void load() throws Exception {
        Path xsd = spec().resolve(Path.of("xsd", "oiosaml", "standard-saml.xsd"));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        schema = factory.newSchema(xsd.toFile());
        sts = TestSigningKeys.other();
    }

    private static Path spec() {
        return Path.of(System.getProperty("sts.spec.dir"));
    }

    private static void validate(byte[] xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static Stream<Arguments> assertions() {
        return SamlAssertionWriterTest.assertions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void writeWhenAnyAssertionThenValidAgainstStandardSaml(String name, SamlAssertion assertion) throws Exception {
        validate(SecureXml.toBytes(writer.write(assertion)));
    }

    /** Proves the validator is not lenient: the schema's sequence puts Issuer first. */
    @Test
    void writeWhenChildrenReorderedThenSchemaRefuses() {
        Element written = writer.write(TestSamlAssertions.oioSamlAssertion().build());
        written.appendChild(written.getFirstChild());

        SAXException refused = assertThrows(SAXException.class, () -> validate(SecureXml.toBytes(written)));
        assertTrue(refused.getMessage().contains("saml:Issuer") || refused.getMessage().contains("Issuer"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_SHA256", "RSA_SHA1"})
    void writeAndSignWhenSignatureAfterIssuerThenValidAndVerifiesInAnotherDocument(String algorithm) throws Exception {
        SamlAssertion assertion = TestSamlAssertions.identityToken(TestSigningKeys.employee().certificate())
                .addAttribute(TestSamlAssertions.discoveryEpr()).build();
        Element written = writer.write(assertion);
        new XmlSigner(SignatureAlgorithm.valueOf(algorithm), SlaLog.NONE).signEnveloped(written, ParsedAssertion.ID_ATTRIBUTE,
                XmlSigner.Placement.AFTER_ISSUER, sts.privateKey(), sts.certificate());
        assertEquals("Signature", written.getFirstChild().getNextSibling().getLocalName());
        validate(SecureXml.toBytes(written));

        Document response = SecureXml.newDocument();
        Element wrapper = response.createElementNS("http://docs.oasis-open.org/ws-sx/ws-trust/200512", "wst:RequestedSecurityToken");
        wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wst", "http://docs.oasis-open.org/ws-sx/ws-trust/200512");
        wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", "urn:example:other-binding-of-the-prefix");
        response.appendChild(wrapper);
        wrapper.appendChild(response.importNode(written, true));
        Document received = SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(response)));
        Element token = (Element) received.getElementsByTagNameNS(SAML, "Assertion").item(0);

        schema.newValidator().validate(new DOMSource(token));
        ParsedAssertion parsed = reader.read(token);
        assertEquals(assertion, parsed.assertion());
        assertEquals(sts.certificate(), new SignatureVerifier(SignaturePolicy.enveloped(Set.of(SignatureAlgorithm.valueOf(algorithm))))
                .verifyEnveloped(parsed.element(), ParsedAssertion.ID_ATTRIBUTE, "assertion", TestSigningKeys.TRUST_ANY)
                .certificate());
    }

    static Stream<String> vectors() {
        return SamlAssertionVectorsSpecTest.VECTORS.stream();
    }

    /** Whatever the STS reads, it can write again in the form strict clients take. */
    @ParameterizedTest
    @MethodSource("vectors")
    void writeWhenVectorReadAndWrittenAgainThenValidAgainstStandardSaml(String vector) throws Exception {
        Element element;
        try (InputStream in = Files.newInputStream(spec().resolve("vectors").resolve(vector))) {
            element = SecureXml.parse(in).getDocumentElement();
        }

        validate(SecureXml.toBytes(writer.write(reader.read(element).assertion())));
    }
}

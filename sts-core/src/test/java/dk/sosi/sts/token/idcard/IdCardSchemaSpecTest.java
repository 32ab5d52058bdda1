package dk.sosi.sts.token.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Cards as the STS writes and signs them validate against {@code saml-specialized.xsd}, the schema
 * Seal.Java checks STS responses with (../shared/spec/xsd; runs where that folder exists), and still
 * verify after being serialised and read back.
 */
class IdCardSchemaSpecTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static Schema sealSchema;
    private static IssuedCredential sts;

    private final IdCardWriter writer = new IdCardWriter(COPENHAGEN);
    private final IdCardParser parser = new IdCardParser(COPENHAGEN);

    @BeforeAll
    static void load() throws Exception {
        Path xsd = Path.of(System.getProperty("sts.spec.dir"), "xsd", "saml-specialized.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        sealSchema = factory.newSchema(xsd.toFile());
        sts = TestSigningKeys.other();
    }

    /** The card written into its own document, signed at levels 3 and 4 as the STS signs, serialised. */
    private byte[] issued(IdCard card, SignatureAlgorithm algorithm) {
        Document document = SecureXml.newDocument();
        document.appendChild(writer.write(card, document));
        if (card.authenticationLevel() >= 3) {
            new XmlSigner(algorithm, SlaLog.NONE).signEnveloped(document.getDocumentElement(), "id", XmlSigner.Placement.ID_CARD,
                    sts.privateKey(), sts.certificate());
        }
        return SecureXml.toBytes(document);
    }

    static Stream<Arguments> cards() {
        return Stream.of(TestIdCards.employeeCard(), TestIdCards.systemCard(), TestIdCards.passwordCard(),
                        TestIdCards.anonymousCard())
                .flatMap(card -> Stream.of(DgwsVersion.values()).map(version -> card.version(version).build()))
                .map(card -> Arguments.of(card.type() + " level " + card.authenticationLevel() + " " + card.version(), card));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void writeAndSignWhenAnyCardThenValidAgainstSealSchemaAndVerifiesAfterTransport(String name, IdCard card)
            throws Exception {
        byte[] sent = issued(card, SignatureAlgorithm.RSA_SHA1);

        sealSchema.newValidator().validate(new StreamSource(new ByteArrayInputStream(sent)));
        ParsedIdCard received = parser.parse(SecureXml.parse(new ByteArrayInputStream(sent)).getDocumentElement());
        assertEquals(card, received.card());
        assertEquals(card.authenticationLevel() >= 3, received.signature().isPresent());
        if (received.signature().isPresent()) {
            assertEquals(sts.certificate(), new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA1))
                    .verify(received.element(), received.idAttribute(), TestSigningKeys.TRUST_ANY));
        }
    }

    /** Why the STS signs its cards rsa-sha1: Seal's ds-specialized.xsd knows no other signature method. */
    @Test
    void writeAndSignWhenRsaSha256ThenSealSchemaRefusesTheCard() {
        byte[] sent = issued(TestIdCards.systemCard().build(), SignatureAlgorithm.RSA_SHA256);

        SAXException refused = assertThrows(SAXException.class,
                () -> sealSchema.newValidator().validate(new StreamSource(new ByteArrayInputStream(sent))));
        assertTrue(refused.getMessage().contains("rsa-sha256"), refused.getMessage());
    }
}

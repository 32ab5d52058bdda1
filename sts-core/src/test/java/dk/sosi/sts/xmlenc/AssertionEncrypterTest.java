package dk.sosi.sts.xmlenc;

import static dk.sosi.sts.xmlenc.TestAssertions.canonical;
import static dk.sosi.sts.xmlenc.TestAssertions.contentKey;
import static dk.sosi.sts.xmlenc.TestAssertions.encryptedKey;
import static dk.sosi.sts.xmlenc.TestAssertions.recipient;
import static dk.sosi.sts.xmlenc.TestAssertions.xenc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AssertionEncrypterTest {

    /** The shape of sts-response-2.xml's EncryptedAssertion (exchanges.md 2.8 S3); {@code EncryptedAssertionVectorSpecTest} reads it from the vector. */
    static final String DEFAULT_SHAPE = "saml:EncryptedAssertion("
            + "xenc:EncryptedData[Type=http://www.w3.org/2001/04/xmlenc#Element]("
            + "xenc:EncryptionMethod[Algorithm=http://www.w3.org/2001/04/xmlenc#aes128-cbc],"
            + "ds:KeyInfo(xenc:EncryptedKey("
            + "xenc:EncryptionMethod[Algorithm=http://www.w3.org/2001/04/xmlenc#rsa-1_5],"
            + "xenc:CipherData(xenc:CipherValue))),"
            + "xenc:CipherData(xenc:CipherValue)))";
    private static final Map<String, String> PREFIXES = Map.of("saml", Namespaces.SAML, "xenc", XmlEnc.NS,
            "ds", Namespaces.DS, "xenc11", XmlEnc.NS11);

    private final AssertionEncrypter encrypter = new AssertionEncrypter();

    /** Element names, non-namespace attributes and nesting of {@code element}; whitespace and text left out. */
    static String shape(Element element) {
        StringBuilder shape = new StringBuilder(element.getNodeName());
        List<String> attributes = new ArrayList<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            if (!Namespaces.XMLNS.equals(attribute.getNamespaceURI())) {
                attributes.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
            }
        }
        if (!attributes.isEmpty()) {
            shape.append(attributes);
        }
        List<String> children = new ArrayList<>();
        for (Element child : XmlEnc.children(element)) {
            children.add(shape(child));
        }
        if (!children.isEmpty()) {
            shape.append('(').append(String.join(",", children)).append(')');
        }
        return shape.toString();
    }

    private static void assertStandardPrefixes(Element element) {
        assertEquals(PREFIXES.get(element.getPrefix()), element.getNamespaceURI(), element.getNodeName());
        XmlEnc.children(element).forEach(AssertionEncrypterTest::assertStandardPrefixes);
    }

    private Element encryptDefault(Element assertion) {
        return encrypter.encrypt(assertion, recipient().certificate(), EncryptionPolicy.DEFAULT);
    }

    @Test
    void encryptWhenDefaultPolicyThenExactlyTheShapeOfTheNationalStsResponse() {
        Element encrypted = encryptDefault(TestAssertions.signedAssertion());

        assertEquals(DEFAULT_SHAPE, shape(encrypted));
        assertStandardPrefixes(encrypted);
    }

    @Test
    void encryptWhenDefaultPolicyThenEncryptedKeyNamesNoRecipientAndHasNoKeyInfo() {
        Element key = encryptedKey(encryptDefault(TestAssertions.signedAssertion()));

        assertFalse(key.hasAttributeNS(null, "Recipient"));
        assertNull(key.getElementsByTagNameNS(Namespaces.DS, "KeyInfo").item(0));
    }

    @Test
    void encryptWhenSerialisedThenEveryPrefixIsDeclared() throws Exception {
        Element encrypted = encryptDefault(TestAssertions.signedAssertion());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);

        Element read = factory.newDocumentBuilder().parse(new ByteArrayInputStream(SecureXml.toBytes(encrypted)))
                .getDocumentElement();

        assertEquals(DEFAULT_SHAPE, shape(read));
        assertStandardPrefixes(read);
        assertEquals(canonical(encrypted, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS),
                canonical(read, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS), "declared in the DOM, not only by the writer");
    }

    @Test
    void encryptWhenDoneThenNoWhitespaceNodesAndBase64WithoutLineBreaks() {
        Element encrypted = encryptDefault(TestAssertions.signedAssertion());

        String xml = new String(SecureXml.toBytes(encrypted), StandardCharsets.UTF_8);
        assertFalse(xml.contains("\n") || xml.contains("\r") || xml.contains("&#13;") || xml.contains(" <"), xml);
        String content = TestAssertions.contentCipherValue(encrypted).getTextContent();
        assertTrue(content.length() > 76, "long enough that Santuario would have broken it into lines");
        assertTrue(content.matches("[A-Za-z0-9+/=]+"), content);
    }

    @ParameterizedTest
    @CsvSource({
        "rsa-oaep-mgf1p, 'xenc:EncryptionMethod[Algorithm=http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p]("
                + "ds:DigestMethod[Algorithm=http://www.w3.org/2000/09/xmldsig#sha1])'",
        "rsa-oaep, 'xenc:EncryptionMethod[Algorithm=http://www.w3.org/2009/xmlenc11#rsa-oaep]("
                + "ds:DigestMethod[Algorithm=http://www.w3.org/2001/04/xmlenc#sha256],"
                + "xenc11:MGF[Algorithm=http://www.w3.org/2009/xmlenc11#mgf1sha256])'",
    })
    void encryptWhenOaepThenDigestAndMaskHashAreNamed(String keyTransport, String expectedMethod) {
        Element encrypted = encrypter.encrypt(TestAssertions.signedAssertion(), recipient().certificate(),
                EncryptionPolicy.of("aes256-gcm", keyTransport));

        assertEquals(expectedMethod, shape(xenc(encryptedKey(encrypted), "EncryptionMethod")));
        assertEquals("xenc:EncryptionMethod[Algorithm=http://www.w3.org/2009/xmlenc11#aes256-gcm]",
                shape(xenc(TestAssertions.encryptedData(encrypted), "EncryptionMethod")));
        assertStandardPrefixes(encrypted);
    }

    @Test
    void encryptWhenCalledTwiceThenEachCallHasAFreshContentKey() throws Exception {
        Element assertion = TestAssertions.signedAssertion();

        Element first = encryptDefault(assertion);
        Element second = encryptDefault(assertion);

        byte[] firstKey = contentKey(first, recipient().privateKey()).getEncoded();
        byte[] secondKey = contentKey(second, recipient().privateKey()).getEncoded();
        assertEquals(16, firstKey.length);
        assertFalse(java.util.Arrays.equals(firstKey, secondKey));
        assertNotEquals(TestAssertions.contentCipherValue(first).getTextContent(),
                TestAssertions.contentCipherValue(second).getTextContent());
    }

    @Test
    void encryptWhenDoneThenAssertionUnchangedAndResultInADocumentOfItsOwn() {
        Element assertion = TestAssertions.signedAssertionInsideResponse();
        Node parent = assertion.getParentNode();
        byte[] before = SecureXml.toBytes(assertion.getOwnerDocument());

        Element encrypted = encryptDefault(assertion);

        assertArrayEquals(before, SecureXml.toBytes(assertion.getOwnerDocument()));
        assertSame(parent, assertion.getParentNode());
        assertSame(encrypted, encrypted.getOwnerDocument().getDocumentElement());
        assertNotEquals(assertion.getOwnerDocument(), encrypted.getOwnerDocument());
    }

    @Test
    void encryptWhenDefaultThenJceDecryptsItAsTheDeployedClientDoes() throws Exception {
        Element assertion = TestAssertions.signedAssertion();

        String plaintext = TestAssertions.plaintext(encryptDefault(assertion), recipient().privateKey());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element read = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(plaintext.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals(canonical(assertion, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS),
                canonical(read, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS));
        TestAssertions.assertSignatureVerifies(read);
    }

    @Test
    void encryptWhenAssertionInheritsItsNamespacesThenPlaintextDeclaresThoseItUses() throws Exception {
        Element assertion = TestAssertions.signedAssertionInsideResponse();

        String plaintext = TestAssertions.plaintext(encryptDefault(assertion), recipient().privateKey());

        Element read = TestAssertions.parse(plaintext).getDocumentElement();
        assertEquals(TestAssertions.XSD, read.lookupNamespaceURI("xs"), "used only in xsi:type=\"xs:string\"");
        assertEquals(TestAssertions.XSI, read.getAttributeNS(Namespaces.XMLNS, "xsi"));
        assertEquals(Namespaces.SAML, read.getAttributeNS(Namespaces.XMLNS, "saml"));
        assertFalse(read.hasAttributeNS(Namespaces.XMLNS, "wst"), "declared on the response, not used by the assertion");
        assertEquals(canonical(assertion, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS),
                canonical(read, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS));
        TestAssertions.assertSignatureVerifies(read);
    }

    @Test
    void encryptWhenRecipientKeyShorterThan2048BitsThenIllegalArgument() {
        IssuedCredential weak = TestSigningKeys.weak();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> encrypter.encrypt(TestAssertions.signedAssertion(), weak.certificate(), EncryptionPolicy.DEFAULT));

        assertEquals("The encryption certificate " + weak.certificate().getSubjectX500Principal()
                + " must hold an RSA key of at least 2048 bits", refused.getMessage());
    }

    @Test
    void encryptWhenRecipientKeyIsNotRsaThenIllegalArgument() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        IssuedCredential ec = TestSigningKeys.ca().issue(CertificateRequest.builder("CN=EC Key, O=SOSI-STS tests, C=DK",
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")).keyPair(generator.generateKeyPair()).build());

        assertThrows(IllegalArgumentException.class,
                () -> encrypter.encrypt(TestAssertions.signedAssertion(), ec.certificate(), EncryptionPolicy.DEFAULT));
    }

    @Test
    void encryptWhenElementIsNotAnAssertionThenIllegalArgument() {
        Element issuer = (Element) TestAssertions.signedAssertion().getFirstChild();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> encrypter.encrypt(issuer, recipient().certificate(), EncryptionPolicy.DEFAULT));

        assertEquals("Only a saml:Assertion is encrypted, not saml:Issuer", refused.getMessage());
    }

    @Test
    void encryptWhenArgumentMissingThenNullPointerNamingIt() {
        Element assertion = TestAssertions.signedAssertion();

        assertEquals("assertion", assertThrows(NullPointerException.class,
                () -> encrypter.encrypt(null, recipient().certificate(), EncryptionPolicy.DEFAULT)).getMessage());
        assertEquals("recipient", assertThrows(NullPointerException.class,
                () -> encrypter.encrypt(assertion, null, EncryptionPolicy.DEFAULT)).getMessage());
        assertEquals("policy", assertThrows(NullPointerException.class,
                () -> encrypter.encrypt(assertion, recipient().certificate(), null)).getMessage());
    }
}

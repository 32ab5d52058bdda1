package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.TestSamlAssertions.ISSUED;
import static dk.sosi.sts.token.saml.TestSamlAssertions.serialised;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SamlAssertionWriterTest {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** The OIOSAML fixture as it must go on the wire, character for character. */
    private static final String OIOSAML_ASSERTION = "<saml:Assertion"
            + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
            + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " ID=\"_8c1f9f5e-6f1a-4a8e-9d3a-0e2b7c9d1a11\" IssueInstant=\"2024-03-01T10:15:30Z\" Version=\"2.0\">"
            + "<saml:Issuer>https://sts.sosi.dk/</saml:Issuer>"
            + "<saml:Subject>"
            + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">"
            + "C=DK,O=Lægehuset // CVR:20921897,CN=Lars Larsen,Serial=CVR:20921897-RID:52723247</saml:NameID>"
            + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
            + "<saml:SubjectConfirmationData NotOnOrAfter=\"2024-03-01T10:20:30Z\" Recipient=\"https://fmk/saml/SAMLAssertionConsumer\"/>"
            + "</saml:SubjectConfirmation>"
            + "</saml:Subject>"
            + "<saml:Conditions NotBefore=\"2024-03-01T10:10:30Z\" NotOnOrAfter=\"2024-03-01T18:15:30Z\">"
            + "<saml:AudienceRestriction><saml:Audience>https://fmk</saml:Audience></saml:AudienceRestriction>"
            + "</saml:Conditions>"
            + "<saml:AuthnStatement AuthnInstant=\"2024-03-01T09:15:30Z\" SessionIndex=\"_8c1f9f5e-6f1a-4a8e-9d3a-0e2b7c9d1a11\">"
            + "<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</saml:AuthnContextClassRef>"
            + "</saml:AuthnContext>"
            + "</saml:AuthnStatement>"
            + "<saml:AttributeStatement>"
            + "<saml:Attribute FriendlyName=\"surName\" Name=\"urn:oid:2.5.4.4\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">Larsen</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute FriendlyName=\"CommonName\" Name=\"urn:oid:2.5.4.3\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">Lars Larsen</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute FriendlyName=\"email\" Name=\"urn:oid:0.9.2342.19200300.100.1.3\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\"/></saml:Attribute>"
            + "<saml:Attribute Name=\"dk:gov:saml:attribute:AssuranceLevel\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">3</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute Name=\"dk:gov:saml:attribute:SpecVer\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">DK-SAML-2.0</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute Name=\"dk:gov:saml:attribute:CprNumberIdentifier\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">0501792275</saml:AttributeValue></saml:Attribute>"
            + "</saml:AttributeStatement>"
            + "</saml:Assertion>";

    private final SamlAssertionWriter writer = new SamlAssertionWriter();
    private final SamlAssertionReader reader = new SamlAssertionReader();

    private static X509Certificate wsc() {
        return TestSigningKeys.employee().certificate();
    }

    static Stream<Arguments> assertions() {
        return Stream.of(
                Arguments.of("minimal", TestSamlAssertions.minimal().build()),
                Arguments.of("issuer format", TestSamlAssertions.minimal()
                        .issuerFormat(Optional.of("urn:oasis:names:tc:SAML:2.0:nameid-format:entity")).build()),
                Arguments.of("OIOSAML assertion", TestSamlAssertions.oioSamlAssertion().build()),
                Arguments.of("identity token", TestSamlAssertions.identityToken(wsc()).build()),
                Arguments.of("sender-vouches, no NameID format", TestSamlAssertions.minimal()
                        .subject(Subject.of(new NameId("Mads_Skjern", Optional.empty()),
                                new SubjectConfirmation(SubjectConfirmation.SENDER_VOUCHES, Optional.empty(), Optional.empty(),
                                        Optional.empty()))).build()),
                Arguments.of("confirmation without NameID", TestSamlAssertions.minimal()
                        .subject(new Subject(Optional.empty(), List.of(SubjectConfirmation.bearer("https://sosi", ISSUED)))).build()),
                Arguments.of("only NotOnOrAfter", TestSamlAssertions.minimal()
                        .conditions(new Conditions(Optional.empty(), Optional.of(ISSUED), List.of())).build()),
                Arguments.of("several audiences and values", TestSamlAssertions.minimal()
                        .conditions(Conditions.of(ISSUED, ISSUED, "https://a", "https://b"))
                        .addAttribute(SamlAttribute.basic("roles", "a", "b", "c")).build()),
                Arguments.of("attribute without value or format", TestSamlAssertions.minimal()
                        .addAttribute(new SamlAttribute("n", Optional.empty(), Optional.empty(), List.of())).build()),
                Arguments.of("DiscoveryEPR", TestSamlAssertions.oioSamlAssertion()
                        .addAttribute(TestSamlAssertions.discoveryEpr()).build()));
    }

    @Test
    void writeWhenOioSamlAssertionThenExactlyTheWireForm() {
        Element written = writer.write(TestSamlAssertions.oioSamlAssertion().build());

        assertEquals(OIOSAML_ASSERTION, serialised(written));
    }

    @Test
    void writeWhenMinimalThenOnlyIssuer() {
        Element written = writer.write(TestSamlAssertions.minimal().build());

        assertEquals("<saml:Assertion xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ID=\"_minimal\""
                + " IssueInstant=\"2024-03-01T10:15:30Z\" Version=\"2.0\"><saml:Issuer>https://sts.sosi.dk/</saml:Issuer>"
                + "</saml:Assertion>", serialised(written));
    }

    @Test
    void writeWhenCalledThenDocumentElementOfNewDocument() {
        SamlAssertion assertion = TestSamlAssertions.minimal().build();

        Element first = writer.write(assertion);
        Element second = writer.write(assertion);

        assertSame(first, first.getOwnerDocument().getDocumentElement());
        assertNotSame(first.getOwnerDocument(), second.getOwnerDocument());
    }

    @Test
    void writeWhenHolderOfKeyThenKeyInfoConfirmationDataWithOneLineCertificate() throws Exception {
        Element written = writer.write(TestSamlAssertions.identityToken(wsc()).build());

        Element data = (Element) written.getElementsByTagNameNS(SAML, "SubjectConfirmationData").item(0);
        assertEquals("saml:KeyInfoConfirmationDataType", data.getAttributeNS(XSI, "type"));
        assertEquals("https://fmk", data.getAttribute("Recipient"));
        assertEquals("2024-03-01T18:15:30Z", data.getAttribute("NotOnOrAfter"));
        Element keyInfo = (Element) data.getFirstChild();
        Element x509Data = (Element) keyInfo.getFirstChild();
        Element certificate = (Element) x509Data.getFirstChild();
        assertEquals(List.of("ds:KeyInfo", "ds:X509Data", "ds:X509Certificate"),
                List.of(keyInfo.getTagName(), x509Data.getTagName(), certificate.getTagName()));
        assertEquals(DS, certificate.getNamespaceURI());
        String base64 = certificate.getTextContent();
        assertFalse(base64.contains("\n") || base64.contains("\r") || base64.contains(" "), base64);
        assertArrayEquals(wsc().getEncoded(), Base64.getDecoder().decode(base64));
        assertEquals(wsc(), reader.read(written).assertion().subject().confirmations().get(0)
                .holderOfKeyCertificate().orElseThrow());
    }

    @Test
    void writeWhenBearerWithoutDataThenNoSubjectConfirmationData() {
        Element written = writer.write(TestSamlAssertions.minimal().subject(new Subject(Optional.empty(), List.of(
                new SubjectConfirmation(SubjectConfirmation.BEARER, Optional.empty(), Optional.empty(), Optional.empty()))))
                .build());

        assertEquals("<saml:Subject xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"/></saml:Subject>",
                serialised(written.getElementsByTagNameNS(SAML, "Subject").item(0)));
    }

    @Test
    void writeWhenTimesHaveFractionsThenWholeSecondsInUtc() {
        Element written = writer.write(TestSamlAssertions.minimal()
                .issueInstant(Instant.parse("2024-03-01T10:15:30.999Z")).build());

        assertEquals("2024-03-01T10:15:30Z", written.getAttribute("IssueInstant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void writeWhenAnyAssertionThenNoWhitespaceTextNodeOutsideXmlValues(String name, SamlAssertion assertion) {
        assertNoWhitespaceNodes(writer.write(assertion));
    }

    /** An XML value is written as it is, whitespace and all: a signature inside must still verify. */
    private static void assertNoWhitespaceNodes(Element element) {
        boolean attributeValue = SAML.equals(element.getNamespaceURI()) && "AttributeValue".equals(element.getLocalName());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                assertFalse(child.getNodeValue().isBlank(), "whitespace in " + element.getNodeName());
            } else if (child.getNodeType() == Node.ELEMENT_NODE && !attributeValue) {
                assertNoWhitespaceNodes((Element) child);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assertions")
    void writeWhenSerialisedAndReadBackThenEqualsModel(String name, SamlAssertion assertion) throws Exception {
        byte[] sent = SecureXml.toBytes(writer.write(assertion));

        ParsedAssertion received = reader.read(SecureXml.parse(new ByteArrayInputStream(sent)).getDocumentElement());

        assertEquals(assertion, received.assertion());
        assertEquals(Optional.empty(), received.signature());
    }

    @Test
    void writeWhenMovedIntoAnotherDocumentThenNamespacesStillDeclared() throws Exception {
        Element written = writer.write(TestSamlAssertions.oioSamlAssertion().addAttribute(TestSamlAssertions.discoveryEpr()).build());
        Document response = SecureXml.newDocument();
        Element wrapper = response.createElementNS("http://docs.oasis-open.org/ws-sx/ws-trust/200512", "wst:RequestedSecurityToken");
        response.appendChild(wrapper);

        wrapper.appendChild(response.importNode(written, true));

        Element moved = (Element) wrapper.getFirstChild();
        assertEquals("http://www.w3.org/2001/XMLSchema", moved.getAttributeNS("http://www.w3.org/2000/xmlns/", "xs"));
        assertEquals(XSI, moved.getAttributeNS("http://www.w3.org/2000/xmlns/", "xsi"));
        assertEquals(SAML, moved.getAttributeNS("http://www.w3.org/2000/xmlns/", "saml"));
        assertEquals(DS, moved.getAttributeNS("http://www.w3.org/2000/xmlns/", "ds"));
        Element reparsed = (Element) SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(response)))
                .getElementsByTagNameNS(SAML, "AttributeValue").item(0);
        assertEquals("http://www.w3.org/2001/XMLSchema", reparsed.lookupNamespaceURI("xs"), "xs:string resolves");
    }

    @Test
    void writeWhenXmlValueThenItsCopyIsWrittenAndTheModelKeepsItsOwn() {
        SamlAttribute epr = TestSamlAssertions.discoveryEpr();
        SamlAssertion assertion = TestSamlAssertions.minimal().addAttribute(epr).build();

        Element written = writer.write(assertion);
        Element value = (Element) written.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
        ((Element) value.getFirstChild()).setAttribute("changed", "yes");

        assertEquals("", value.getAttributeNS(XSI, "type"), "an XML value has no xsi:type");
        assertEquals("wsa:EndpointReference", ((Element) value.getFirstChild()).getTagName());
        assertEquals(TestSamlAssertions.discoveryEpr(), assertion.attribute(epr.name()).orElseThrow());
    }

    @Test
    void writeWhenXmlValueHasAnXsiTypeThenTheAttributeValueCarriesIt() {
        SamlAttribute epr = TestSamlAssertions.discoveryEpr();
        AttributeValue.Xml coded = ((AttributeValue.Xml) epr.values().get(0)).withXsiType("CE");
        SamlAssertion assertion = TestSamlAssertions.minimal()
                .addAttribute(new SamlAttribute(epr.name(), epr.nameFormat(), epr.friendlyName(), List.of(coded))).build();

        Element value = (Element) writer.write(assertion).getElementsByTagNameNS(SAML, "AttributeValue").item(0);

        assertEquals("CE", value.getAttributeNS(XSI, "type"));
        assertEquals("wsa:EndpointReference", ((Element) value.getFirstChild()).getTagName());
        assertNotEquals(epr.values().get(0), coded, "the type is part of the value");
    }

    @Test
    void writeWhenIdNotAnNcNameThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> writer.write(TestSamlAssertions.minimal().id("1abc").build()));
        assertEquals("the ID must be an NCName to be an xs:ID, was 1abc", refused.getMessage());
    }

    @Test
    void writeWhenAuthnStatementWithoutClassRefThenIllegalArgument() {
        SamlAssertion assertion = TestSamlAssertions.minimal()
                .authnStatement(Optional.of(new AuthnStatement(ISSUED, Optional.empty(), Optional.empty()))).build();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> writer.write(assertion));
        assertEquals("an AuthnStatement needs an AuthnContextClassRef to be schema-valid", refused.getMessage());
    }

    @Test
    void writeWhenNullThenNullPointer() {
        assertEquals("assertion", assertThrows(NullPointerException.class, () -> writer.write(null)).getMessage());
    }
}

package dk.sosi.sts.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SecureXmlTest {

    private static Document parse(String xml) throws MalformedXmlException {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseWhenWellFormedThenNamespaceAwareDocument() throws Exception {
        Document doc = parse("<a:x xmlns:a=\"urn:a\"><a:y>1</a:y></a:x>");

        assertEquals("urn:a", doc.getDocumentElement().getNamespaceURI());
        assertEquals("x", doc.getDocumentElement().getLocalName());
    }

    @Test
    void parseWhenDoctypeThenRefused() {
        MalformedXmlException e = assertThrows(MalformedXmlException.class,
                () -> parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));

        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void parseWhenNestedDeeperThanLimitThenRefused() {
        String deep = "<a>".repeat(SecureXml.MAX_ELEMENT_DEPTH + 1) + "</a>".repeat(SecureXml.MAX_ELEMENT_DEPTH + 1);

        assertThrows(MalformedXmlException.class, () -> parse(deep));
    }

    @Test
    void parseWhenNotWellFormedThenLineAndColumnInMessage() {
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> parse("<a>\n<b></a>"));

        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
    }

    @Test
    void toBytesWhenDocumentThenNoDeclarationAndRoundTrips() throws Exception {
        byte[] bytes = SecureXml.toBytes(parse("<x a=\"1\">æøå</x>"));

        assertEquals("<x a=\"1\">æøå</x>", new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void toBytesWhenSpecialCharactersThenEscapedAndReadBackUnchanged() throws Exception {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS("urn:a", "a:x");
        doc.appendChild(root);
        String value = "<&>\"\t\n\r'😀Ω";
        root.setAttributeNS(null, "v", value);
        root.setTextContent(value + "]]>");

        Document back = parse(new String(SecureXml.toBytes(doc), StandardCharsets.UTF_8));

        assertEquals(value, back.getDocumentElement().getAttribute("v"));
        assertEquals(value + "]]>", back.getDocumentElement().getTextContent());
    }

    @Test
    void toBytesWhenNamespacesNotDeclaredAsAttributesThenDeclaredOnceWhereUsed() throws Exception {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS("urn:a", "a:x");
        doc.appendChild(root);
        Element child = doc.createElementNS("urn:a", "a:y");
        child.setAttributeNS("urn:b", "b:z", "1");
        root.appendChild(child);
        root.appendChild(doc.createElementNS(null, "plain"));

        assertEquals("<a:x xmlns:a=\"urn:a\"><a:y xmlns:b=\"urn:b\" b:z=\"1\"/><plain/></a:x>",
                new String(SecureXml.toBytes(doc), StandardCharsets.UTF_8));
    }

    @Test
    void toBytesWhenDefaultNamespaceThenUnqualifiedChildUndeclaresIt() throws Exception {
        Document doc = parse("<x xmlns=\"urn:d\"><y/></x>");
        doc.getDocumentElement().appendChild(doc.createElementNS(null, "z"));

        Document back = parse(new String(SecureXml.toBytes(doc), StandardCharsets.UTF_8));

        assertEquals("urn:d", back.getDocumentElement().getFirstChild().getNamespaceURI());
        assertEquals(null, back.getDocumentElement().getLastChild().getNamespaceURI());
    }

    @Test
    void toBytesWhenCharacterXmlCannotCarryThenReplacedSoTheOutputStaysWellFormed() throws Exception {
        Document doc = SecureXml.newDocument();
        doc.appendChild(doc.createElement("x")).setTextContent("a\u0001b\ud800");

        Document back = parse(new String(SecureXml.toBytes(doc), StandardCharsets.UTF_8));

        assertEquals("a\ufffdb\ufffd", back.getDocumentElement().getTextContent());
    }
}

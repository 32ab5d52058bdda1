package dk.sosi.sts.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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
}

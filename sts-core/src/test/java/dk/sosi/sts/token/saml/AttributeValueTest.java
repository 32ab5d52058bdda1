package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.TestSamlAssertions.serialised;
import static dk.sosi.sts.token.saml.TestSamlAssertions.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AttributeValueTest {

    private static final String EPR = "<wsa:EndpointReference xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
            + "<wsa:Address>http://sosi.dk/sts</wsa:Address>\n  <wsa:Metadata/></wsa:EndpointReference>";

    @Test
    void xmlWhenOriginalChangedAfterwardsThenValueUnchanged() {
        Element original = xml(EPR);
        AttributeValue.Xml value = new AttributeValue.Xml(original);

        original.getFirstChild().setTextContent("http://evil");

        assertEquals("http://sosi.dk/sts", value.content().getFirstChild().getTextContent());
    }

    @Test
    void contentWhenChangedThenValueUnchanged() {
        AttributeValue.Xml value = new AttributeValue.Xml(xml(EPR));

        Element handedOut = value.content();
        handedOut.getFirstChild().setTextContent("http://evil");

        assertNotSame(handedOut, value.content());
        assertEquals("http://sosi.dk/sts", value.content().getFirstChild().getTextContent());
    }

    @Test
    void xmlWhenWhitespaceInsideThenKeptExactly() {
        AttributeValue.Xml value = new AttributeValue.Xml(xml(EPR));

        assertEquals(EPR, serialised(value.content()));
    }

    @Test
    void xmlWhenAncestorDeclaresNamespacesThenCopyDeclaresThem() {
        Element outer = xml("<a xmlns=\"urn:default\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:p=\"urn:outer\">"
                + "<p:value xmlns:p=\"urn:inner\" type=\"xs:string\">x</p:value></a>");
        Element inner = (Element) outer.getFirstChild();

        Element copy = new AttributeValue.Xml(inner).content();

        assertEquals("http://www.w3.org/2001/XMLSchema", copy.getAttributeNS("http://www.w3.org/2000/xmlns/", "xs"));
        assertEquals("urn:default", copy.getAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns"));
        assertEquals("urn:inner", copy.getAttributeNS("http://www.w3.org/2000/xmlns/", "p"), "the nearer declaration wins");
        assertEquals(copy, copy.getOwnerDocument().getDocumentElement());
    }

    @Test
    void equalsWhenSameTreeWithNamespacesDeclaredElsewhereThenEqual() {
        AttributeValue.Xml declaredOnValue = new AttributeValue.Xml(xml(EPR));
        Element outer = xml("<x xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<wsa:EndpointReference><wsa:Address>http://sosi.dk/sts</wsa:Address>\n  <wsa:Metadata/>"
                + "<!-- a comment is not content --></wsa:EndpointReference></x>");
        AttributeValue.Xml declaredOnParent = new AttributeValue.Xml((Element) outer.getFirstChild());

        assertEquals(declaredOnValue, declaredOnParent);
        assertEquals(declaredOnValue.hashCode(), declaredOnParent.hashCode());
    }

    @Test
    void equalsWhenWhitespaceDiffersThenNotEqual() {
        AttributeValue.Xml value = new AttributeValue.Xml(xml(EPR));

        assertNotEquals(value, new AttributeValue.Xml(xml(EPR.replace("\n  ", ""))));
    }

    @Test
    void equalsWhenAttributeOrPrefixDiffersThenNotEqual() {
        AttributeValue.Xml value = new AttributeValue.Xml(xml(EPR));

        assertNotEquals(value, new AttributeValue.Xml(xml(EPR.replace("<wsa:Metadata/>", "<wsa:Metadata a=\"1\"/>"))));
        assertNotEquals(value, new AttributeValue.Xml(xml(EPR.replace("wsa:", "w:").replace("xmlns:wsa", "xmlns:w"))));
    }

    @Test
    void textWhenNullThenNullPointer() {
        assertEquals("value", assertThrows(NullPointerException.class, () -> new AttributeValue.Text(null)).getMessage());
        assertEquals("content", assertThrows(NullPointerException.class, () -> new AttributeValue.Xml(null)).getMessage());
    }
}

package dk.sosi.sts.token.saml;

import java.util.Objects;
import org.w3c.dom.Element;

/** Immutable. One {@code saml:AttributeValue}: text, or one XML element. */
public sealed interface AttributeValue permits AttributeValue.Text, AttributeValue.Xml {

    /**
     * Immutable. A text value, written with {@code xsi:type="xs:string"}.
     *
     * @param value the text; the reader strips surrounding whitespace
     */
    record Text(String value) implements AttributeValue {

        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Immutable. A value that is one XML element, such as the Liberty DiscoveryEPR's
     * {@code wsa:EndpointReference} holding an id-card. The value keeps its own copy of the element in a
     * document of its own, with every namespace declaration that was in scope for the original, and hands
     * out copies; the element's text and whitespace are kept exactly, so a signature inside still verifies.
     * Two values are equal when their elements have the same names, prefixes, attributes, child elements
     * and text, wherever their namespaces happen to be declared.
     *
     * @param content the element
     */
    record Xml(Element content) implements AttributeValue {

        public Xml {
            content = DetachedElements.copy(Objects.requireNonNull(content, "content"));
        }

        /** A copy of the element, in a new document of its own; changing it changes nothing here. */
        @Override
        public Element content() {
            return DetachedElements.copy(content);
        }

        /** The element itself, for the writer, which only copies it into the assertion it writes. */
        Element element() {
            return content;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Xml xml && DetachedElements.sameTree(content, xml.content);
        }

        @Override
        public int hashCode() {
            return DetachedElements.hash(content);
        }

        @Override
        public String toString() {
            return "Xml[" + content.getNodeName() + "]";
        }
    }
}

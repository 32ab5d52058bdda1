package dk.sosi.sts.token.saml;

import java.util.Objects;
import java.util.Optional;
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
     * @param xsiType the {@code xsi:type} the writer puts on the {@code saml:AttributeValue}, e.g. {@code CE} for the
     *                HL7 coded values of eHDSI; the reader does not look at it and leaves it empty
     */
    record Xml(Element content, Optional<String> xsiType) implements AttributeValue {

        public Xml {
            content = DetachedElements.copy(Objects.requireNonNull(content, "content"));
            Objects.requireNonNull(xsiType, "xsiType");
        }

        /** A value without {@code xsi:type}. */
        public Xml(Element content) {
            this(content, Optional.empty());
        }

        /** This value written with {@code xsi:type="type"}. */
        public Xml withXsiType(String type) {
            return new Xml(content, Optional.of(type));
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
            return other instanceof Xml xml && xsiType.equals(xml.xsiType) && DetachedElements.sameTree(content, xml.content);
        }

        @Override
        public int hashCode() {
            return 31 * DetachedElements.hash(content) + xsiType.hashCode();
        }

        @Override
        public String toString() {
            return "Xml[" + content.getNodeName() + xsiType.map(type -> ", xsi:type " + type).orElse("") + "]";
        }
    }
}

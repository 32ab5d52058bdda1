package dk.sosi.sts.token.saml;

import dk.sosi.sts.xml.SecureXml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Stateless. Copies of elements that stand on their own, and their structural comparison. */
final class DetachedElements {

    private DetachedElements() {
    }

    /**
     * A deep copy of {@code source} as the root of a new document. Namespaces declared on the source's
     * ancestors are declared on the copy too: names in attribute values or text ({@code xsi:type="xs:string"})
     * resolve through them, and a canonicaliser sees only declared namespaces.
     */
    static Element copy(Element source) {
        Document document = SecureXml.newDocument();
        Element copy = (Element) document.importNode(source, true);
        for (Node scope = source.getParentNode(); scope instanceof Element ancestor; scope = scope.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (SamlNames.XMLNS.equals(attribute.getNamespaceURI())
                        && copy.getAttributeNodeNS(SamlNames.XMLNS, attribute.getLocalName()) == null) {
                    copy.setAttributeNS(SamlNames.XMLNS, attribute.getName(), attribute.getValue());
                }
            }
        }
        document.appendChild(copy);
        return copy;
    }

    /** Same names, prefixes, attributes (namespace declarations aside), child elements and text, in order. */
    static boolean sameTree(Element a, Element b) {
        if (!Objects.equals(a.getNamespaceURI(), b.getNamespaceURI()) || !Objects.equals(a.getLocalName(), b.getLocalName())
                || !Objects.equals(a.getPrefix(), b.getPrefix()) || !attributes(a).equals(attributes(b))) {
            return false;
        }
        List<Object> childrenA = children(a);
        List<Object> childrenB = children(b);
        if (childrenA.size() != childrenB.size()) {
            return false;
        }
        for (int i = 0; i < childrenA.size(); i++) {
            Object childA = childrenA.get(i);
            Object childB = childrenB.get(i);
            boolean same = childA instanceof Element elementA
                    ? childB instanceof Element elementB && sameTree(elementA, elementB)
                    : childA.equals(childB);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Agrees with {@link #sameTree}: equal trees have equal names and text. */
    static int hash(Element element) {
        return Objects.hash(element.getNamespaceURI(), element.getLocalName(), element.getTextContent());
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> values = new HashMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!SamlNames.XMLNS.equals(attribute.getNamespaceURI())) {
                values.put("{" + attribute.getNamespaceURI() + "}" + attribute.getLocalName(), attribute.getValue());
            }
        }
        return values;
    }

    /** Child elements, and the text between them as strings; comments and processing instructions left out. */
    private static List<Object> children(Element parent) {
        List<Object> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    if (text.length() > 0) {
                        children.add(text.toString());
                        text.setLength(0);
                    }
                    children.add(child);
                }
                default -> {
                    // not content
                }
            }
        }
        if (text.length() > 0) {
            children.add(text.toString());
        }
        return children;
    }
}

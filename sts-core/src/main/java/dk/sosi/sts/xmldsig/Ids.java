package dk.sosi.sts.xmldsig;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.soap.Namespaces;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Stateless. XML ids as signatures use them: the attributes that name an element ({@code wsu:Id}, then
 * {@code Id}, {@code ID}, {@code id}, {@code xml:id}; exchanges.md 2.3 L2 and 2.6 R2), and the rule that
 * a signed id names one element only, which shuts out signature wrapping by a copy.
 */
final class Ids {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private Ids() {
    }

    /** The id of {@code element}: its {@code wsu:Id}, else its {@code Id}, {@code ID} or {@code id}; empty if none. */
    static String of(Element element) {
        String id = element.getAttributeNS(Namespaces.WSU, "Id");
        for (String name : new String[] {"Id", "ID", "id"}) {
            if (!id.isEmpty()) {
                break;
            }
            id = element.getAttributeNS(null, name);
        }
        return id;
    }

    /** Refuses the document if any element but {@code element} carries {@code id} as an id. */
    static void requireUnique(Element element, String id, String subject) {
        Node root = element;
        while (root.getParentNode() != null && root.getParentNode().getNodeType() == Node.ELEMENT_NODE) {
            root = root.getParentNode();
        }
        for (Node node = root; node != null; node = next(node, root)) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node != element && carries((Element) node, id)) {
                throw SignatureVerifier.refused(String.format(SignatureVerifier.DUPLICATE_ID, subject,
                        CallerText.limit(id, 128)));
            }
        }
    }

    private static boolean carries(Element element, String id) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (id.equals(attribute.getValue()) && (attribute.isId() || isIdName(attribute))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdName(Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        String name = attribute.getLocalName();
        if (namespace == null) {
            return "id".equals(name) || "ID".equals(name) || "Id".equals(name);
        }
        return (Namespaces.WSU.equals(namespace) && "Id".equals(name)) || (XML_NS.equals(namespace) && "id".equals(name));
    }

    /** The node after {@code node} in document order, staying inside {@code root}. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != root) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
            current = current.getParentNode();
        }
        return null;
    }
}

package dk.sosi.sts.xmldsig;

import dk.sosi.sts.soap.Namespaces;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Stateless. The few DOM steps the signature code repeats. */
final class Dom {

    private Dom() {
    }

    /** The element children of {@code parent}, in document order. */
    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) node);
            }
        }
        return children;
    }

    static boolean isDs(Element element, String localName) {
        return is(element, Namespaces.DS, localName);
    }

    static boolean is(Element element, String namespace, String localName) {
        return localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    static String algorithm(Element element) {
        return element.getAttributeNS(null, "Algorithm");
    }

    /** Every element below {@code parent} (not itself) named {@code namespace:localName}. */
    static List<Element> descendants(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(parent)) {
            if (is(child, namespace, localName)) {
                found.add(child);
            }
            found.addAll(descendants(child, namespace, localName));
        }
        return found;
    }

}

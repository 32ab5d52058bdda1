package dk.sosi.sts.xmlenc;

import dk.sosi.sts.soap.Namespaces;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Stateless. An element taken out of its document keeps its meaning only if the namespace declarations
 * it inherited come along: an encrypted assertion is read on its own by the deployed clients, and a
 * decrypted one must verify its signature in a document of its own.
 */
final class InScopeNamespaces {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private InScopeNamespaces() {
    }

    /** The bindings in scope at {@code node}, prefix ({@code ""} for the default) to URI; empty for a document. */
    static Map<String, String> at(Node node) {
        Map<String, String> bindings = new LinkedHashMap<>();
        for (Node scope = node; scope != null && scope.getNodeType() == Node.ELEMENT_NODE; scope = scope.getParentNode()) {
            NamedNodeMap attributes = scope.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (Namespaces.XMLNS.equals(attribute.getNamespaceURI())) {
                    bindings.putIfAbsent(prefixDeclared(attribute), attribute.getValue());
                }
            }
        }
        bindings.remove("xml");
        bindings.values().removeIf(String::isEmpty); // xmlns="" takes the default away
        return bindings;
    }

    /**
     * Declares on {@code root} each binding of {@code context} that its subtree uses (in an element or
     * attribute name, or as the prefix of an {@code xsi:type} value) and that {@code root} does not
     * declare itself.
     */
    static void declareUsed(Element root, Map<String, String> context) {
        Map<String, Set<String>> used = new HashMap<>();
        Set<String> inValues = new HashSet<>();
        collect(root, used, inValues);
        boolean unqualifiedElement = used.getOrDefault("", Set.of()).contains("");
        for (Map.Entry<String, String> binding : context.entrySet()) {
            String prefix = binding.getKey();
            boolean needed = used.getOrDefault(prefix, Set.of()).contains(binding.getValue()) || inValues.contains(prefix);
            boolean safe = !prefix.isEmpty() || !unqualifiedElement; // a default would pull no-namespace elements into it
            if (needed && safe && !declares(root, prefix)) {
                root.setAttributeNS(Namespaces.XMLNS, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, binding.getValue());
            }
        }
    }

    private static void collect(Element element, Map<String, Set<String>> used, Set<String> inValues) {
        use(used, element.getPrefix(), element.getNamespaceURI());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (namespace != null && !Namespaces.XMLNS.equals(namespace)) {
                use(used, attribute.getPrefix(), namespace);
            }
            if (XSI.equals(namespace) && "type".equals(attribute.getLocalName())) {
                String value = attribute.getValue().trim();
                inValues.add(value.contains(":") ? value.substring(0, value.indexOf(':')) : "");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                collect((Element) child, used, inValues);
            }
        }
    }

    private static void use(Map<String, Set<String>> used, String prefix, String namespace) {
        used.computeIfAbsent(prefix == null ? "" : prefix, p -> new HashSet<>()).add(namespace == null ? "" : namespace);
    }

    private static boolean declares(Element element, String prefix) {
        return element.hasAttributeNS(Namespaces.XMLNS, prefix.isEmpty() ? "xmlns" : prefix);
    }

    private static String prefixDeclared(Attr declaration) {
        return "xmlns".equals(declaration.getName()) ? "" : declaration.getLocalName();
    }
}

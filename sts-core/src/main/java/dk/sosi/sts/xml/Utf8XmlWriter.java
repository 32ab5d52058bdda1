package dk.sosi.sts.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Not thread-safe; one per call. Writes a DOM subtree as UTF-8 XML without a declaration and without
 * re-indenting, declaring any namespace an element or attribute uses that no ancestor in the output
 * declares. It does what the JDK's identity {@code Transformer} did for the STS at a fraction of its
 * cost: on the token path that transformer was as expensive as the RSA signature.
 * <p>
 * A character that XML 1.0 cannot carry (a control character from a backend, say) is written as
 * U+FFFD, so the answer is always well-formed.
 */
final class Utf8XmlWriter {

    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE;
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private byte[] out = new byte[8192];
    private int size;
    /** In-scope namespace bindings of the output, innermost last: prefix ("" for the default) and URI. */
    private final List<String[]> bindings = new ArrayList<>();

    static byte[] write(Node node) {
        Utf8XmlWriter writer = new Utf8XmlWriter();
        writer.node(node);
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void node(Node node) {
        switch (node.getNodeType()) {
            case Node.DOCUMENT_NODE, Node.DOCUMENT_FRAGMENT_NODE -> children(node);
            case Node.ELEMENT_NODE -> element(node);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escaped(node.getNodeValue(), false);
            case Node.COMMENT_NODE -> {
                ascii("<!--");
                raw(node.getNodeValue());
                ascii("-->");
            }
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                ascii("<?");
                raw(node.getNodeName());
                ascii(" ");
                raw(node.getNodeValue());
                ascii("?>");
            }
            default -> {
                // document types and entity references never occur: the parser refuses DOCTYPEs
            }
        }
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            node(child);
        }
    }

    private void element(Node element) {
        int scope = bindings.size();
        String name = element.getNodeName();
        ascii("<");
        raw(name);
        NamedNodeMap attributes = element.getAttributes();
        int count = attributes.getLength();
        for (int i = 0; i < count; i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isDeclaration(attribute)) {
                String prefix = attribute.getName().length() == XMLNS.length() ? "" : attribute.getName().substring(XMLNS.length() + 1);
                bindings.add(new String[] {prefix, attribute.getValue()});
                attribute(attribute.getName(), attribute.getValue());
            }
        }
        declareIfUnbound(element.getPrefix(), element.getNamespaceURI(), true);
        for (int i = 0; i < count; i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (!isDeclaration(attribute)) {
                if (namespace != null && attribute.getPrefix() != null) {
                    declareIfUnbound(attribute.getPrefix(), namespace, false);
                }
                attribute(attribute.getName(), attribute.getValue());
            }
        }
        if (element.getFirstChild() == null) {
            ascii("/>");
        } else {
            ascii(">");
            children(element);
            ascii("</");
            raw(name);
            ascii(">");
        }
        bindings.subList(scope, bindings.size()).clear();
    }

    /** By name, so that a declaration added without a namespace (setAttribute("xmlns:x")) counts too. */
    private static boolean isDeclaration(Attr attribute) {
        String name = attribute.getName();
        return name.startsWith(XMLNS) && (name.length() == XMLNS.length() || name.charAt(XMLNS.length()) == ':');
    }

    /** Declares {@code prefix} for {@code namespace} unless the output already binds it so. */
    private void declareIfUnbound(String prefix, String namespace, boolean element) {
        String key = prefix == null ? "" : prefix;
        String uri = namespace == null ? "" : namespace;
        if (XMLConstants.XML_NS_PREFIX.equals(key) || (!element && key.isEmpty())) {
            return;
        }
        String bound = boundUri(key);
        if (uri.equals(bound) || (bound == null && uri.isEmpty())) {
            return;
        }
        bindings.add(new String[] {key, uri});
        attribute(key.isEmpty() ? XMLNS : XMLNS + ":" + key, uri);
    }

    private String boundUri(String prefix) {
        for (int i = bindings.size() - 1; i >= 0; i--) {
            if (bindings.get(i)[0].equals(prefix)) {
                return bindings.get(i)[1];
            }
        }
        return null;
    }

    private void attribute(String name, String value) {
        ascii(" ");
        raw(name);
        ascii("=\"");
        escaped(value, true);
        ascii("\"");
    }

    private void escaped(String text, boolean inAttribute) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // most text is base64 and names: printable ASCII that needs no escape, copied without further checks
            if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"') {
                if (size == out.length) {
                    ensure(length - i);
                }
                out[size++] = (byte) c;
                continue;
            }
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '\r' -> ascii("&#13;");
                case '"' -> ascii(inAttribute ? "&quot;" : "\"");
                case '\t' -> ascii(inAttribute ? "&#9;" : "\t");
                case '\n' -> ascii(inAttribute ? "&#10;" : "\n");
                default -> i = character(text, i);
            }
        }
    }

    /** Names, comments and processing instructions: written as they are. */
    private void raw(String text) {
        for (int i = 0; i < text.length(); i++) {
            i = character(text, i);
        }
    }

    /** Writes the character at {@code i} as UTF-8 and returns the index of its last UTF-16 unit. */
    private int character(String text, int i) {
        char c = text.charAt(i);
        ensure(4);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                replacement();
            } else {
                out[size++] = (byte) c;
            }
            return i;
        }
        if (c < 0x800) {
            out[size++] = (byte) (0xC0 | (c >> 6));
            out[size++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int code = Character.toCodePoint(c, text.charAt(i + 1));
            out[size++] = (byte) (0xF0 | (code >> 18));
            out[size++] = (byte) (0x80 | ((code >> 12) & 0x3F));
            out[size++] = (byte) (0x80 | ((code >> 6) & 0x3F));
            out[size++] = (byte) (0x80 | (code & 0x3F));
            return i + 1;
        }
        if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            replacement();
            return i;
        }
        out[size++] = (byte) (0xE0 | (c >> 12));
        out[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[size++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    private void replacement() {
        System.arraycopy(REPLACEMENT, 0, out, size, REPLACEMENT.length);
        size += REPLACEMENT.length;
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            out[size++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}

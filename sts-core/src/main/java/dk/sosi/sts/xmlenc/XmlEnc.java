package dk.sosi.sts.xmlenc;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Stateless. The XML-Enc names this package reads and writes, and the two DOM questions it keeps asking. */
final class XmlEnc {

    static final String NS = "http://www.w3.org/2001/04/xmlenc#";
    static final String NS11 = "http://www.w3.org/2009/xmlenc11#";
    static final String DSIG11 = "http://www.w3.org/2009/xmldsig11#";
    /** The {@code EncryptedData Type} of an encrypted element. */
    static final String TYPE_ELEMENT = NS + "Element";

    private XmlEnc() {
    }

    static boolean is(Node node, String namespace, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                && namespace.equals(node.getNamespaceURI());
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) node);
            }
        }
        return children;
    }
}

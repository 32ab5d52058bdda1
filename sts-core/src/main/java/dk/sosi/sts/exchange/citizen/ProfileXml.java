package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.xml.SecureXml;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Not thread-safe (one instance per document). An XML document of an attribute profile (bpp, srp, blurring
 * instructions) whose elements all carry one prefix, serialised the way such attribute values travel: base64 of its
 * UTF-8 bytes, without an XML declaration.
 */
final class ProfileXml {

    private final Document document = SecureXml.newDocument();
    private final String namespace;
    private final String prefix;

    /** A document whose root is {@code prefix:rootName} in {@code namespace}, declaring the prefix there. */
    ProfileXml(String namespace, String prefix, String rootName) {
        this.namespace = namespace;
        this.prefix = prefix;
        Element root = document.createElementNS(namespace, prefix + ":" + rootName);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, namespace);
        document.appendChild(root);
    }

    Element root() {
        return document.getDocumentElement();
    }

    /** A new {@code prefix:name} child of {@code parent}. */
    Element add(Element parent, String name) {
        Element child = document.createElementNS(namespace, prefix + ":" + name);
        parent.appendChild(child);
        return child;
    }

    /** A new {@code prefix:name} child of {@code parent} holding {@code text}. */
    Element add(Element parent, String name, String text) {
        Element child = add(parent, name);
        child.setTextContent(text);
        return child;
    }

    String base64() {
        return Base64.getEncoder().encodeToString(SecureXml.toBytes(document.getDocumentElement()));
    }
}

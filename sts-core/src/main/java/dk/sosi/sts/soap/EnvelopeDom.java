package dk.sosi.sts.soap;

import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The DOM steps both envelope writers take: a root with its namespace declarations, children, the fault body. */
final class EnvelopeDom {

    private EnvelopeDom() {
    }

    /** A new document whose root is {@code soapPrefix:Envelope}, declaring {@code prefixesAndNamespaces} (pairs). */
    static Element envelope(String soapPrefix, String... prefixesAndNamespaces) {
        Document document = SecureXml.newDocument();
        Element envelope = document.createElementNS(Namespaces.SOAP11, soapPrefix + ":Envelope");
        for (int i = 0; i < prefixesAndNamespaces.length; i += 2) {
            envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:" + prefixesAndNamespaces[i], prefixesAndNamespaces[i + 1]);
        }
        document.appendChild(envelope);
        return envelope;
    }

    static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    static Element append(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }

    /**
     * Appends {@code soap:Fault} with unqualified {@code faultcode} ({@code wst:<code>}: the envelope must
     * bind {@code wst}), {@code faultstring} and {@code faultactor}, all three always present (protocol.md 2,
     * exchanges.md F1); {@code defaultActor} names the STS where no other check refused.
     */
    static void fault(Element body, String soapPrefix, StsFault fault, String defaultActor) {
        Element soapFault = append(body, Namespaces.SOAP11, soapPrefix + ":Fault");
        append(soapFault, null, "faultcode", "wst:" + fault.code().localName());
        append(soapFault, null, "faultstring", fault.getMessage());
        append(soapFault, null, "faultactor", fault.actor().orElse(defaultActor));
    }
}

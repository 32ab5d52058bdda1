package dk.sosi.sts.xmldsig;

import dk.sosi.sts.soap.Namespaces;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe (each call builds its own Santuario {@code XMLSignature}). Signs an element
 * with an enveloped XML signature as DGWS cards are signed (protocol.md 3.6): exclusive c14n, one
 * reference to the element with the transforms enveloped-signature then exclusive c14n, and the signing
 * certificate in {@code KeyInfo/X509Data/X509Certificate}.
 *
 * <p>The {@code ds:Signature} carries the unqualified {@code id} that {@code ds-specialized.xsd} requires,
 * and no line breaks at all: none between its elements and none inside base64 values, whatever
 * Santuario's JVM-wide {@code org.apache.xml.security.ignoreLineBreaks} happens to be.
 */
public final class EnvelopedSigner {

    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private final SignatureAlgorithm algorithm;

    public EnvelopedSigner(SignatureAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        XmlSecurity.init();
    }

    /**
     * Registers {@code idAttribute} as the element's XML ID and appends {@code <ds:Signature id="signatureId">}
     * as the last child of {@code element}: exclusive c14n, one Reference {@code URI="#<id>"} with the
     * transforms enveloped-signature then exclusive c14n, {@code KeyInfo/X509Data/X509Certificate} (base64
     * without line breaks). The element need not be appended to its document yet.
     *
     * @throws IllegalArgumentException if the element has no {@code idAttribute}, or already has a {@code ds:Signature} child
     * @throws IllegalStateException    if the key cannot sign (e.g. it does not fit the algorithm)
     */
    public void sign(Element element, String idAttribute, String signatureId, PrivateKey key, X509Certificate certificate) {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(idAttribute, "idAttribute");
        Objects.requireNonNull(signatureId, "signatureId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        String id = element.getAttributeNS(null, idAttribute);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("The element " + element.getNodeName() + " has no " + idAttribute
                    + " attribute to refer to");
        }
        if (findChild(element, "Signature") != null) {
            throw new IllegalArgumentException("The element " + element.getNodeName() + " is already signed");
        }
        element.setIdAttributeNS(null, idAttribute, true);
        Document document = element.getOwnerDocument();
        Element signatureElement = null;
        try {
            XMLSignature signature = new XMLSignature(document, null, algorithm.signatureUri(),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            signatureElement = signature.getElement();
            signatureElement.setAttributeNS(null, "id", signatureId);
            element.appendChild(signatureElement);

            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addResourceResolver(new SingleElementResolver(id, element));
            signature.addDocument("#" + id, transforms, algorithm.digestUri());

            Element x509Data = ds(document, "X509Data");
            Element x509Certificate = ds(document, "X509Certificate");
            x509Certificate.setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            x509Data.appendChild(x509Certificate);
            signature.getKeyInfo().getElement().appendChild(x509Data);

            removeWhitespace(signatureElement);
            declareNamespaces(element);
            signature.sign(key);
            Element signatureValue = child(signatureElement, "SignatureValue");
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(signature.getSignatureValue()));
        } catch (XMLSecurityException | CertificateEncodingException e) {
            if (signatureElement != null && signatureElement.getParentNode() == element) {
                element.removeChild(signatureElement);
            }
            throw new IllegalStateException("Cannot sign " + element.getNodeName() + " with "
                    + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * Adds an {@code xmlns} declaration wherever an element or attribute in the subtree uses a prefix that
     * no {@code xmlns} attribute in scope binds. Canonicalisation sees only declared namespaces, while a
     * serialiser adds missing ones: without this, an element built with {@code createElementNS} and no
     * declarations (or one not yet appended to its document) would be signed in a form no receiver sees.
     */
    private static void declareNamespaces(Element element) {
        declare(element, element.getPrefix(), element.getNamespaceURI());
        NamedNodeMap attributes = element.getAttributes();
        List<Node> prefixed = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (attribute.getPrefix() != null && namespace != null && !Namespaces.XMLNS.equals(namespace)
                    && !XML_NAMESPACE.equals(namespace)) {
                prefixed.add(attribute);
            }
        }
        prefixed.forEach(attribute -> declare(element, attribute.getPrefix(), attribute.getNamespaceURI()));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                declareNamespaces((Element) child);
            }
        }
    }

    private static void declare(Element element, String prefix, String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return;
        }
        String localName = prefix == null ? "xmlns" : prefix;
        for (Node scope = element; scope != null && scope.getNodeType() == Node.ELEMENT_NODE; scope = scope.getParentNode()) {
            String declared = ((Element) scope).getAttributeNodeNS(Namespaces.XMLNS, localName) == null ? null
                    : ((Element) scope).getAttributeNS(Namespaces.XMLNS, localName);
            if (declared != null) {
                if (declared.equals(namespace)) {
                    return;
                }
                break;
            }
        }
        element.setAttributeNS(Namespaces.XMLNS, prefix == null ? "xmlns" : "xmlns:" + prefix, namespace);
    }

    private static Element ds(Document document, String localName) {
        return document.createElementNS(Namespaces.DS, "ds:" + localName);
    }

    private static Element child(Element parent, String localName) {
        Element child = findChild(parent, localName);
        if (child == null) {
            throw new IllegalStateException("Santuario made a ds:Signature without ds:" + localName);
        }
        return child;
    }

    private static Element findChild(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                    && Namespaces.DS.equals(node.getNamespaceURI())) {
                return (Element) node;
            }
        }
        return null;
    }

    /** Removes the line breaks Santuario puts between elements; done before signing, so SignedInfo is signed without them. */
    private static void removeWhitespace(Element element) {
        List<Node> blanks = new ArrayList<>();
        collectBlanks(element, blanks);
        blanks.forEach(blank -> blank.getParentNode().removeChild(blank));
    }

    private static void collectBlanks(Node node, List<Node> blanks) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                blanks.add(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                collectBlanks(child, blanks);
            }
        }
    }
}

package dk.sosi.sts.xmldsig;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.trust.StsCredential;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Immutable and thread-safe (each call builds its own Santuario {@code XMLSignature}). The STS's one XML
 * signer, with exclusive c14n and the signing certificate in {@code KeyInfo/X509Data/X509Certificate}, in
 * two modes:
 * <ul>
 * <li><b>enveloped</b>, for tokens: one Reference to the token's id with the transforms enveloped-signature
 * then exclusive c14n, the {@code ds:Signature} placed as the token's kind demands ({@link Placement});</li>
 * <li><b>detached</b>, for the STS's WS-Security message signature (exchanges.md 2.6): one Reference per
 * signed part by its {@code wsu:Id}, each with the exclusive c14n transform only, the {@code ds:Signature}
 * appended to {@code wsse:Security}.</li>
 * </ul>
 * Signatures carry no line breaks at all, none between elements and none inside base64 values, whatever
 * Santuario's JVM-wide {@code org.apache.xml.security.ignoreLineBreaks} happens to be. The STS's own
 * signatures run inside SLA log point 260 ({@code SignatureProvider.sign}), one line per signature.
 */
public final class XmlSigner {

    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    private static final String SIGNATURE_ID = "OCESSignature";

    /** Where an enveloped signature goes in its token. */
    public enum Placement {
        /** A DGWS id-card: the last child, {@code <ds:Signature id="OCESSignature">} (ds-specialized.xsd demands the {@code id}). */
        ID_CARD("id"),
        /** A SAML 2.0 assertion: right after {@code saml:Issuer}, as its schema demands; {@code Id="OCESSignature"}, as Seal writes it. */
        AFTER_ISSUER("Id");

        private final String idAttribute;

        Placement(String idAttribute) {
            this.idAttribute = idAttribute;
        }
    }

    private final SignatureAlgorithm algorithm;
    private final SlaLog sla;

    /** @param sla where the STS's signatures are measured; {@link SlaLog#NONE} for a client's own */
    public XmlSigner(SignatureAlgorithm algorithm, SlaLog sla) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.sla = Objects.requireNonNull(sla, "sla");
        XmlSecurity.init();
    }

    /** Signs {@code element} with the STS's key for {@code request}, inside SLA log point 260; see the other {@code signEnveloped}. */
    public void signEnveloped(Element element, String idAttribute, Placement placement, StsCredential credential,
            RequestContext request) {
        sla.measure(SlaPoint.SIGN, request, () -> {
            signEnveloped(element, idAttribute, placement, credential.privateKey(), credential.certificate());
            return null;
        });
    }

    /**
     * Registers {@code idAttribute} as the element's XML ID and places an enveloped {@code ds:Signature}
     * in it as {@code placement} says. The element need not be appended to its document yet.
     *
     * @throws IllegalArgumentException if the element has no {@code idAttribute}, is already signed, or has
     *     no {@code saml:Issuer} to place an {@link Placement#AFTER_ISSUER} signature after
     * @throws IllegalStateException    if the key cannot sign (e.g. it does not fit the algorithm)
     */
    public void signEnveloped(Element element, String idAttribute, Placement placement, PrivateKey key,
            X509Certificate certificate) {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(idAttribute, "idAttribute");
        Objects.requireNonNull(placement, "placement");
        String id = element.getAttributeNS(null, idAttribute);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("The element " + element.getNodeName() + " has no " + idAttribute
                    + " attribute to refer to");
        }
        if (child(element, Namespaces.DS, "Signature") != null) {
            throw new IllegalArgumentException("The element " + element.getNodeName() + " is already signed");
        }
        Node before = null;
        if (placement == Placement.AFTER_ISSUER) {
            Element issuer = child(element, Namespaces.SAML, "Issuer");
            if (issuer == null) {
                throw new IllegalArgumentException("The element " + element.getNodeName() + " has no saml:Issuer");
            }
            before = issuer.getNextSibling();
        }
        element.setIdAttributeNS(null, idAttribute, true);
        Document document = element.getOwnerDocument();
        sign(element, before, placement.idAttribute, Map.of(id, element), key, certificate,
                Transforms.TRANSFORM_ENVELOPED_SIGNATURE, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
    }

    /**
     * Signs {@code parts} of a message for {@code request}, inside SLA log point 260: a {@code ds:Signature}
     * appended to {@code security} with one Reference per part by its {@code wsu:Id}.
     *
     * @throws IllegalArgumentException if a part has no {@code wsu:Id}
     */
    public void signDetached(Element security, List<Element> parts, StsCredential credential, RequestContext request) {
        sla.measure(SlaPoint.SIGN, request, () -> {
            signDetached(security, parts, credential.privateKey(), credential.certificate());
            return null;
        });
    }

    /**
     * Appends to {@code security} a {@code ds:Signature} with one Reference per part by its {@code wsu:Id},
     * each with the exclusive c14n transform only, as a client signs its message (exchanges.md 2.4).
     *
     * @throws IllegalArgumentException if a part has no {@code wsu:Id}
     */
    public void signDetached(Element security, List<Element> parts, PrivateKey key, X509Certificate certificate) {
        Objects.requireNonNull(security, "security");
        Map<String, Element> byId = new LinkedHashMap<>();
        for (Element part : parts) {
            String id = part.getAttributeNS(Namespaces.WSU, "Id");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("The part " + part.getNodeName() + " has no wsu:Id to refer to");
            }
            byId.put(id, part);
        }
        sign(security, null, null, byId, key, certificate, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
    }

    /**
     * Builds the signature in {@code parent} (before {@code before}, or last), referring to each of {@code byId}
     * with the transforms {@code transformAlgorithms}.
     */
    private void sign(Element parent, Node before, String idAttribute, Map<String, Element> byId, PrivateKey key,
            X509Certificate certificate, String... transformAlgorithms) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Document document = parent.getOwnerDocument();
        Element signatureElement = null;
        try {
            XMLSignature signature = new XMLSignature(document, null, algorithm.signatureUri(),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            signatureElement = signature.getElement();
            if (idAttribute != null) {
                signatureElement.setAttributeNS(null, idAttribute, SIGNATURE_ID);
            }
            parent.insertBefore(signatureElement, before);
            signature.addResourceResolver(new KnownElementsResolver(byId));
            for (Map.Entry<String, Element> part : byId.entrySet()) {
                // each Reference needs Transforms of its own: Santuario appends the element itself, moving a shared one
                signature.addDocument("#" + part.getKey(), transforms(document, transformAlgorithms), algorithm.digestUri());
                declareNamespaces(part.getValue());
            }
            Element x509Data = document.createElementNS(Namespaces.DS, "ds:X509Data");
            Element x509Certificate = document.createElementNS(Namespaces.DS, "ds:X509Certificate");
            x509Certificate.setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            x509Data.appendChild(x509Certificate);
            signature.getKeyInfo().getElement().appendChild(x509Data);

            removeWhitespace(signatureElement);
            signature.sign(key);
            child(signatureElement, Namespaces.DS, "SignatureValue")
                    .setTextContent(Base64.getEncoder().encodeToString(signature.getSignatureValue()));
        } catch (XMLSecurityException | CertificateEncodingException e) {
            if (signatureElement != null && signatureElement.getParentNode() == parent) {
                parent.removeChild(signatureElement);
            }
            throw new IllegalStateException("Cannot sign " + parent.getNodeName() + " with "
                    + certificate.getSubjectX500Principal(), e);
        }
    }

    private static Transforms transforms(Document document, String... algorithms) {
        Transforms transforms = new Transforms(document);
        try {
            for (String algorithm : algorithms) {
                transforms.addTransform(algorithm);
            }
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Santuario has no transform " + String.join(", ", algorithms), e);
        }
        return transforms;
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

    private static Element child(Element parent, String namespace, String localName) {
        for (Element child : Dom.children(parent)) {
            if (Dom.is(child, namespace, localName)) {
                return child;
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

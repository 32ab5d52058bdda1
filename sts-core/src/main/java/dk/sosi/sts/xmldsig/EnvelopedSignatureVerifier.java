package dk.sosi.sts.xmldsig;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe. Verifies the enveloped XML signature of a DGWS id-card (protocol.md 3.6)
 * with Apache Santuario, secure validation on.
 *
 * <p>Everything that costs nothing is checked before any digest or key is touched: the signature is
 * the one {@code ds:Signature} directly inside the signed element; exclusive or inclusive c14n 1.0; a
 * signature and digest method from the accepted set (so HMAC, DSA, MD5 and the rest are refused
 * unread); exactly one Reference whose URI is {@code #} plus the element's own id; at most two
 * transforms, each enveloped-signature or c14n; no other element in the document carrying the same id
 * value in an {@code id}, {@code ID}, {@code Id}, {@code wsu:Id} or {@code xml:id} attribute; exactly
 * one X509Certificate whose RSA key has at least {@link #MIN_RSA_KEY_BITS} bits (or the configured minimum)
 * and a public exponent of at most {@link #MAX_RSA_EXPONENT_BITS} bits (a huge exponent makes every
 * verification cost milliseconds). Then the caller's {@link SignerCheck} decides whether the signer is
 * trusted at all; only a trusted signer's signature is computed.
 *
 * <p>Signature wrapping is shut out twice: the reference is resolved by a resolver that knows only the
 * signed element (never {@code getElementById}), and after verification the node the reference reached
 * must be that element. Every refusal is a {@link FaultCode#FAILED_AUTHENTICATION} with one of the
 * texts below; Santuario's own messages and stack traces go to the debug log, never to the caller.
 */
public final class EnvelopedSignatureVerifier {

    /** The shortest RSA modulus accepted unless the constructor is told otherwise. */
    public static final int MIN_RSA_KEY_BITS = 2048;
    /** The longest RSA public exponent accepted; certificates use 65537 (17 bits). */
    public static final int MAX_RSA_EXPONENT_BITS = 32;

    /** Decides, before any signature arithmetic, whether the certificate that claims a signature may sign at all. */
    @FunctionalInterface
    public interface SignerCheck {

        /** @throws StsFault if {@code signer} is not trusted for this signature */
        void check(X509Certificate signer);
    }

    static final String NOT_SIGNED = "The id-card is not signed";
    static final String MORE_THAN_ONE_SIGNATURE = "The id-card holds more than one ds:Signature";
    static final String INVALID = "The id-card signature is invalid";
    /** Algorithm URI. */
    static final String ALGORITHM_NOT_ACCEPTED = "The id-card signature uses an algorithm the STS does not accept: %s";
    /** Algorithm URI. */
    static final String TRANSFORM_NOT_ACCEPTED = "The id-card signature uses a transform the STS does not accept: %s";
    static final String TOO_MANY_TRANSFORMS = "The id-card signature uses more than 2 transforms";
    /** Attribute name. */
    static final String NO_ID = "The id-card has no %s attribute for its signature to refer to";
    /** Id value. */
    static final String DUPLICATE_ID = "The id-card's id \"%s\" is also used by another element of the message";
    static final String MALFORMED = "The id-card ds:Signature must hold ds:SignedInfo, ds:SignatureValue and ds:KeyInfo";
    static final String MALFORMED_SIGNED_INFO =
            "The ds:SignedInfo of the id-card signature must hold ds:CanonicalizationMethod, ds:SignatureMethod and ds:Reference";
    static final String REFERENCE_COUNT = "The id-card signature must hold exactly one ds:Reference";
    /** Id value. */
    static final String WRONG_REFERENCE = "The id-card signature must refer to the id-card itself: URI=\"#%s\"";
    static final String CERTIFICATE_COUNT =
            "The id-card signature must carry exactly one ds:X509Certificate in its ds:KeyInfo";
    static final String UNREADABLE_CERTIFICATE =
            "The ds:X509Certificate of the id-card signature is not a valid X.509 certificate";
    static final String NOT_RSA = "The id-card signing key must be an RSA key";
    /** Actual bits, required bits. */
    static final String KEY_TOO_SHORT = "The id-card signing key has %d bits; the STS requires at least %d";
    /** Actual bits, allowed bits. */
    static final String EXPONENT_NOT_ACCEPTED =
            "The id-card signing key's public exponent has %d bits; the STS accepts odd exponents of at most %d bits";

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopedSignatureVerifier.class);
    private static final int MAX_TRANSFORMS = 2;
    /** Algorithm URIs and ids repeated in a fault are cut to this length. */
    private static final int MAX_ECHO = 128;
    private static final Set<String> CANONICALIZATIONS = Set.of(
            Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
    private static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final ThreadLocal<CertificateFactory> CERTIFICATES = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no X.509 certificate factory", e);
        }
    });

    private final Set<SignatureAlgorithm> accepted;
    private final int minRsaKeyBits;

    /** Accepts {@code accepted}, with RSA keys of at least {@link #MIN_RSA_KEY_BITS} bits. */
    public EnvelopedSignatureVerifier(Set<SignatureAlgorithm> accepted) {
        this(accepted, MIN_RSA_KEY_BITS);
    }

    /**
     * @param accepted      signature and digest methods accepted; at least one
     * @param minRsaKeyBits the shortest RSA modulus accepted; at least 1024
     */
    public EnvelopedSignatureVerifier(Set<SignatureAlgorithm> accepted, int minRsaKeyBits) {
        Objects.requireNonNull(accepted, "accepted");
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one signature algorithm must be accepted");
        }
        if (minRsaKeyBits < 1024) {
            throw new IllegalArgumentException("minRsaKeyBits must be at least 1024, was " + minRsaKeyBits);
        }
        this.accepted = Set.copyOf(EnumSet.copyOf(accepted));
        this.minRsaKeyBits = minRsaKeyBits;
        XmlSecurity.init();
    }

    /**
     * Verifies the enveloped {@code ds:Signature} that is a direct child of {@code signedElement} and whose
     * single Reference points at {@code signedElement} through its attribute {@code idAttribute} ({@code id}
     * for DGWS cards, {@code ID} for Seal's message version 1.0_2); registers that attribute, and only that
     * one, as an XML ID. {@code signerCheck} is asked about the certificate after every cheap check and
     * before the signature is computed.
     *
     * @return the certificate from {@code KeyInfo/X509Data/X509Certificate} that verified the signature
     * @throws StsFault {@link FaultCode#FAILED_AUTHENTICATION} on any failure, or what {@code signerCheck} throws
     */
    public X509Certificate verify(Element signedElement, String idAttribute, SignerCheck signerCheck) {
        Objects.requireNonNull(signerCheck, "signerCheck");
        Objects.requireNonNull(signedElement, "signedElement");
        Objects.requireNonNull(idAttribute, "idAttribute");
        Attr idNode = signedElement.getAttributeNodeNS(null, idAttribute);
        if (idNode == null || idNode.getValue().isEmpty()) {
            throw refused(String.format(NO_ID, idAttribute));
        }
        String id = idNode.getValue();
        Element signature = signature(signedElement);

        List<Element> parts = childElements(signature);
        if (parts.size() != 3 || !isDs(parts.get(0), "SignedInfo") || !isDs(parts.get(1), "SignatureValue")
                || !isDs(parts.get(2), "KeyInfo")) {
            throw refused(MALFORMED);
        }
        checkSignedInfo(parts.get(0), id);
        X509Certificate certificate = certificate(parts.get(2));
        checkKey(certificate.getPublicKey());
        checkUniqueId(signedElement, id);
        signerCheck.check(certificate);

        signedElement.setIdAttributeNode(idNode, true);
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, null, true);
            xmlSignature.addResourceResolver(new SingleElementResolver(id, signedElement));
            if (!xmlSignature.checkSignatureValue(certificate.getPublicKey())) {
                throw refused(INVALID);
            }
            Reference reference = xmlSignature.getSignedInfo().item(0);
            XMLSignatureInput signed = reference.getContentsBeforeTransformation();
            if (signed.getSubNode() != signedElement) {
                throw refused(INVALID);
            }
        } catch (XMLSecurityException e) {
            LOG.debug("The signature of {} {}={} does not verify", signedElement.getNodeName(), idAttribute, CallerText.quote(id), e);
            throw refused(INVALID);
        }
        return certificate;
    }

    private static Element signature(Element signedElement) {
        Element found = null;
        for (Element child : childElements(signedElement)) {
            if (isDs(child, "Signature")) {
                if (found != null) {
                    throw refused(MORE_THAN_ONE_SIGNATURE);
                }
                found = child;
            }
        }
        if (found == null) {
            throw refused(NOT_SIGNED);
        }
        return found;
    }

    /** Everything in SignedInfo that can be judged without computing anything. */
    private void checkSignedInfo(Element signedInfo, String id) {
        List<Element> children = childElements(signedInfo);
        if (children.size() < 2 || !isDs(children.get(0), "CanonicalizationMethod")
                || !isDs(children.get(1), "SignatureMethod")) {
            throw refused(MALFORMED_SIGNED_INFO);
        }
        String canonicalization = algorithm(children.get(0));
        if (!CANONICALIZATIONS.contains(canonicalization)) {
            throw refused(String.format(ALGORITHM_NOT_ACCEPTED, CallerText.limit(canonicalization, MAX_ECHO)));
        }
        String signatureMethod = algorithm(children.get(1));
        if (SignatureAlgorithm.bySignatureUri(signatureMethod).filter(accepted::contains).isEmpty()) {
            throw refused(String.format(ALGORITHM_NOT_ACCEPTED, CallerText.limit(signatureMethod, MAX_ECHO)));
        }
        List<Element> references = children.subList(2, children.size());
        for (Element reference : references) {
            if (!isDs(reference, "Reference")) {
                throw refused(MALFORMED_SIGNED_INFO);
            }
        }
        if (references.size() != 1) {
            throw refused(REFERENCE_COUNT);
        }
        Element reference = references.get(0);
        if (!("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw refused(String.format(WRONG_REFERENCE, CallerText.limit(id, MAX_ECHO)));
        }
        for (Element part : childElements(reference)) {
            if (isDs(part, "Transforms")) {
                checkTransforms(part);
            } else if (isDs(part, "DigestMethod")) {
                String digest = algorithm(part);
                if (SignatureAlgorithm.byDigestUri(digest).filter(accepted::contains).isEmpty()) {
                    throw refused(String.format(ALGORITHM_NOT_ACCEPTED, CallerText.limit(digest, MAX_ECHO)));
                }
            }
        }
    }

    private static void checkTransforms(Element transforms) {
        List<Element> list = childElements(transforms);
        if (list.size() > MAX_TRANSFORMS) {
            throw refused(TOO_MANY_TRANSFORMS);
        }
        for (Element transform : list) {
            String algorithm = algorithm(transform);
            if (!isDs(transform, "Transform") || !TRANSFORMS.contains(algorithm)) {
                throw refused(String.format(TRANSFORM_NOT_ACCEPTED, CallerText.limit(algorithm, MAX_ECHO)));
            }
        }
    }

    private static X509Certificate certificate(Element keyInfo) {
        List<Element> certificates = new ArrayList<>();
        collect(keyInfo, "X509Certificate", certificates);
        if (certificates.size() != 1) {
            throw refused(CERTIFICATE_COUNT);
        }
        try {
            byte[] der = Base64.getDecoder().decode(withoutWhitespace(certificates.get(0).getTextContent()));
            return (X509Certificate) CERTIFICATES.get().generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw refused(UNREADABLE_CERTIFICATE);
        }
    }

    /** Base64 in XML may be broken into lines; the strict decoder must not see them (a regex here cost as much as the decoding). */
    private static String withoutWhitespace(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    private void checkKey(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw refused(NOT_RSA);
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < minRsaKeyBits) {
            throw refused(String.format(KEY_TOO_SHORT, bits, minRsaKeyBits));
        }
        BigInteger exponent = rsa.getPublicExponent();
        if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS || !exponent.testBit(0) || exponent.compareTo(BigInteger.TWO) <= 0) {
            throw refused(String.format(EXPONENT_NOT_ACCEPTED, exponent.bitLength(), MAX_RSA_EXPONENT_BITS));
        }
    }

    /** Refuses the document if any element but {@code signedElement} carries {@code id} as an id. */
    private static void checkUniqueId(Element signedElement, String id) {
        Node root = signedElement;
        while (root.getParentNode() != null && root.getParentNode().getNodeType() == Node.ELEMENT_NODE) {
            root = root.getParentNode();
        }
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node != signedElement && carriesId((Element) node, id)) {
                throw refused(String.format(DUPLICATE_ID, CallerText.limit(id, MAX_ECHO)));
            }
            node = next(node, root);
        }
    }

    private static boolean carriesId(Element element, String id) {
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

    private static void collect(Element parent, String localName, List<Element> found) {
        for (Element child : childElements(parent)) {
            if (isDs(child, localName)) {
                found.add(child);
            }
            collect(child, localName, found);
        }
    }

    private static String algorithm(Element element) {
        return element.getAttributeNS(null, "Algorithm");
    }

    private static boolean isDs(Element element, String localName) {
        return localName.equals(element.getLocalName()) && Namespaces.DS.equals(element.getNamespaceURI());
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) node);
            }
        }
        return children;
    }

    private static StsFault refused(String message) {
        return new StsFault(FaultCode.FAILED_AUTHENTICATION, message);
    }
}

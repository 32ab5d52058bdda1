package dk.sosi.sts.xmldsig;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

/**
 * Immutable and thread-safe. The STS's one XML signature verifier, with Apache Santuario and secure
 * validation on, in two modes:
 * <ul>
 * <li><b>enveloped</b>, for tokens (id-cards, IdP assertions, bootstrap tokens): the {@code ds:Signature}
 * directly inside the token, one Reference to the token's own id, the enveloped-signature and a c14n
 * transform;</li>
 * <li><b>detached</b>, for the WS-Security message signature of OIO requests (exchanges.md 2.4): the
 * {@code ds:Signature} of {@code wsse:Security}, References to parts of the message by {@code #id} with the
 * exclusive c14n transform only, each resolved to one of the elements the caller names.</li>
 * </ul>
 * <p>Everything that costs nothing is checked before any digest or key is touched: the structure, the
 * canonicalisation, signature and digest methods (so HMAC, DSA, MD5 and the rest are refused unread),
 * the transforms, the number of references, that every referenced id names a known element and no other
 * element of the document carries it, and the signing key (RSA, minimum size, sane exponent). Then the
 * {@link SignerCheck} decides whether the signer is trusted at all; only then is the signature computed.
 * References are resolved by a resolver that knows only the named elements (never {@code getElementById}),
 * and after verification every reference must have reached exactly its element.
 * <p>Every refusal is a {@link FaultCode#FAILED_AUTHENTICATION} whose text names what was signed (the
 * {@code subject}, e.g. "id-card" or "message"); Santuario's own messages go to the debug log only.
 */
public final class SignatureVerifier {

    static final String NOT_SIGNED = "The %s is not signed";
    static final String MORE_THAN_ONE_SIGNATURE = "The %s holds more than one ds:Signature";
    static final String INVALID = "The %s signature is invalid";
    static final String ALGORITHM_NOT_ACCEPTED = "The %s signature uses an algorithm the STS does not accept: %s";
    static final String TRANSFORM_NOT_ACCEPTED = "The %s signature uses a transform the STS does not accept: %s";
    static final String TOO_MANY_TRANSFORMS = "The %s signature uses more than 2 transforms";
    static final String NO_ID = "The %s has no %s attribute for its signature to refer to";
    static final String DUPLICATE_ID = "The %s's id \"%s\" is also used by another element of the message";
    static final String MALFORMED = "The %s ds:Signature must hold ds:SignedInfo, ds:SignatureValue and ds:KeyInfo";
    static final String MALFORMED_SIGNED_INFO =
            "The ds:SignedInfo of the %s signature must hold ds:CanonicalizationMethod, ds:SignatureMethod and ds:Reference";
    static final String REFERENCE_COUNT = "The %s signature must hold exactly one ds:Reference";
    static final String TOO_MANY_REFERENCES = "The %s signature must hold 1 to %d ds:Reference elements";
    static final String WRONG_REFERENCE = "The %s signature must refer to the %s itself: URI=\"#%s\"";
    static final String UNKNOWN_REFERENCE = "The %s signature refers to %s, which is no part of the message it may sign";
    static final String REFERENCED_TWICE = "The %s signature refers to #%s more than once";
    static final String CERTIFICATE_COUNT = "The %s signature must carry exactly one ds:X509Certificate in its ds:KeyInfo";
    static final String UNREADABLE_CERTIFICATE = "The ds:X509Certificate of the %s signature is not a valid X.509 certificate";
    static final String NOT_RSA = "The %s signing key must be an RSA key";
    static final String KEY_TOO_SHORT = "The %s signing key has %d bits; the STS requires at least %d";
    static final String EXPONENT_NOT_ACCEPTED =
            "The %s signing key's public exponent has %d bits; the STS accepts odd exponents of at most %d bits";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifier.class);
    private static final int MAX_TRANSFORMS = 2;
    private static final int MAX_ECHO = 128;
    private static final Set<String> ENVELOPED_CANONICALIZATIONS = Set.of(
            Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
    private static final Set<String> ENVELOPED_TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
    private static final Set<String> DETACHED_CANONICALIZATIONS = Set.of(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    private static final Set<String> DETACHED_TRANSFORMS = Set.of(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    private final SignaturePolicy policy;

    public SignatureVerifier(SignaturePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        XmlSecurity.init();
    }

    /**
     * Verifies the enveloped {@code ds:Signature} that is a direct child of {@code signed} and whose single
     * Reference points at {@code signed} through its attribute {@code idAttribute} ({@code id} for DGWS
     * cards, {@code ID} for SAML assertions); registers that attribute, and only that one, as an XML ID.
     *
     * @param subject what {@code signed} is, for the texts of refusals, e.g. "id-card"
     * @throws StsFault {@link FaultCode#FAILED_AUTHENTICATION} on any failure, or what {@code signerCheck} throws
     */
    public VerifiedSignature verifyEnveloped(Element signed, String idAttribute, String subject, SignerCheck signerCheck) {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(idAttribute, "idAttribute");
        Objects.requireNonNull(signerCheck, "signerCheck");
        Attr idNode = signed.getAttributeNodeNS(null, idAttribute);
        if (idNode == null || idNode.getValue().isEmpty()) {
            throw refused(String.format(NO_ID, subject, idAttribute));
        }
        String id = idNode.getValue();
        Element signature = onlySignature(signed, subject);
        Parts parts = parts(signature, subject);
        List<Element> references = checkSignedInfo(parts.signedInfo, subject, ENVELOPED_CANONICALIZATIONS);
        if (references.size() != 1) {
            throw refused(String.format(REFERENCE_COUNT, subject));
        }
        Element reference = references.get(0);
        if (!("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw refused(String.format(WRONG_REFERENCE, subject, subject, CallerText.limit(id, MAX_ECHO)));
        }
        checkReference(reference, subject, ENVELOPED_TRANSFORMS);
        X509Certificate certificate = SigningCertificates.fromX509Data(parts.keyInfo, subject);
        checkKey(certificate.getPublicKey(), subject);
        Ids.requireUnique(signed, id, subject);
        signerCheck.check(certificate);

        signed.setIdAttributeNode(idNode, true);
        return compute(signature, Map.of(id, signed), certificate, subject);
    }

    /**
     * Verifies a detached message signature: every Reference is {@code #id} of one of {@code signable}
     * (each element by its id: {@code wsu:Id}, else {@code Id}, {@code ID} or {@code id}; e.g. the request's
     * {@code wsa:MessageID}, {@code wsu:Timestamp} and {@code soap:Body}), at most once, with exactly the
     * exclusive c14n transform;
     * the key is the one {@code ds:X509Data/ds:X509Certificate} of {@code ds:KeyInfo}, or the
     * {@code wsse:BinarySecurityToken} of {@code security} a {@code wsse:SecurityTokenReference} names.
     *
     * @param security the {@code wsse:Security} header the signature sits in
     * @return the certificate and the elements the signature covers; which must be covered is the caller's rule
     * @throws StsFault {@link FaultCode#FAILED_AUTHENTICATION} on any failure, or what {@code signerCheck} throws
     */
    public VerifiedSignature verifyDetached(Element signature, Element security, Collection<Element> signable,
            SignerCheck signerCheck) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(signerCheck, "signerCheck");
        String subject = "message";
        Map<String, Element> byId = new HashMap<>();
        for (Element part : signable) {
            String id = Ids.of(part);
            if (!id.isEmpty() && byId.putIfAbsent(id, part) != null) {
                throw refused(String.format(DUPLICATE_ID, subject, CallerText.limit(id, MAX_ECHO)));
            }
        }
        Parts parts = parts(signature, subject);
        List<Element> references = checkSignedInfo(parts.signedInfo, subject, DETACHED_CANONICALIZATIONS);
        if (references.isEmpty() || references.size() > policy.maxReferences()) {
            throw refused(String.format(TOO_MANY_REFERENCES, subject, policy.maxReferences()));
        }
        Map<String, Element> covered = new LinkedHashMap<>();
        for (Element reference : references) {
            String uri = reference.getAttributeNS(null, "URI");
            String id = uri.startsWith("#") ? uri.substring(1) : "";
            Element target = byId.get(id);
            if (target == null) {
                throw refused(String.format(UNKNOWN_REFERENCE, subject, CallerText.quote(uri)));
            }
            if (covered.put(id, target) != null) {
                throw refused(String.format(REFERENCED_TWICE, subject, CallerText.limit(id, MAX_ECHO)));
            }
            checkReference(reference, subject, DETACHED_TRANSFORMS);
        }
        X509Certificate certificate = SigningCertificates.fromKeyInfo(parts.keyInfo, security, subject);
        checkKey(certificate.getPublicKey(), subject);
        for (Map.Entry<String, Element> target : covered.entrySet()) {
            Ids.requireUnique(target.getValue(), target.getKey(), subject);
        }
        signerCheck.check(certificate);
        return compute(signature, covered, certificate, subject);
    }

    /** The signature arithmetic, for a signature whose every cheap check has passed. */
    private static VerifiedSignature compute(Element signature, Map<String, Element> targets, X509Certificate certificate,
            String subject) {
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, null, true);
            xmlSignature.addResourceResolver(new KnownElementsResolver(targets));
            if (!xmlSignature.checkSignatureValue(certificate.getPublicKey())) {
                throw refused(String.format(INVALID, subject));
            }
            List<Element> covered = new ArrayList<>();
            for (int i = 0; i < xmlSignature.getSignedInfo().getLength(); i++) {
                String uri = xmlSignature.getSignedInfo().item(i).getURI();
                Element expected = targets.get(uri.substring(1));
                if (xmlSignature.getSignedInfo().item(i).getContentsBeforeTransformation().getSubNode() != expected) {
                    throw refused(String.format(INVALID, subject));
                }
                covered.add(expected);
            }
            return new VerifiedSignature(certificate, covered);
        } catch (XMLSecurityException e) {
            LOG.debug("The {} signature does not verify", subject, e);
            throw refused(String.format(INVALID, subject));
        }
    }

    private static Element onlySignature(Element signed, String subject) {
        Element found = null;
        for (Element child : Dom.children(signed)) {
            if (Dom.isDs(child, "Signature")) {
                if (found != null) {
                    throw refused(String.format(MORE_THAN_ONE_SIGNATURE, subject));
                }
                found = child;
            }
        }
        if (found == null) {
            throw refused(String.format(NOT_SIGNED, subject));
        }
        return found;
    }

    private record Parts(Element signedInfo, Element keyInfo) {
    }

    private static Parts parts(Element signature, String subject) {
        List<Element> parts = Dom.children(signature);
        if (parts.size() != 3 || !Dom.isDs(parts.get(0), "SignedInfo") || !Dom.isDs(parts.get(1), "SignatureValue")
                || !Dom.isDs(parts.get(2), "KeyInfo")) {
            throw refused(String.format(MALFORMED, subject));
        }
        return new Parts(parts.get(0), parts.get(2));
    }

    /** Everything in SignedInfo that can be judged without computing anything; returns its References. */
    private List<Element> checkSignedInfo(Element signedInfo, String subject, Set<String> canonicalizations) {
        List<Element> children = Dom.children(signedInfo);
        if (children.size() < 2 || !Dom.isDs(children.get(0), "CanonicalizationMethod")
                || !Dom.isDs(children.get(1), "SignatureMethod")) {
            throw refused(String.format(MALFORMED_SIGNED_INFO, subject));
        }
        String canonicalization = Dom.algorithm(children.get(0));
        if (!canonicalizations.contains(canonicalization)) {
            throw refused(String.format(ALGORITHM_NOT_ACCEPTED, subject, CallerText.limit(canonicalization, MAX_ECHO)));
        }
        String signatureMethod = Dom.algorithm(children.get(1));
        if (SignatureAlgorithm.bySignatureUri(signatureMethod).filter(policy.algorithms()::contains).isEmpty()) {
            throw refused(String.format(ALGORITHM_NOT_ACCEPTED, subject, CallerText.limit(signatureMethod, MAX_ECHO)));
        }
        List<Element> references = children.subList(2, children.size());
        for (Element reference : references) {
            if (!Dom.isDs(reference, "Reference")) {
                throw refused(String.format(MALFORMED_SIGNED_INFO, subject));
            }
        }
        return references;
    }

    private void checkReference(Element reference, String subject, Set<String> allowedTransforms) {
        for (Element part : Dom.children(reference)) {
            if (Dom.isDs(part, "Transforms")) {
                checkTransforms(part, subject, allowedTransforms);
            } else if (Dom.isDs(part, "DigestMethod")) {
                String digest = Dom.algorithm(part);
                if (SignatureAlgorithm.byDigestUri(digest).filter(policy.algorithms()::contains).isEmpty()) {
                    throw refused(String.format(ALGORITHM_NOT_ACCEPTED, subject, CallerText.limit(digest, MAX_ECHO)));
                }
            }
        }
    }

    private static void checkTransforms(Element transforms, String subject, Set<String> allowed) {
        List<Element> list = Dom.children(transforms);
        if (list.size() > MAX_TRANSFORMS) {
            throw refused(String.format(TOO_MANY_TRANSFORMS, subject));
        }
        for (Element transform : list) {
            String algorithm = Dom.algorithm(transform);
            if (!Dom.isDs(transform, "Transform") || !allowed.contains(algorithm)) {
                throw refused(String.format(TRANSFORM_NOT_ACCEPTED, subject, CallerText.limit(algorithm, MAX_ECHO)));
            }
        }
    }

    private void checkKey(PublicKey key, String subject) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw refused(String.format(NOT_RSA, subject));
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < policy.minRsaKeyBits()) {
            throw refused(String.format(KEY_TOO_SHORT, subject, bits, policy.minRsaKeyBits()));
        }
        BigInteger exponent = rsa.getPublicExponent();
        if (exponent.bitLength() > SignaturePolicy.MAX_RSA_EXPONENT_BITS || !exponent.testBit(0)
                || exponent.compareTo(BigInteger.TWO) <= 0) {
            throw refused(String.format(EXPONENT_NOT_ACCEPTED, subject, exponent.bitLength(),
                    SignaturePolicy.MAX_RSA_EXPONENT_BITS));
        }
    }

    static StsFault refused(String message) {
        return new StsFault(FaultCode.FAILED_AUTHENTICATION, message);
    }
}

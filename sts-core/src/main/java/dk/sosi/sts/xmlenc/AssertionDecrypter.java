package dk.sosi.sts.xmlenc;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.MalformedXmlException;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.XmlSecurity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe. Decrypts a {@code saml:EncryptedAssertion} (an incoming bootstrap token,
 * exchanges.md 3.3 and 3.4) with one of the configured private keys.
 *
 * <p>The structure is judged before any key is touched or anything dereferenced, and refused unless it is:
 * exactly one {@code xenc:EncryptedData} anywhere inside, the first child of the EncryptedAssertion, then only
 * {@code xenc:EncryptedKey}s (SAML's sibling placement); in the EncryptedData an EncryptionMethod, an optional
 * {@code ds:KeyInfo} and a CipherData holding one CipherValue, and {@code Type} either absent or
 * {@code #Element}; between one and {@value #MAX_ENCRYPTED_KEYS} EncryptedKeys in all,
 * each a direct child of that KeyInfo or of the EncryptedAssertion. Nowhere inside may stand a
 * {@code ds:RetrievalMethod}, {@code xenc:CipherReference}, {@code ds:Transforms}, {@code ds:Transform},
 * {@code ds:XPath}, {@code xenc:AgreementMethod}, {@code xenc11:DerivedKey}, {@code dsig11:KeyInfoReference}
 * or anything of XSLT or XPath Filter 2.0: the STS fetches, transforms and derives nothing (so a sibling
 * EncryptedKey is found by position, never through a RetrievalMethod pointing at it). Algorithms come
 * from an allow-list: {@link ContentEncryption} (AES-CBC and AES-GCM, 128 and 256 bits; never 3DES or
 * AES-192), {@link KeyTransport} (RSA PKCS#1 v1.5 and both RSA-OAEPs; never a symmetric key wrap), and for
 * OAEP a SHA-1 or SHA-2 digest and MGF1. The CipherValue length must fit the cipher.
 *
 * <p>Each candidate key is then tried against each EncryptedKey, first success wins. The content key is
 * unwrapped with the JCE, not by Santuario, so that a failed unwrap becomes a random key ({@link WrappedKey})
 * and every failure surfaces at the content decryption. Santuario's {@link XMLCipher} (secure validation on)
 * decrypts the content from a fresh EncryptedData holding only the checked algorithm and CipherValue, so it
 * never reads an element this class did not check. The plaintext is parsed by {@link SecureXml} in the
 * namespace context of the EncryptedAssertion and must be one {@code saml:Assertion}.
 *
 * <p>Every refusal, whatever its cause (malformed, hostile, wrong key, bad padding, bad tag, not an
 * assertion), is the same {@link FaultCode#INVALID_SECURITY_TOKEN} with the same text, so the answer is no
 * padding or format oracle; the cause goes to the debug log. CBC has no integrity, so a forged CipherValue
 * whose padding happens to check is parsed before it fails: a timing difference that GCM does not have.
 */
public final class AssertionDecrypter {

    /** More keys than any configuration holds for one token; each may cost an RSA decryption per EncryptedKey. */
    public static final int MAX_CANDIDATE_KEYS = 16;
    /** More than a token encrypted to a few recipients carries; each costs an RSA decryption per candidate key. */
    public static final int MAX_ENCRYPTED_KEYS = 3;

    static final String NOT_DECRYPTED = "The encrypted assertion could not be decrypted";

    private static final Logger LOG = LoggerFactory.getLogger(AssertionDecrypter.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRAPPER = "decrypted";

    public AssertionDecrypter() {
        XmlSecurity.init();
    }

    /**
     * The assertion inside {@code encryptedAssertion}, decrypted with the first of {@code candidateKeys} that
     * can, as the root of a document of its own; {@code encryptedAssertion} is left unchanged.
     *
     * @param candidateKeys RSA private keys to try in order; none means nothing can be decrypted
     * @throws StsFault                 {@link FaultCode#INVALID_SECURITY_TOKEN} with one text for every refusal
     * @throws IllegalArgumentException if a candidate key is not RSA, or there are more than {@link #MAX_CANDIDATE_KEYS}
     */
    public Element decrypt(Element encryptedAssertion, List<PrivateKey> candidateKeys) {
        Objects.requireNonNull(encryptedAssertion, "encryptedAssertion");
        List<PrivateKey> keys = List.copyOf(Objects.requireNonNull(candidateKeys, "candidateKeys"));
        if (keys.size() > MAX_CANDIDATE_KEYS) {
            throw new IllegalArgumentException(keys.size() + " candidate keys; at most " + MAX_CANDIDATE_KEYS + " are tried");
        }
        for (PrivateKey key : keys) {
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("A decryption key must be RSA, not " + key.getAlgorithm());
            }
        }
        try {
            EncryptedAssertionReader.Parts parts = EncryptedAssertionReader.read(encryptedAssertion);
            Element encryptedData = checkedEncryptedData(parts);
            for (PrivateKey key : keys) {
                for (WrappedKey wrapped : parts.keys()) {
                    byte[] contentKey = wrapped.unwrap(key, parts.content().keyBytes(), RANDOM);
                    try {
                        return assertion(decryptContent(encryptedData, parts.content(), contentKey), parts.context());
                    } catch (Undecryptable e) {
                        LOG.debug("One attempt to decrypt an encrypted assertion failed: {}", e.getMessage());
                    }
                }
            }
            throw new Undecryptable(keys.isEmpty() ? "no decryption key is configured" : "no candidate key decrypts it");
        } catch (Undecryptable e) {
            LOG.debug("Refused an encrypted assertion: {}", e.getMessage());
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NOT_DECRYPTED);
        }
    }

    /** An EncryptedData of its own holding only what was checked: Santuario reads nothing else. */
    private static Element checkedEncryptedData(EncryptedAssertionReader.Parts parts) {
        Document document = SecureXml.newDocument();
        Element data = document.createElementNS(XmlEnc.NS, "xenc:EncryptedData");
        data.setAttributeNS(Namespaces.XMLNS, "xmlns:xenc", XmlEnc.NS);
        data.setAttributeNS(null, "Type", XmlEnc.TYPE_ELEMENT);
        Element method = document.createElementNS(XmlEnc.NS, "xenc:EncryptionMethod");
        method.setAttributeNS(null, "Algorithm", parts.content().uri());
        Element cipherData = document.createElementNS(XmlEnc.NS, "xenc:CipherData");
        Element cipherValue = document.createElementNS(XmlEnc.NS, "xenc:CipherValue");
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(parts.cipherValue()));
        cipherData.appendChild(cipherValue);
        data.appendChild(method);
        data.appendChild(cipherData);
        document.appendChild(data);
        return data;
    }

    private static byte[] decryptContent(Element encryptedData, ContentEncryption content, byte[] key) throws Undecryptable {
        try {
            XMLCipher cipher = XMLCipher.getInstance(content.uri());
            cipher.setSecureValidation(true);
            cipher.init(XMLCipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.decryptToByteArray(encryptedData);
        } catch (XMLEncryptionException e) {
            throw new Undecryptable("the content does not decrypt: " + e.getMessage());
        }
    }

    /** Parses {@code plaintext} where the EncryptedAssertion stood (XML-Enc 4.5) and returns its one saml:Assertion. */
    private static Element assertion(byte[] plaintext, Map<String, String> context) throws Undecryptable {
        Document parsed;
        try {
            parsed = SecureXml.parse(new ByteArrayInputStream(inContext(plaintext, context)), StandardCharsets.UTF_8);
        } catch (MalformedXmlException e) {
            throw new Undecryptable("the plaintext is not XML: " + e.getMessage());
        }
        Element found = null;
        for (Node node = parsed.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && found == null) {
                found = (Element) node;
            } else if (node.getNodeType() != Node.TEXT_NODE || !node.getNodeValue().isBlank()) {
                throw new Undecryptable("the plaintext holds more than one element and whitespace");
            }
        }
        if (found == null || !XmlEnc.is(found, Namespaces.SAML, "Assertion")) {
            throw new Undecryptable("the plaintext is not a saml:Assertion");
        }
        Document result = SecureXml.newDocument();
        Element assertion = (Element) result.importNode(found, true);
        result.appendChild(assertion);
        InScopeNamespaces.declareUsed(assertion, context);
        return assertion;
    }

    private static byte[] inContext(byte[] plaintext, Map<String, String> context) {
        StringBuilder start = new StringBuilder("<").append(WRAPPER);
        context.forEach((prefix, uri) -> start.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix)
                .append("=\"").append(escaped(uri)).append('"'));
        start.append('>');
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + start.length() + 16);
        out.writeBytes(start.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(plaintext);
        out.writeBytes(("</" + WRAPPER + ">").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escaped(String attributeValue) {
        StringBuilder escaped = new StringBuilder(attributeValue.length());
        for (int i = 0; i < attributeValue.length(); i++) {
            char c = attributeValue.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '"' -> escaped.append("&quot;");
                case '\t', '\n', '\r' -> escaped.append("&#").append((int) c).append(';');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

package dk.sosi.sts.xmlenc;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.Base64Text;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.XmlSecurity;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe (each call builds its own Santuario {@link XMLCipher}s). Encrypts an issued
 * assertion for its audience (exchanges.md 2.8 S3) in exactly the shape the national STS sends and the
 * deployed clients read:
 * <pre>
 * saml:EncryptedAssertion
 *   xenc:EncryptedData Type="http://www.w3.org/2001/04/xmlenc#Element"
 *     xenc:EncryptionMethod Algorithm=content
 *     ds:KeyInfo
 *       xenc:EncryptedKey
 *         xenc:EncryptionMethod Algorithm=key transport [ds:DigestMethod] [xenc11:MGF]
 *         xenc:CipherData/xenc:CipherValue
 *     xenc:CipherData/xenc:CipherValue
 * </pre>
 * The EncryptedKey names no recipient and carries no KeyInfo. Each call wraps a fresh random content
 * key. The plaintext is the assertion on its own, with the namespace declarations it inherited, since the
 * clients parse it without the context it was encrypted in. The output has no whitespace between elements
 * and no line breaks in base64 values, whatever Santuario's JVM-wide
 * {@code org.apache.xml.security.ignoreLineBreaks} happens to be.
 */
public final class AssertionEncrypter {

    /** The shortest RSA modulus an audience's encryption certificate may hold. */
    public static final int MIN_RSA_KEY_BITS = 2048;

    private static final SecureRandom RANDOM = new SecureRandom();

    public AssertionEncrypter() {
        XmlSecurity.init();
    }

    /**
     * A {@code saml:EncryptedAssertion}, the root of a document of its own, holding {@code assertion}
     * encrypted for {@code recipient} with {@code policy}. {@code assertion} is left unchanged.
     *
     * @throws IllegalArgumentException if {@code assertion} is not a {@code saml:Assertion}, or the recipient's
     *                                  key is not RSA of at least {@link #MIN_RSA_KEY_BITS} bits (a configuration error)
     * @throws IllegalStateException    if the JCE or Santuario cannot encrypt
     */
    public Element encrypt(Element assertion, X509Certificate recipient, EncryptionPolicy policy) {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(policy, "policy");
        if (!XmlEnc.is(assertion, Namespaces.SAML, "Assertion")) {
            throw new IllegalArgumentException("Only a saml:Assertion is encrypted, not " + assertion.getNodeName());
        }
        PublicKey key = recipient.getPublicKey();
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_KEY_BITS) {
            throw new IllegalArgumentException("The encryption certificate " + recipient.getSubjectX500Principal()
                    + " must hold an RSA key of at least " + MIN_RSA_KEY_BITS + " bits");
        }
        byte[] plaintext = SecureXml.toBytes(assertion.getParentNode() instanceof Document ? assertion : standalone(assertion));
        SecretKey contentKey = contentKey(policy.content());
        Document document = SecureXml.newDocument();
        try {
            Element encryptedData = encryptedData(document, contentKey, plaintext, policy.content());
            Element keyInfo = document.createElementNS(Namespaces.DS, "ds:KeyInfo");
            keyInfo.setAttributeNS(Namespaces.XMLNS, "xmlns:ds", Namespaces.DS);
            keyInfo.appendChild(encryptedKey(document, contentKey, rsa, policy.keyTransport()));
            encryptedData.insertBefore(keyInfo, XmlEnc.children(encryptedData).get(1)); // before CipherData
            Element encryptedAssertion = document.createElementNS(Namespaces.SAML, "saml:EncryptedAssertion");
            encryptedAssertion.setAttributeNS(Namespaces.XMLNS, "xmlns:saml", Namespaces.SAML);
            encryptedAssertion.appendChild(encryptedData);
            document.appendChild(encryptedAssertion);
            compact(encryptedAssertion);
            return encryptedAssertion;
        } catch (XMLEncryptionException e) {
            throw new IllegalStateException("Cannot encrypt an assertion for " + recipient.getSubjectX500Principal(), e);
        }
    }

    /** A copy of {@code assertion} as the root of its own document, declaring what its ancestors declared for it. */
    private static Element standalone(Element assertion) {
        Document document = SecureXml.newDocument();
        Element copy = (Element) document.importNode(assertion, true);
        document.appendChild(copy);
        InScopeNamespaces.declareUsed(copy, InScopeNamespaces.at(assertion.getParentNode()));
        return copy;
    }

    private static SecretKey contentKey(ContentEncryption content) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(content.keyBytes() * 8, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make AES keys", e);
        }
    }

    private static Element encryptedData(Document document, SecretKey contentKey, byte[] plaintext, ContentEncryption content)
            throws XMLEncryptionException {
        XMLCipher cipher = XMLCipher.getInstance(content.uri());
        cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
        EncryptedData data;
        try {
            data = cipher.encryptData(document, XmlEnc.TYPE_ELEMENT, new ByteArrayInputStream(plaintext));
        } catch (XMLEncryptionException | RuntimeException e) {
            throw e;
        } catch (Exception e) { // Santuario declares Exception; from a byte array only I/O on memory can add to it
            throw new XMLEncryptionException(e);
        }
        return cipher.martial(document, data);
    }

    private static Element encryptedKey(Document document, SecretKey contentKey, RSAPublicKey recipient, KeyTransport transport)
            throws XMLEncryptionException {
        OaepDigest digest = transport.writtenDigest();
        OaepDigest mgf = transport.writtenMgf();
        XMLCipher cipher = XMLCipher.getInstance(transport.uri(), null, digest == null ? null : digest.digestUri());
        cipher.init(XMLCipher.WRAP_MODE, recipient);
        EncryptedKey key = cipher.encryptKey(document, contentKey, mgf == null ? null : mgf.mgfUri(), null, RANDOM);
        return cipher.martial(document, key);
    }

    /** Drops whitespace between elements and line breaks inside base64 values. */
    private static void compact(Element element) {
        List<Node> blanks = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                compact((Element) child);
            } else if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                blanks.add(child);
            }
        }
        blanks.forEach(element::removeChild);
        if (XmlEnc.children(element).isEmpty() && element.getFirstChild() != null) { // every leaf here holds base64
            element.setTextContent(Base64Text.compact(element.getTextContent()));
        }
    }
}

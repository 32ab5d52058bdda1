package dk.sosi.sts.xmlenc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSecurity;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Signed test assertions, and what a test needs to look into an encrypted one: the
 * credentials are {@link TestSigningKeys}' (issuer {@code other()}, recipient {@code employee()}).
 */
final class TestAssertions {

    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final String BODY = "<saml:Issuer>https://sts.sosi.dk/</saml:Issuer>"
            + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">"
            + "urn:uuid:323e4567-e89b-12d3-a456-426655440000</saml:NameID></saml:Subject>"
            + "<saml:AttributeStatement><saml:Attribute Name=\"dk:gov:saml:attribute:CprNumberIdentifier\""
            + " NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">0101011234</saml:AttributeValue></saml:Attribute>"
            + "<saml:Attribute Name=\"urn:oid:2.5.4.10\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\">"
            + "<saml:AttributeValue xsi:type=\"xs:string\">Lægehuset Ærø &amp; Søn &lt;ApS&gt;</saml:AttributeValue>"
            + "</saml:Attribute></saml:AttributeStatement>";

    static {
        XmlSecurity.init();
    }

    private TestAssertions() {
    }

    static IssuedCredential issuer() {
        return TestSigningKeys.other();
    }

    static IssuedCredential recipient() {
        return TestSigningKeys.employee();
    }

    /** A signed assertion (rsa-sha256, ID {@code _a1}) that declares its namespaces itself, the root of its document. */
    static Element signedAssertion() {
        Element assertion = parse("<saml:Assertion xmlns:saml=\"" + Namespaces.SAML + "\" xmlns:xs=\"" + XSD
                + "\" xmlns:xsi=\"" + XSI + "\" ID=\"_a1\" IssueInstant=\"2024-05-01T10:00:00Z\" Version=\"2.0\">"
                + BODY + "</saml:Assertion>").getDocumentElement();
        sign(assertion);
        return assertion;
    }

    /**
     * A signed assertion whose namespace declarations all sit on its ancestors, as when it is built
     * inside a response: {@code xs} it uses only inside an {@code xsi:type} value.
     */
    static Element signedAssertionInsideResponse() {
        Document document = parse("<wst:RequestedSecurityToken xmlns:wst=\"" + Namespaces.WST_1_3 + "\" xmlns:saml=\""
                + Namespaces.SAML + "\" xmlns:xs=\"" + XSD + "\" xmlns:xsi=\"" + XSI + "\" xmlns:ds=\"" + Namespaces.DS + "\">"
                + "<saml:Assertion ID=\"_a2\" IssueInstant=\"2024-05-01T10:00:00Z\" Version=\"2.0\">" + BODY
                + "</saml:Assertion></wst:RequestedSecurityToken>");
        Element assertion = (Element) document.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        sign(assertion);
        return assertion;
    }

    private static void sign(Element assertion) {
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(assertion, "ID",
                XmlSigner.Placement.AFTER_ISSUER, issuer().privateKey(), issuer().certificate());
    }

    /** Asserts that {@code assertion}'s signature verifies with the issuer's certificate. */
    static void assertSignatureVerifies(Element assertion) {
        EnvelopedSignatureVerifier verifier = new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA256));
        assertEquals(issuer().certificate(), verifier.verify(assertion, "ID", TestSigningKeys.TRUST_ANY));
    }

    static Document parse(String xml) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code element} serialised and parsed again, as a receiver sees it. */
    static Element reparsed(Element element) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(element))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(Element element, String algorithm) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(algorithm).canonicalizeSubtree(element, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element xenc(Element scope, String localName) {
        return (Element) scope.getElementsByTagNameNS(XmlEnc.NS, localName).item(0);
    }

    static Element encryptedData(Element encryptedAssertion) {
        return xenc(encryptedAssertion, "EncryptedData");
    }

    static Element encryptedKey(Element encryptedAssertion) {
        return xenc(encryptedAssertion, "EncryptedKey");
    }

    /** The CipherValue of the EncryptedData itself (the last one in document order). */
    static Element contentCipherValue(Element encryptedAssertion) {
        var values = encryptedAssertion.getElementsByTagNameNS(XmlEnc.NS, "CipherValue");
        return (Element) values.item(values.getLength() - 1);
    }

    /**
     * The content key of a default (rsa-1_5, aes128-cbc) encrypted assertion, unwrapped with the JCE as
     * trifork/unsealed does ({@code XmlUtil.decryptKey}).
     */
    static Key contentKey(Element encryptedAssertion, PrivateKey key) throws Exception {
        byte[] wrapped = Base64.getMimeDecoder().decode(xenc(encryptedKey(encryptedAssertion), "CipherValue").getTextContent());
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.UNWRAP_MODE, key);
        return rsa.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    }

    /**
     * The plaintext of a default encrypted assertion, decrypted with the JCE as trifork/unsealed does
     * ({@code XmlUtil.decrypt}): AES/CBC/ISO10126Padding, the IV the first block of the CipherValue.
     */
    static String plaintext(Element encryptedAssertion, PrivateKey key) throws Exception {
        byte[] encrypted = Base64.getMimeDecoder().decode(contentCipherValue(encryptedAssertion).getTextContent());
        Cipher aes = Cipher.getInstance("AES/CBC/ISO10126Padding");
        int ivLength = aes.getBlockSize();
        aes.init(Cipher.DECRYPT_MODE, contentKey(encryptedAssertion, key), new IvParameterSpec(encrypted, 0, ivLength));
        return new String(aes.doFinal(encrypted, ivLength, encrypted.length - ivLength), StandardCharsets.UTF_8);
    }

    /** Replaces the content of a default encrypted assertion by {@code plaintext}, encrypted under its own content key. */
    static void replacePlaintext(Element encryptedAssertion, PrivateKey key, String plaintext) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, contentKey(encryptedAssertion, key));
        byte[] iv = aes.getIV();
        byte[] ciphertext = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] value = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, value, 0, iv.length);
        System.arraycopy(ciphertext, 0, value, iv.length, ciphertext.length);
        contentCipherValue(encryptedAssertion).setTextContent(Base64.getEncoder().encodeToString(value));
    }
}

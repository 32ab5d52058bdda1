package dk.sosi.sts.xmlenc;

import static dk.sosi.sts.xmlenc.TestAssertions.canonical;
import static dk.sosi.sts.xmlenc.TestAssertions.contentCipherValue;
import static dk.sosi.sts.xmlenc.TestAssertions.encryptedData;
import static dk.sosi.sts.xmlenc.TestAssertions.encryptedKey;
import static dk.sosi.sts.xmlenc.TestAssertions.recipient;
import static dk.sosi.sts.xmlenc.TestAssertions.xenc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AssertionDecrypterTest {

    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";

    private final AssertionEncrypter encrypter = new AssertionEncrypter();
    private final AssertionDecrypter decrypter = new AssertionDecrypter();

    static Stream<EncryptionPolicy> everyPolicy() {
        List<EncryptionPolicy> policies = new ArrayList<>();
        for (ContentEncryption content : ContentEncryption.values()) {
            for (KeyTransport transport : KeyTransport.values()) {
                policies.add(new EncryptionPolicy(content, transport));
            }
        }
        return policies.stream();
    }

    private Element encrypted(EncryptionPolicy policy) {
        return TestAssertions.reparsed(encrypter.encrypt(TestAssertions.signedAssertion(), recipient().certificate(), policy));
    }

    private Element encrypted() {
        return encrypted(EncryptionPolicy.DEFAULT);
    }

    private static TouchCountingKey countingRecipientKey() {
        return new TouchCountingKey((RSAPrivateCrtKey) recipient().privateKey());
    }

    private static StsFault assertRefused(Runnable decryption) {
        StsFault fault = assertThrows(StsFault.class, decryption::run);
        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals(AssertionDecrypter.NOT_DECRYPTED, fault.getMessage());
        assertEquals(Optional.empty(), fault.actor());
        return fault;
    }

    /** Refused before the key was used for anything. */
    private void assertRefusedUntouched(Element encryptedAssertion) {
        TouchCountingKey key = countingRecipientKey();
        assertRefused(() -> decrypter.decrypt(encryptedAssertion, List.of(key)));
        assertEquals(0, key.touches(), "the key was used before the structure was refused");
    }

    private static Element element(Document document, String namespace, String qualifiedName) {
        return document.createElementNS(namespace, qualifiedName);
    }

    @ParameterizedTest
    @MethodSource("everyPolicy")
    void decryptWhenEncryptedWithPolicyThenCanonicallyTheOriginalAndItsSignatureVerifies(EncryptionPolicy policy) {
        Element original = TestAssertions.signedAssertion();
        Element encrypted = TestAssertions.reparsed(encrypter.encrypt(original, recipient().certificate(), policy));

        Element decrypted = decrypter.decrypt(encrypted, List.of(recipient().privateKey()));

        assertEquals(canonical(original, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS),
                canonical(decrypted, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS));
        assertEquals(canonical(original, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS),
                canonical(decrypted, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS));
        assertSame(decrypted, decrypted.getOwnerDocument().getDocumentElement());
        TestAssertions.assertSignatureVerifies(decrypted);
    }

    @Test
    void decryptWhenValidThenTheCountingKeyIsTouched() {
        TouchCountingKey key = countingRecipientKey();

        decrypter.decrypt(encrypted(), List.of(key));

        assertTrue(key.touches() > 0, "else the untouched checks below would prove nothing");
    }

    @Test
    void decryptWhenAssertionInheritedItsNamespacesThenDecryptedOneDeclaresThemAndVerifies() {
        Element original = TestAssertions.signedAssertionInsideResponse();
        Element encrypted = encrypter.encrypt(original, recipient().certificate(), EncryptionPolicy.DEFAULT);

        Element decrypted = decrypter.decrypt(encrypted, List.of(recipient().privateKey()));

        assertEquals(TestAssertions.XSD, decrypted.getAttributeNS(Namespaces.XMLNS, "xs"));
        assertEquals(canonical(original, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS),
                canonical(decrypted, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS));
        TestAssertions.assertSignatureVerifies(TestAssertions.reparsed(decrypted));
    }

    @Test
    void decryptWhenPlaintextUsesPrefixesOfTheEncryptedAssertionsContextThenReadInThatContext() throws Exception {
        Document document = TestAssertions.parse("<wst:RequestedSecurityToken xmlns:wst=\"" + Namespaces.WST_1_3
                + "\" xmlns:saml=\"" + Namespaces.SAML + "\"/>");
        Element encrypted = (Element) document.importNode(encrypted(), true);
        document.getDocumentElement().appendChild(encrypted);
        encrypted.removeAttributeNS(Namespaces.XMLNS, "saml");
        TestAssertions.replacePlaintext(encrypted, recipient().privateKey(),
                "<saml:Assertion ID=\"_c\"><saml:Issuer>https://idp.example/</saml:Issuer></saml:Assertion>");

        Element decrypted = decrypter.decrypt(encrypted, List.of(recipient().privateKey()));

        assertEquals(Namespaces.SAML, decrypted.getNamespaceURI());
        assertEquals(Namespaces.SAML, decrypted.getAttributeNS(Namespaces.XMLNS, "saml"));
        assertEquals("<saml:Assertion xmlns:saml=\"" + Namespaces.SAML + "\" ID=\"_c\"><saml:Issuer>https://idp.example/"
                + "</saml:Issuer></saml:Assertion>", new String(SecureXml.toBytes(decrypted)));
    }

    @Test
    void decryptWhenEncryptedKeyIsASiblingOfEncryptedDataThenDecrypts() {
        Element encrypted = encrypted();
        Element data = encryptedData(encrypted);
        Element keyInfo = (Element) encryptedKey(encrypted).getParentNode();
        encrypted.appendChild(encryptedKey(encrypted));
        data.removeChild(keyInfo);

        Element decrypted = decrypter.decrypt(encrypted, List.of(recipient().privateKey()));

        TestAssertions.assertSignatureVerifies(decrypted);
    }

    @Test
    void decryptWhenFirstCandidateKeyIsWrongThenTheNextOneDecrypts() {
        Element decrypted = decrypter.decrypt(encrypted(), List.of(TestSigningKeys.other().privateKey(), recipient().privateKey()));

        TestAssertions.assertSignatureVerifies(decrypted);
    }

    @Test
    void decryptWhenDoneThenEncryptedAssertionUnchanged() {
        Element encrypted = encrypted();
        byte[] before = SecureXml.toBytes(encrypted);

        Element decrypted = decrypter.decrypt(encrypted, List.of(recipient().privateKey()));

        assertArrayEquals(before, SecureXml.toBytes(encrypted));
        assertNotSame(encrypted.getOwnerDocument(), decrypted.getOwnerDocument());
    }

    @ParameterizedTest
    @MethodSource("everyPolicy")
    void decryptWhenWrongKeyThenRefused(EncryptionPolicy policy) {
        Element encrypted = encrypted(policy);

        assertRefused(() -> decrypter.decrypt(encrypted, List.of(TestSigningKeys.other().privateKey())));
    }

    @ParameterizedTest
    @MethodSource("everyPolicy")
    void decryptWhenCiphertextTamperedThenRefused(EncryptionPolicy policy) {
        Element encrypted = encrypted(policy);
        Element value = contentCipherValue(encrypted);
        byte[] bytes = Base64.getDecoder().decode(value.getTextContent());
        bytes[bytes.length - 20] ^= 0x01; // in the last CBC block but one, or in the GCM ciphertext
        value.setTextContent(Base64.getEncoder().encodeToString(bytes));

        assertRefused(() -> decrypter.decrypt(encrypted, List.of(recipient().privateKey())));
    }

    @Test
    void decryptWhenWrappedKeyTamperedThenRefused() {
        Element encrypted = encrypted();
        Element value = xenc(encryptedKey(encrypted), "CipherValue");
        byte[] bytes = Base64.getDecoder().decode(value.getTextContent());
        bytes[0] ^= 0x01;
        value.setTextContent(Base64.getEncoder().encodeToString(bytes));

        assertRefused(() -> decrypter.decrypt(encrypted, List.of(recipient().privateKey())));
    }

    @Test
    void decryptWhenRetrievalMethodThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Element retrieval = element(encrypted.getOwnerDocument(), Namespaces.DS, "ds:RetrievalMethod");
        retrieval.setAttributeNS(null, "URI", "http://attacker.example/key");
        retrieval.setAttributeNS(null, "Type", "http://www.w3.org/2001/04/xmlenc#EncryptedKey");
        encryptedKey(encrypted).getParentNode().appendChild(retrieval);

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenCipherReferenceThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Element value = contentCipherValue(encrypted);
        Element reference = element(encrypted.getOwnerDocument(), XmlEnc.NS, "xenc:CipherReference");
        reference.setAttributeNS(null, "URI", "file:///etc/passwd");
        value.getParentNode().replaceChild(reference, value);

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenXsltTransformAnywhereThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Document document = encrypted.getOwnerDocument();
        Element keyInfo = element(document, Namespaces.DS, "ds:KeyInfo");
        Element transforms = element(document, Namespaces.DS, "ds:Transforms");
        Element transform = element(document, Namespaces.DS, "ds:Transform");
        transform.setAttributeNS(null, "Algorithm", XSLT);
        transform.appendChild(element(document, "http://www.w3.org/1999/XSL/Transform", "xsl:stylesheet"));
        transforms.appendChild(transform);
        keyInfo.appendChild(transforms);
        encryptedKey(encrypted).insertBefore(keyInfo, xenc(encryptedKey(encrypted), "CipherData"));

        assertRefusedUntouched(encrypted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/2001/04/xmlenc#tripledes-cbc", "http://www.w3.org/2001/04/xmlenc#aes192-cbc",
        "http://www.w3.org/2009/xmlenc11#aes192-gcm", "http://www.w3.org/2001/04/xmlenc#aes128-cbc ", ""})
    void decryptWhenContentAlgorithmNotAllowedThenRefusedBeforeTheKeyIsUsed(String algorithm) {
        Element encrypted = encrypted();
        xenc(encryptedData(encrypted), "EncryptionMethod").setAttributeNS(null, "Algorithm", algorithm);

        assertRefusedUntouched(encrypted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/2001/04/xmlenc#kw-aes128", "http://www.w3.org/2001/04/xmlenc#kw-tripledes",
        "http://www.w3.org/2001/04/xmlenc#dh", "http://www.w3.org/2001/04/xmlenc#rsa-1_5#"})
    void decryptWhenKeyTransportNotAllowedThenRefusedBeforeTheKeyIsUsed(String algorithm) {
        Element encrypted = encrypted();
        xenc(encryptedKey(encrypted), "EncryptionMethod").setAttributeNS(null, "Algorithm", algorithm);

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenOaepDigestIsMd5ThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted(EncryptionPolicy.of("aes128-gcm", "rsa-oaep"));
        Element digest = (Element) encryptedKey(encrypted).getElementsByTagNameNS(Namespaces.DS, "DigestMethod").item(0);
        digest.setAttributeNS(null, "Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5");

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenTwoEncryptedDataThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        encrypted.appendChild(encryptedData(encrypted).cloneNode(true));

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenSecondEncryptedDataHiddenInAnEncryptedKeyThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Element key = encryptedKey(encrypted);
        Element keyInfo = element(encrypted.getOwnerDocument(), Namespaces.DS, "ds:KeyInfo");
        Element hidden = (Element) encryptedData(encrypted).cloneNode(false);
        hidden.appendChild(xenc(encryptedData(encrypted), "CipherData").cloneNode(true));
        keyInfo.appendChild(hidden);
        key.insertBefore(keyInfo, xenc(key, "CipherData"));

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenMoreEncryptedKeysThanTheLimitThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        for (int i = 0; i < AssertionDecrypter.MAX_ENCRYPTED_KEYS; i++) {
            encrypted.appendChild(encryptedKey(encrypted).cloneNode(true));
        }

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenEncryptedKeyNestedInsideAnotherThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Element key = encryptedKey(encrypted);
        Element keyInfo = element(encrypted.getOwnerDocument(), Namespaces.DS, "ds:KeyInfo");
        keyInfo.appendChild(key.cloneNode(true));
        key.insertBefore(keyInfo, xenc(key, "CipherData"));

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenEncryptedDataTypeIsContentThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        encryptedData(encrypted).setAttributeNS(null, "Type", "http://www.w3.org/2001/04/xmlenc#Content");

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenSomethingFollowsCipherDataThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        Element properties = element(encrypted.getOwnerDocument(), XmlEnc.NS, "xenc:EncryptionProperties");
        properties.appendChild(xenc(encryptedData(encrypted), "CipherData").cloneNode(true));
        encryptedData(encrypted).appendChild(properties);

        assertRefusedUntouched(encrypted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "", "AAAA"})
    void decryptWhenCipherValueIsNotBase64OrTooShortThenRefusedBeforeTheKeyIsUsed(String value) {
        Element encrypted = encrypted();
        contentCipherValue(encrypted).setTextContent(value);

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenCbcCipherValueIsNotWholeBlocksThenRefusedBeforeTheKeyIsUsed() {
        Element encrypted = encrypted();
        byte[] bytes = Base64.getDecoder().decode(contentCipherValue(encrypted).getTextContent());
        contentCipherValue(encrypted).setTextContent(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1)));

        assertRefusedUntouched(encrypted);
    }

    @Test
    void decryptWhenElementIsNotAnEncryptedAssertionThenRefusedBeforeTheKeyIsUsed() {
        assertRefusedUntouched(encryptedData(encrypted()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">https://idp.example/</saml:Issuer>",
        "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>",
        "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>text",
        "<!--c--><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>",
        "<?xml version=\"1.0\"?><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>",
        "</decrypted><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"/><decrypted>",
        "<Assertion xmlns=\"urn:oasis:names:tc:SAML:1.0:assertion\"/>",
        "",
    })
    void decryptWhenPlaintextIsNotOneSamlAssertionThenRefused(String plaintext) throws Exception {
        Element encrypted = encrypted();
        TestAssertions.replacePlaintext(encrypted, recipient().privateKey(), plaintext);

        assertRefused(() -> decrypter.decrypt(encrypted, List.of(recipient().privateKey())));
    }

    @Test
    void decryptWhenNoCandidateKeyThenRefused() {
        Element encrypted = encrypted();

        assertRefused(() -> decrypter.decrypt(encrypted, List.of()));
    }

    @Test
    void decryptWhenRefusedForAnyReasonThenTheFaultsCannotBeToldApart() throws Exception {
        List<PrivateKey> right = List.of(recipient().privateKey());
        Element wrongKey = encrypted();
        Element badPadding = encrypted();
        TestAssertions.replacePlaintext(badPadding, recipient().privateKey(), "x");
        byte[] bytes = Base64.getDecoder().decode(contentCipherValue(badPadding).getTextContent());
        bytes[bytes.length - 17] ^= 0x7f; // the last byte of the block before the last: the padding length
        contentCipherValue(badPadding).setTextContent(Base64.getEncoder().encodeToString(bytes));
        Element notXml = encrypted();
        TestAssertions.replacePlaintext(notXml, recipient().privateKey(), "<saml:Assertion");
        Element hostile = encrypted();
        hostile.appendChild(encryptedData(hostile).cloneNode(true));

        List<StsFault> faults = List.of(
                assertRefused(() -> decrypter.decrypt(wrongKey, List.of(TestSigningKeys.other().privateKey()))),
                assertRefused(() -> decrypter.decrypt(badPadding, right)),
                assertRefused(() -> decrypter.decrypt(notXml, right)),
                assertRefused(() -> decrypter.decrypt(hostile, right)));

        for (StsFault fault : faults) {
            assertEquals(List.of(FaultCode.INVALID_SECURITY_TOKEN, AssertionDecrypter.NOT_DECRYPTED, Optional.empty()),
                    List.of(fault.code(), fault.getMessage(), fault.actor()));
            assertEquals(0, fault.getStackTrace().length, "no stack trace to tell where it was thrown");
        }
    }

    @Test
    void decryptWhenCandidateKeyIsNotRsaThenIllegalArgument() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        PrivateKey ec = generator.generateKeyPair().getPrivate();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> decrypter.decrypt(encrypted(), List.of(recipient().privateKey(), ec)));

        assertEquals("A decryption key must be RSA, not EC", refused.getMessage());
    }

    @Test
    void decryptWhenMoreCandidateKeysThanTheLimitThenIllegalArgument() {
        List<PrivateKey> keys = Collections.nCopies(AssertionDecrypter.MAX_CANDIDATE_KEYS + 1, recipient().privateKey());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> decrypter.decrypt(encrypted(), keys));

        assertEquals("17 candidate keys; at most 16 are tried", refused.getMessage());
    }

    @Test
    void decryptWhenArgumentMissingThenNullPointerNamingIt() {
        Element encrypted = encrypted();

        assertEquals("encryptedAssertion", assertThrows(NullPointerException.class,
                () -> decrypter.decrypt(null, List.of(recipient().privateKey()))).getMessage());
        assertEquals("candidateKeys", assertThrows(NullPointerException.class,
                () -> decrypter.decrypt(encrypted, null)).getMessage());
    }

    @Test
    void decryptWhenWhitespaceAroundElementsAsInTheVectorThenDecrypts() {
        Element encrypted = encrypted();
        for (Node node : List.of(encryptedData(encrypted), encryptedKey(encrypted), encryptedKey(encrypted).getParentNode())) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                node.insertBefore(encrypted.getOwnerDocument().createTextNode("\n    "), child);
            }
        }
        Element value = contentCipherValue(encrypted);
        value.setTextContent(value.getTextContent().replaceAll("(.{76})", "$1\n"));

        TestAssertions.assertSignatureVerifies(decrypter.decrypt(encrypted, List.of(recipient().privateKey())));
    }
}

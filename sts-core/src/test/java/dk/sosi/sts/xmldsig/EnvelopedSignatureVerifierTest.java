package dk.sosi.sts.xmldsig;

import static dk.sosi.sts.xmldsig.XmlSignerTest.ds;
import static dk.sosi.sts.xmldsig.XmlSignerTest.message;
import static dk.sosi.sts.xmldsig.XmlSignerTest.reparse;
import static dk.sosi.sts.xmldsig.XmlSignerTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EnvelopedSignatureVerifierTest {

    private static final Set<SignatureAlgorithm> BOTH = Set.of(SignatureAlgorithm.RSA_SHA1, SignatureAlgorithm.RSA_SHA256);
    private static final String HMAC_SHA1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";
    private static final SignerCheck ANY_SIGNER = TestSigningKeys.TRUST_ANY;

    private static IssuedCredential employee;
    private static IssuedCredential other;
    private static IssuedCredential weak;

    private final EnvelopedSignatureVerifier verifier = new EnvelopedSignatureVerifier(BOTH);

    @BeforeAll
    static void keys() {
        employee = TestSigningKeys.employee();
        other = TestSigningKeys.other();
        weak = TestSigningKeys.weak();
    }

    private static Document signed(SignatureAlgorithm algorithm) throws Exception {
        return signed(algorithm, employee);
    }

    private static Document signed(SignatureAlgorithm algorithm, IssuedCredential credential) throws Exception {
        Document document = message();
        new XmlSigner(algorithm, SlaLog.NONE).signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD,
                credential.privateKey(), credential.certificate());
        return reparse(document);
    }

    private static void assertRefused(String expected, Executable verification) {
        StsFault fault = assertThrows(StsFault.class, verification);
        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(expected, fault.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_SHA1", "RSA_SHA256"})
    void verifyWhenSignedThenReturnsTheSigningCertificate(SignatureAlgorithm algorithm) throws Exception {
        Document document = signed(algorithm);

        assertEquals(employee.certificate(), verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenVerifiedInTheSignedDomWithoutSerialisingThenReturnsTheCertificate() throws Exception {
        Document document = message();
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD,
                employee.privateKey(), employee.certificate());

        assertEquals(employee.certificate(), verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenIdAttributeIsUpperCaseIdThenVerifies() throws Exception {
        Document document = message();
        Element token = token(document);
        token.removeAttribute("id");
        token.setAttributeNS(null, "ID", "IDCard");
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(token, "ID", XmlSigner.Placement.ID_CARD,
                employee.privateKey(), employee.certificate());
        Document received = reparse(document);

        assertEquals(employee.certificate(), verifier.verify(token(received), "ID", ANY_SIGNER));
        assertRefused(String.format(EnvelopedSignatureVerifier.NO_ID, "id"), () -> verifier.verify(token(received), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenCertificateBase64HasLineBreaksThenVerifies() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "X509Certificate").setTextContent("\n  "
                + Base64.getMimeEncoder().encodeToString(employee.certificate().getEncoded()) + "\n  ");

        assertEquals(employee.certificate(), verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenSignedContentTamperedThenInvalid() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        token(document).getFirstChild().setTextContent("43");

        assertRefused(EnvelopedSignatureVerifier.INVALID, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenIdValueChangedAndReferenceFollowsThenInvalid() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        token(document).setAttribute("id", "Other");
        ds(document, "Reference").setAttribute("URI", "#Other");

        assertRefused(EnvelopedSignatureVerifier.INVALID, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenCertificateOfAnotherKeyThenInvalid() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "X509Certificate").setTextContent(Base64.getEncoder().encodeToString(other.certificate().getEncoded()));

        assertRefused(EnvelopedSignatureVerifier.INVALID, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenNoSignatureThenNotSigned() throws Exception {
        Document document = message();

        assertRefused(EnvelopedSignatureVerifier.NOT_SIGNED, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenSignatureIsNotADirectChildThenNotSigned() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element token = token(document);
        Element value = (Element) token.getFirstChild();
        value.appendChild(ds(document, "Signature"));

        assertRefused(EnvelopedSignatureVerifier.NOT_SIGNED, () -> verifier.verify(token, "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenTwoSignaturesThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element token = token(document);
        token.appendChild(ds(document, "Signature").cloneNode(true));

        assertRefused(EnvelopedSignatureVerifier.MORE_THAN_ONE_SIGNATURE, () -> verifier.verify(token, "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenHmacSignatureMethodThenRefusedBeforeTheCertificateIsEvenRead() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "SignatureMethod").setAttribute("Algorithm", HMAC_SHA1);
        ds(document, "X509Certificate").setTextContent("not a certificate");

        assertRefused(String.format(EnvelopedSignatureVerifier.ALGORITHM_NOT_ACCEPTED, HMAC_SHA1),
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenAlgorithmNotInTheAcceptedSetThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        EnvelopedSignatureVerifier sha256Only = new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA256));

        assertRefused("The id-card signature uses an algorithm the STS does not accept: "
                + "http://www.w3.org/2000/09/xmldsig#rsa-sha1", () -> sha256Only.verify(token(document), "id", ANY_SIGNER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2001/04/xmldsig-more#md5"})
    void verifyWhenDigestMethodNotAcceptedThenRefused(String digest) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA256);
        ds(document, "DigestMethod").setAttribute("Algorithm", digest);
        EnvelopedSignatureVerifier sha256Only = new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA256));

        assertRefused(String.format(EnvelopedSignatureVerifier.ALGORITHM_NOT_ACCEPTED, digest),
                () -> sha256Only.verify(token(document), "id", ANY_SIGNER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11"})
    void verifyWhenCanonicalizationNotAcceptedThenRefused(String c14n) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "CanonicalizationMethod").setAttribute("Algorithm", c14n);

        assertRefused(String.format(EnvelopedSignatureVerifier.ALGORITHM_NOT_ACCEPTED, c14n),
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenXsltTransformThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        String xslt = "http://www.w3.org/TR/1999/REC-xslt-19991116";
        ((Element) document.getElementsByTagNameNS(Namespaces.DS, "Transform").item(1)).setAttribute("Algorithm", xslt);

        assertRefused(String.format(EnvelopedSignatureVerifier.TRANSFORM_NOT_ACCEPTED, xslt),
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenThreeTransformsThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element transforms = ds(document, "Transforms");
        transforms.appendChild(transforms.getLastChild().cloneNode(true));

        assertRefused(EnvelopedSignatureVerifier.TOO_MANY_TRANSFORMS, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenTwoReferencesThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element reference = ds(document, "Reference");
        reference.getParentNode().appendChild(reference.cloneNode(true));

        assertRefused(EnvelopedSignatureVerifier.REFERENCE_COUNT, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenSignatureHoldsAnObjectThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element signature = ds(document, "Signature");
        signature.appendChild(document.createElementNS(Namespaces.DS, "ds:Object"));

        assertRefused(EnvelopedSignatureVerifier.MALFORMED, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    /** Wrapping (a): the signature stays on a forged card, the signed original hides elsewhere under the same id. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void verifyWhenSignedOriginalIsNestedElsewhereUnderTheSameIdThenRefused(boolean insideTheForgery) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element forged = token(document);
        Element original = (Element) forged.cloneNode(true);
        Element wrapper = document.createElementNS("urn:test", "m:Wrapper");
        wrapper.appendChild(original);
        (insideTheForgery ? forged : document.getDocumentElement()).insertBefore(wrapper,
                insideTheForgery ? forged.getFirstChild() : document.getDocumentElement().getFirstChild());
        ((Element) forged.getElementsByTagNameNS("urn:test", "Value").item(0)).setTextContent("1000000");

        assertRefused(String.format(EnvelopedSignatureVerifier.DUPLICATE_ID, "IDCard"), () -> verifier.verify(forged, "id", ANY_SIGNER));
    }

    /** Wrapping (b): another element claims the card's id, in any of the usual id attributes. */
    @ParameterizedTest
    @CsvSource({",id", ",ID", ",Id", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd,wsu:Id",
            "http://www.w3.org/XML/1998/namespace,xml:id"})
    void verifyWhenAnotherElementCarriesTheSameIdThenRefused(String namespace, String attribute) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element decoy = document.createElementNS("urn:test", "m:Decoy");
        decoy.setAttributeNS(namespace, attribute, "IDCard");
        document.getDocumentElement().appendChild(decoy);

        assertRefused(String.format(EnvelopedSignatureVerifier.DUPLICATE_ID, "IDCard"), () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenAnotherElementsIdAttributeIsRegisteredWithTheSameValueThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element decoy = document.createElementNS("urn:test", "m:Decoy");
        decoy.setAttributeNS(null, "ref", "IDCard");
        decoy.setIdAttributeNS(null, "ref", true);
        document.getDocumentElement().appendChild(decoy);

        assertRefused(String.format(EnvelopedSignatureVerifier.DUPLICATE_ID, "IDCard"), () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    /** Wrapping (c): a valid signature over another element of the message, moved into the card. */
    @Test
    void verifyWhenReferenceTargetsAnotherElementThenRefused() throws Exception {
        Document document = message();
        Element body = (Element) token(document).getParentNode();
        body.setAttributeNS(null, "id", "Body");
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(body, "id", XmlSigner.Placement.ID_CARD,
                employee.privateKey(), employee.certificate());
        token(document).appendChild(ds(document, "Signature"));

        assertRefused(String.format(EnvelopedSignatureVerifier.WRONG_REFERENCE, "IDCard"),
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#xpointer(id('IDCard'))", "#xpointer(/)", "IDCard", "http://example.com/#IDCard"})
    void verifyWhenReferenceUriIsNotTheCardsIdThenRefused(String uri) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "Reference").setAttribute("URI", uri);

        assertRefused("The id-card signature must refer to the id-card itself: URI=\"#IDCard\"",
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenKeyHas1024BitsThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1, weak);

        assertRefused("The id-card signing key has 1024 bits; the STS requires at least 2048",
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenMinimumLoweredTo1024ThenWeakKeyVerifies() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1, weak);

        assertEquals(weak.certificate(), new EnvelopedSignatureVerifier(BOTH, 1024).verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenTwoCertificatesThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element x509Data = ds(document, "X509Data");
        Element second = (Element) ds(document, "X509Certificate").cloneNode(false);
        second.setTextContent(Base64.getEncoder().encodeToString(other.certificate().getEncoded()));
        x509Data.appendChild(second);

        assertRefused(EnvelopedSignatureVerifier.CERTIFICATE_COUNT, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenKeyInfoHasOnlyAKeyNameThenRefused() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        Element keyInfo = ds(document, "KeyInfo");
        keyInfo.removeChild(ds(keyInfo, "X509Data"));
        keyInfo.appendChild(document.createElementNS(Namespaces.DS, "ds:KeyName")).setTextContent("OCESSignature");

        assertRefused(EnvelopedSignatureVerifier.CERTIFICATE_COUNT, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "WDUwOQ=="})
    void verifyWhenCertificateUnreadableThenRefused(String content) throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "X509Certificate").setTextContent(content);

        assertRefused(EnvelopedSignatureVerifier.UNREADABLE_CERTIFICATE, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenSignatureValueGarbledThenInvalid() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "SignatureValue").setTextContent("AAAA");

        assertRefused(EnvelopedSignatureVerifier.INVALID, () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenPublicExponentHasThousandsOfBitsThenRefusedBeforeAnySignatureArithmetic() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA256, TestSigningKeys.hugeExponent());

        assertRefused("The id-card signing key's public exponent has 2000 bits; the STS accepts odd exponents of at most 32 bits",
                () -> verifier.verify(token(document), "id", ANY_SIGNER));
    }

    @Test
    void verifyWhenSignerCheckRefusesThenItsFaultAndTheBrokenSignatureIsNeverComputed() throws Exception {
        Document document = signed(SignatureAlgorithm.RSA_SHA1);
        ds(document, "SignatureValue").setTextContent("AAAA");
        StsFault untrusted = new StsFault(FaultCode.FAILED_AUTHENTICATION, "untrusted signer");

        StsFault fault = assertThrows(StsFault.class, () -> verifier.verify(token(document), "id", signer -> {
            assertEquals(employee.certificate(), signer);
            throw untrusted;
        }));

        assertEquals(untrusted, fault);
    }

    @Test
    void constructWhenNoAlgorithmOrMinimumBelow1024ThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> new EnvelopedSignatureVerifier(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new EnvelopedSignatureVerifier(BOTH, 512));
    }
}

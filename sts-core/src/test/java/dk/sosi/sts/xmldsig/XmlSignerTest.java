package dk.sosi.sts.xmldsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class XmlSignerTest {

    private static IssuedCredential signer;

    @BeforeAll
    static void keys() {
        signer = TestSigningKeys.employee();
    }

    static Document message() throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(("<m:Message xmlns:m=\"urn:test\"><m:Body>"
                + "<m:Token id=\"IDCard\"><m:Value>42</m:Value></m:Token></m:Body></m:Message>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    static Element token(Document document) {
        return (Element) document.getElementsByTagNameNS("urn:test", "Token").item(0);
    }

    static Element ds(Node scope, String localName) {
        NodeList found = scope instanceof Document d ? d.getElementsByTagNameNS(Namespaces.DS, localName)
                : ((Element) scope).getElementsByTagNameNS(Namespaces.DS, localName);
        return (Element) found.item(0);
    }

    static Document reparse(Document document) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(document)));
    }

    @Test
    void signWhenElementHasIdThenSignatureIsLastChildWithUnqualifiedId() throws Exception {
        Document document = message();
        Element token = token(document);

        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(token, "id", XmlSigner.Placement.ID_CARD,
                signer.privateKey(), signer.certificate());

        Element signature = (Element) token.getLastChild();
        assertEquals(Namespaces.DS, signature.getNamespaceURI());
        assertEquals("ds:Signature", signature.getNodeName());
        assertEquals("OCESSignature", signature.getAttributeNS(null, "id"));
        assertFalse(signature.hasAttributeNS(null, "Id"));
        assertSame(token, document.getElementById("IDCard"));
    }

    @Test
    void signWhenRsaSha1ThenSealAlgorithmsAndOneReferenceToTheElement() throws Exception {
        Document document = message();

        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD,
                signer.privateKey(), signer.certificate());

        assertEquals("http://www.w3.org/2001/10/xml-exc-c14n#", ds(document, "CanonicalizationMethod").getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2000/09/xmldsig#rsa-sha1", ds(document, "SignatureMethod").getAttribute("Algorithm"));
        assertEquals(1, document.getElementsByTagNameNS(Namespaces.DS, "Reference").getLength());
        assertEquals("#IDCard", ds(document, "Reference").getAttribute("URI"));
        assertEquals(List.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"),
                algorithms(document.getElementsByTagNameNS(Namespaces.DS, "Transform")));
        assertEquals("http://www.w3.org/2000/09/xmldsig#sha1", ds(document, "DigestMethod").getAttribute("Algorithm"));
    }

    @Test
    void signWhenRsaSha256ThenSha256Methods() throws Exception {
        Document document = message();

        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD,
                signer.privateKey(), signer.certificate());

        assertEquals(SignatureAlgorithm.RSA_SHA256.signatureUri(), ds(document, "SignatureMethod").getAttribute("Algorithm"));
        assertEquals(SignatureAlgorithm.RSA_SHA256.digestUri(), ds(document, "DigestMethod").getAttribute("Algorithm"));
    }

    @Test
    void signThenKeyInfoHoldsTheCertificateAndNoBase64ValueHasLineBreaks() throws Exception {
        Document document = message();

        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD,
                signer.privateKey(), signer.certificate());

        Element signature = ds(document, "Signature");
        assertEquals(List.of("SignedInfo", "SignatureValue", "KeyInfo"), childNames(signature));
        assertEquals(List.of("X509Data"), childNames(ds(signature, "KeyInfo")));
        assertEquals(Base64.getEncoder().encodeToString(signer.certificate().getEncoded()),
                ds(signature, "X509Certificate").getTextContent());
        assertEquals(344, ds(signature, "SignatureValue").getTextContent().length());
        String serialised = new String(SecureXml.toBytes(signature), StandardCharsets.UTF_8);
        assertFalse(serialised.contains("\n") || serialised.contains("\r") || serialised.contains("&#13;"), serialised);
    }

    @Test
    void signWhenElementNotYetInDocumentThenVerifiesOnceAppended() throws Exception {
        Document document = message();
        Element detached = (Element) token(document).cloneNode(true);
        detached.setAttribute("id", "Detached");

        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(detached, "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate());
        token(document).getParentNode().appendChild(detached);

        Document received = reparse(document);
        Element card = (Element) received.getElementsByTagNameNS("urn:test", "Token").item(1);
        assertEquals(signer.certificate(),
                new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA1)).verify(card, "id", TestSigningKeys.TRUST_ANY));
    }

    @Test
    void signWhenDocumentBuiltWithoutNamespaceDeclarationsThenStillVerifiesAfterTransport() throws Exception {
        Document document = SecureXml.newDocument();
        Element message = document.createElementNS("urn:test", "m:Message");
        document.appendChild(message);
        Element token = document.createElementNS("urn:test", "m:Token");
        token.setAttributeNS(null, "id", "IDCard");
        token.setAttributeNS(Namespaces.WSU, "wsu:Created", "2020-04-04T09:41:32Z");
        token.appendChild(document.createElementNS("urn:other", "o:Value")).setTextContent("42");
        message.appendChild(token);

        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(token, "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate());

        assertEquals(signer.certificate(), new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA1))
                .verify(token(reparse(document)), "id", TestSigningKeys.TRUST_ANY));
    }

    @Test
    void signWhenCalledFromManyThreadsThenEverySignatureVerifies() throws Exception {
        XmlSigner shared = new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE);
        EnvelopedSignatureVerifier verifier = new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA256));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<X509Certificate>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(threads.submit(() -> {
                    Document document = message();
                    shared.signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate());
                    return verifier.verify(token(reparse(document)), "id", TestSigningKeys.TRUST_ANY);
                }));
            }
            for (Future<X509Certificate> result : results) {
                assertEquals(signer.certificate(), result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void signWhenElementLacksIdAttributeThenIllegalArgument() throws Exception {
        Document document = message();

        assertThrows(IllegalArgumentException.class, () -> new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE)
                .signEnveloped(token(document), "ID", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate()));
    }

    @Test
    void signWhenElementAlreadySignedThenIllegalArgument() throws Exception {
        Document document = message();
        XmlSigner rsaSha1 = new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE);
        rsaSha1.signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate());

        assertThrows(IllegalArgumentException.class,
                () -> rsaSha1.signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD, signer.privateKey(), signer.certificate()));
    }

    @Test
    void signWhenKeyDoesNotFitTheAlgorithmThenIllegalStateAndNoSignatureLeftBehind() throws Exception {
        Document document = message();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        PrivateKey ecKey = ec.generateKeyPair().getPrivate();

        assertThrows(IllegalStateException.class, () -> new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE)
                .signEnveloped(token(document), "id", XmlSigner.Placement.ID_CARD, ecKey, signer.certificate()));
        assertEquals(List.of("Value"), childNames(token(document)));
    }

    private static List<String> algorithms(NodeList elements) {
        List<String> algorithms = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            algorithms.add(((Element) elements.item(i)).getAttribute("Algorithm"));
        }
        return algorithms;
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            names.add(node.getNodeType() == Node.ELEMENT_NODE ? node.getLocalName() : "#text:" + node.getNodeValue());
        }
        return names;
    }
}

package dk.sosi.sts.xmldsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The detached (WS-Security message) mode of the signer and the verifier, with each other and through the wire. */
class DetachedSignatureTest {

    private static final String MESSAGE = "<s:Envelope xmlns:s=\"" + Namespaces.SOAP11 + "\" xmlns:wsa=\"" + Namespaces.WSA
            + "\" xmlns:wsse=\"" + Namespaces.WSSE + "\" xmlns:wsu=\"" + Namespaces.WSU + "\"><s:Header>"
            + "<wsa:Action wsu:Id=\"action\">urn:issue</wsa:Action><wsa:MessageID wsu:Id=\"messageID\">urn:uuid:1</wsa:MessageID>"
            + "<wsse:Security><wsu:Timestamp wsu:Id=\"ts\"><wsu:Created>2026-11-29T10:00:00Z</wsu:Created></wsu:Timestamp>"
            + "</wsse:Security></s:Header><s:Body wsu:Id=\"body\"><r:Request xmlns:r=\"urn:test\">42</r:Request></s:Body>"
            + "</s:Envelope>";

    private final IssuedCredential signer = TestSigningKeys.employee();
    private final SignatureVerifier verifier = new SignatureVerifier(SignaturePolicy.message(EnumSet.allOf(SignatureAlgorithm.class)));

    private static Document parse(byte[] xml) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(xml));
    }

    private static Element first(Document doc, String namespace, String localName) {
        return (Element) doc.getElementsByTagNameNS(namespace, localName).item(0);
    }

    private static List<Element> parts(Document doc) {
        return new ArrayList<>(List.of(first(doc, Namespaces.WSA, "MessageID"), first(doc, Namespaces.WSA, "Action"),
                first(doc, Namespaces.WSU, "Timestamp"), first(doc, Namespaces.SOAP11, "Body")));
    }

    private Document signed() throws Exception {
        Document doc = parse(MESSAGE.getBytes(StandardCharsets.UTF_8));
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signDetached(first(doc, Namespaces.WSSE, "Security"), parts(doc),
                signer.privateKey(), signer.certificate());
        return parse(SecureXml.toBytes(doc));
    }

    private VerifiedSignature verify(Document received) {
        return verifier.verifyDetached(first(received, Namespaces.DS, "Signature"), first(received, Namespaces.WSSE, "Security"),
                parts(received), TestSigningKeys.TRUST_ANY);
    }

    @Test
    void verifyDetachedWhenSignedAndSentThenTheSignerAndEveryPartCovered() throws Exception {
        Document received = signed();

        VerifiedSignature verified = verify(received);

        assertEquals(signer.certificate(), verified.certificate());
        parts(received).forEach(part -> assertTrue(verified.covers(part), part.getNodeName()));
        assertEquals(4, received.getElementsByTagNameNS(Namespaces.DS, "Reference").getLength());
    }

    @Test
    void verifyDetachedWhenBodyChangedAfterSigningThenInvalid() throws Exception {
        Document received = signed();
        first(received, "urn:test", "Request").setTextContent("43");

        StsFault fault = assertThrows(StsFault.class, () -> verify(received));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(String.format(SignatureVerifier.INVALID, "message"), fault.getMessage());
    }

    @Test
    void verifyDetachedWhenAReferenceNamesAnElementOutsideThePartsThenRefusedBeforeAnyDigest() throws Exception {
        Document received = signed();
        List<Element> withoutBody = parts(received);
        withoutBody.remove(3);

        StsFault fault = assertThrows(StsFault.class, () -> verifier.verifyDetached(first(received, Namespaces.DS, "Signature"),
                first(received, Namespaces.WSSE, "Security"), withoutBody, TestSigningKeys.TRUST_ANY));

        assertEquals(String.format(SignatureVerifier.UNKNOWN_REFERENCE, "message", "\"#body\""), fault.getMessage());
    }

    @Test
    void verifyDetachedWhenTwoPartsCarryTheSameIdThenRefused() throws Exception {
        Document received = signed();
        first(received, Namespaces.WSA, "Action").setAttributeNS(Namespaces.WSU, "wsu:Id", "body");

        StsFault fault = assertThrows(StsFault.class, () -> verify(received));

        assertEquals(String.format(SignatureVerifier.DUPLICATE_ID, "message", "body"), fault.getMessage());
    }
}

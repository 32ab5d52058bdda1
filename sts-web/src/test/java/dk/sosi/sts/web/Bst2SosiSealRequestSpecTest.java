package dk.sosi.sts.web;

import static dk.sosi.sts.web.Bst2SosiFixture.attribute;
import static dk.sosi.sts.web.Bst2SosiFixture.card;
import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WSSE;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Seal 2.6.25's BST2SOSI request (../shared/spec/vectors/ehdsi/seal-to-sts-person-request.xml) in its own shape:
 * wsse:Security before the WS-Addressing headers, an indented OIOH3BST without CPR (the professional UUID goes
 * through UUID2CPR), the claims ITSystemName and SubjectNameID, the message signed rsa-sha1. Only its token's
 * Issuer, times and holder-of-key certificate are replaced, and token and message re-signed with test keys.
 */
class Bst2SosiSealRequestSpecTest {

    private static final String UUID_IN_VECTOR = "00798849-effe-4733-bcc4-670093830511";

    private static StsTestServer sts;
    private static Bst2SosiFixture bst;
    private static Path vectors;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        bst = new Bst2SosiFixture(sts);
        vectors = Path.of(System.getProperty("sts.spec.dir")).resolve("vectors");
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        throw new AssertionError("No " + localName + " in " + parent.getNodeName());
    }

    @Test
    void exchangeWhenSealsRequestResignedWithTestKeysThenCardForTheSubjectNameId() throws Exception {
        Document request;
        try (InputStream in = Files.newInputStream(vectors.resolve("ehdsi").resolve("seal-to-sts-person-request.xml"))) {
            request = SecureXml.parse(in);
        }
        IssuedCredential karl = bst.karl();
        bst.uuid2CprAnswers(UUID_IN_VECTOR, Bst2SosiFixture.newCpr());
        String issuer = bst.addIssuer("seal", Map.of("signingKey.test", Bst2SosiFixture.base64(bst.idp().signing().certificate()),
                "tokenProfile.1", "OIOH3BST", "validateHOK", "true", "certificate.portal", Bst2SosiFixture.serialOf(karl)));
        try {
            Instant now = Instant.now();
            Element token = (Element) request.getElementsByTagNameNS(SAML, "Assertion").item(0);
            token.removeChild(child(token, DS, "Signature"));
            child(token, SAML, "Issuer").setTextContent(issuer);
            token.setAttribute("IssueInstant", XmlTimes.zulu(now));
            child(token, SAML, "Conditions").setAttribute("NotOnOrAfter", XmlTimes.zulu(now.plus(Duration.ofMinutes(5))));
            token.getElementsByTagNameNS(DS, "X509Certificate").item(0)
                    .setTextContent(Base64.getEncoder().encodeToString(karl.certificate().getEncoded()));
            new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signEnveloped(token, "ID", XmlSigner.Placement.AFTER_ISSUER,
                    bst.idp().signing().privateKey(), bst.idp().signing().certificate());
            Element security = (Element) request.getElementsByTagNameNS(WSSE, "Security").item(0);
            security.removeChild(child(security, DS, "Signature"));
            Element timestamp = child(security, WSU, "Timestamp");
            child(timestamp, WSU, "Created").setTextContent(XmlTimes.zulu(now));
            new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signDetached(security, List.of(
                    (Element) request.getElementsByTagNameNS(SoapFaults.SOAP, "Body").item(0), timestamp,
                    (Element) request.getElementsByTagNameNS(WSA, "MessageID").item(0),
                    (Element) request.getElementsByTagNameNS(WSA, "Action").item(0)), karl.privateKey(), karl.certificate());
            Element header = (Element) request.getElementsByTagNameNS(SoapFaults.SOAP, "Header").item(0);
            assertEquals("Security", child(header, WSSE, "Security").getLocalName());
            assertEquals(security, firstElement(header), "Seal's shape: wsse:Security before WS-Addressing");

            Document answer = bst.awaitAnswer(request);

            Element card = card(answer);
            assertEquals("Service Consumer Test", attribute(card, "medcom:ITSystemName"));
            assertEquals("33257872", attribute(card, "medcom:CareProviderID"));
            assertEquals("Sundhedsdatastyrelsen", attribute(card, "medcom:CareProviderName"));
            assertEquals("urn:uuid:" + UUID_IN_VECTOR, card.getElementsByTagNameNS(SAML, "NameID").item(0).getTextContent());
            assertEquals("https://audience.nspop.dk/dgws", answer.getElementsByTagNameNS(WSA, "Address").item(0).getTextContent());
            assertEquals("urn:uuid:631853da-5d50-44da-8395-12c955c5801a", ((Element) answer.getElementsByTagNameNS(
                    OioClientFixture.WST, "RequestSecurityTokenResponse").item(0)).getAttribute("Context"));
        } finally {
            bst.removeIssuer(issuer);
        }
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty " + parent.getNodeName());
    }
}

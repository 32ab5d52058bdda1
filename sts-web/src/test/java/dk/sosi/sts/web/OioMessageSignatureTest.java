package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.DS;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.SOAP;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WSSE;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The caller step of the OIO endpoints (exchanges.md 2.4) over HTTP, at Sosi2OIOSaml: iboRequestHandler's
 * validateEnvelopeSignature, and each way a message signature can be bent, refused with a text that names what
 * is wrong. Where the signer is not trusted, the refusal says so even when the signature would not verify
 * either: the signer's trust is decided before any signature arithmetic.
 */
class OioMessageSignatureTest {

    private static StsTestServer sts;
    private static OioClientFixture clients;
    @TempDir
    static Path lenientConfiguration;
    /** A second STS whose iboRequestHandler has validateEnvelopeSignature false, started by the first test that needs it. */
    private static StsServer lenient;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new OioClientFixture(sts);
    }

    @AfterAll
    static void stop() throws Exception {
        if (lenient != null) {
            lenient.close();
        }
    }

    private static synchronized StsServer lenient() throws Exception {
        if (lenient == null) {
            OioClientFixture.editedConfiguration(lenientConfiguration, "<property name=\"validateEnvelopeSignature\" value=\"true\"/>",
                    "<property name=\"validateEnvelopeSignature\" value=\"false\"/>");
            lenient = StsTestServer.startAnother(lenientConfiguration);
        }
        return lenient;
    }

    /** A request for a fresh employee card to the demo audience, not yet signed. */
    private static OioRequestBuilder request() throws Exception {
        return new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(DemoServiceProvider.AUDIENCE);
    }

    /** {@link #request()} signed as the demo employee's client signs it: MessageID, Action, Timestamp and Body. */
    private static Document signedRequest() throws Exception {
        return clients.signedRequest(request());
    }

    private static Element first(Document document, String namespace, String localName) {
        return (Element) document.getElementsByTagNameNS(namespace, localName).item(0);
    }

    private static Element first(Element parent, String namespace, String localName) {
        return (Element) parent.getElementsByTagNameNS(namespace, localName).item(0);
    }

    private static Element header(Document request) {
        return first(request, SOAP, "Header");
    }

    /**
     * Adds to the unsigned {@code request} a {@code wsse:Security} header holding a {@code wsu:Timestamp} (Created, and
     * Expires unless null), as a client does before it signs; returns the timestamp.
     */
    private static Element timestamp(Document request, Instant created, Instant expires) {
        Element security = request.createElementNS(WSSE, "wsse:Security");
        security.setAttributeNS(null, "mustUnderstand", "1");
        header(request).appendChild(security);
        Element timestamp = identified(request.createElementNS(WSU, "wsu:Timestamp"), "ts");
        security.appendChild(timestamp);
        timestamp.appendChild(request.createElementNS(WSU, "wsu:Created")).setTextContent(XmlTimes.zulu(created));
        if (expires != null) {
            timestamp.appendChild(request.createElementNS(WSU, "wsu:Expires")).setTextContent(XmlTimes.zulu(expires));
        }
        return timestamp;
    }

    /** Signs {@code parts} of the message with {@code signer}'s key, detached, into the timestamp's wsse:Security. */
    private static void sign(Element timestamp, List<Element> parts, DemoClient signer) {
        IssuedCredential credential = clients.client(signer);
        new XmlSigner(SignatureAlgorithm.RSA_SHA256, SlaLog.NONE).signDetached((Element) timestamp.getParentNode(), parts,
                credential.privateKey(), credential.certificate());
    }

    /** MessageID, Action, Timestamp and Body: what every known client signs. */
    private static List<Element> usualParts(Document request, Element timestamp) {
        return new ArrayList<>(List.of(first(request, WSA, "MessageID"), first(request, WSA, "Action"), timestamp,
                first(request, SOAP, "Body")));
    }

    private static Element identified(Element element, String id) {
        element.setAttributeNS(WSU, "wsu:Id", id);
        return element;
    }

    /** Changes the signed Body after signing: a signature over it no longer verifies. */
    private static void tamper(Document request) {
        first(request, WST, "RequestSecurityToken").setAttributeNS(null, "Context", "urn:uuid:changed-after-signing");
    }

    // --- validateEnvelopeSignature ---

    @Test
    void exchangeWhenUnsignedAndValidateEnvelopeSignatureShippedTrueThenFailedAuthenticationAskingForASignature() throws Exception {
        Document unsigned = request().unsigned();
        assertEquals(0, unsigned.getElementsByTagNameNS(WSSE, "Security").getLength(), "unsealed's shape: no wsse:Security");

        SoapFaults fault = clients.fault(unsigned);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message must be signed: put a ds:Signature over wsa:MessageID, wsa:Action, wsu:Timestamp and soap:Body "
                + "in the wsse:Security header", fault.faultstring());
    }

    @Test
    void exchangeWhenUnsignedAndValidateEnvelopeSignatureFalseThenAccepted() throws Exception {
        Document unsigned = request().unsigned();

        Document answer = OioClientFixture.answer(clients.post(lenient().baseUri(), unsigned));

        assertEquals(DemoServiceProvider.AUDIENCE, clients.decrypted(answer).getElementsByTagNameNS(SAML, "Audience").item(0)
                .getTextContent());
    }

    @Test
    void exchangeWhenSignedButBrokenAndValidateEnvelopeSignatureFalseThenStillRefused() throws Exception {
        Document request = signedRequest();
        tamper(request);

        SoapFaults fault = OioClientFixture.fault(request, clients.post(lenient().baseUri(), request));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message signature is invalid", fault.faultstring());
    }

    // --- signature wrapping ---

    @Test
    void exchangeWhenSignedBodyMovedIntoAHeaderAndAnotherBodyWithItsIdInsertedThenDuplicateIdRefused() throws Exception {
        Document request = signedRequest();
        Element signedBody = first(request, SOAP, "Body");
        Element forged = (Element) signedBody.cloneNode(true);
        first(forged, WSA, "Address").setTextContent("https://attacker.example/");
        Element wrapper = request.createElementNS("urn:example:attacker", "x:Wrapper");
        header(request).appendChild(wrapper).appendChild(signedBody);
        request.getDocumentElement().appendChild(forged);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message's id \"body\" is also used by another element of the message", fault.faultstring());
    }

    @Test
    void exchangeWhenSignedBodyMovedIntoAHeaderAndAnUnidentifiedBodyInsertedThenTheReferenceIsNoPartOfTheMessage() throws Exception {
        Document request = signedRequest();
        Element signedBody = first(request, SOAP, "Body");
        Element forged = (Element) signedBody.cloneNode(true);
        forged.removeAttributeNS(WSU, "Id");
        header(request).appendChild(request.createElementNS("urn:example:attacker", "x:Wrapper")).appendChild(signedBody);
        request.getDocumentElement().appendChild(forged);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message signature refers to \"#body\", which is no part of the message it may sign", fault.faultstring());
    }

    @Test
    void exchangeWhenTwoHeaderElementsCarryTheSameWsuIdThenRefused() throws Exception {
        Document request = signedRequest();
        Element copy = identified(request.createElementNS("urn:example:attacker", "x:Audit"), "messageID");
        copy.setTextContent("urn:uuid:" + UUID.randomUUID());
        header(request).appendChild(copy);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message's id \"messageID\" is also used by another element of the message", fault.faultstring());
    }

    @Test
    void exchangeWhenASecondUnsignedMessageIdFollowsTheSignedOneThenInvalidRequest() throws Exception {
        Document request = signedRequest();
        Element signed = first(request, WSA, "MessageID");
        Element second = request.createElementNS(WSA, "wsa:MessageID");
        second.setTextContent("urn:uuid:" + UUID.randomUUID());
        header(request).insertBefore(second, signed.getNextSibling());

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The SOAP Header holds more than one wsa:MessageID", fault.faultstring());
    }

    @Test
    void exchangeWhenSignatureRefersToAnElementInsideTheBodyThenRefused() throws Exception {
        Document request = request().unsigned();
        Element timestamp = timestamp(request, Instant.now(), null);
        List<Element> parts = usualParts(request, timestamp);
        parts.add(identified(first(request, WST, "RequestSecurityToken"), "rst"));
        sign(timestamp, parts, DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message signature refers to \"#rst\", which is no part of the message it may sign", fault.faultstring());
    }

    // --- the timestamp ---

    @Test
    void exchangeWhenTimestampExpiresBeyondTheDriftInThePastThenInvalidSecurityToken() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.minus(Duration.ofMinutes(6)); // allowedDriftInSeconds ships as 300
        Document request = request().unsigned();
        Element timestamp = timestamp(request, now.minus(Duration.ofMinutes(10)), expires);
        sign(timestamp, usualParts(request, timestamp), DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The message expired at " + XmlTimes.zulu(expires) + " (wsu:Timestamp/wsu:Expires)", fault.faultstring());
    }

    @Test
    void exchangeWhenTimestampCreatedBeyondTheDriftInTheFutureThenInvalidSecurityToken() throws Exception {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(10));
        Document request = request().unsigned();
        Element timestamp = timestamp(request, created, null);
        sign(timestamp, usualParts(request, timestamp), DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The message's wsu:Created " + XmlTimes.zulu(created) + " lies in the future", fault.faultstring());
    }

    // --- coverage ---

    @ParameterizedTest
    @ValueSource(strings = {"wsa:MessageID", "wsa:Action", "wsu:Timestamp", "soap:Body"})
    void exchangeWhenARequiredPartIsLeftUnsignedThenMissingLibertySignatureNamingIt(String unsigned) throws Exception {
        Document request = request().unsigned();
        Element timestamp = timestamp(request, Instant.now(), null);
        List<Element> parts = usualParts(request, timestamp);
        parts.removeIf(part -> part.getNodeName().equals(unsigned));
        assertEquals(3, parts.size());
        sign(timestamp, parts, DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Missing Liberty signature on element " + unsigned, fault.faultstring());
    }

    @Test
    void exchangeWhenWsaToPresentButUnsignedThenMissingLibertySignatureOnIt() throws Exception {
        Document request = request().unsigned();
        Element to = identified(request.createElementNS(WSA, "wsa:To"), "to");
        to.setTextContent(sts.uri(OioClientFixture.SOSI2OIOSAML).toString());
        header(request).insertBefore(to, first(request, WSA, "MessageID").getNextSibling());
        Element timestamp = timestamp(request, Instant.now(), null);
        sign(timestamp, usualParts(request, timestamp), DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Missing Liberty signature on element wsa:To", fault.faultstring());
    }

    // --- the signer ---

    @Test
    void exchangeWhenKeyInfoNamesAnotherTrustedCertificateThanTheSignersThenInvalidSignature() throws Exception {
        Document request = signedRequest();
        X509Certificate other = clients.client(DemoClient.SYSTEM_FOCES).certificate();
        first(request, DS, "X509Certificate").setTextContent(Base64.getEncoder().encodeToString(other.getEncoded()));

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The message signature is invalid", fault.faultstring());
    }

    @Test
    void exchangeWhenSignerFromAnUntrustedCaThenUntrustedPartyBeforeTheSignatureIsComputed() throws Exception {
        Document request = clients.signedRequest(request(), DemoClient.UNTRUSTED_FOCES, SignatureAlgorithm.RSA_SHA256);
        tamper(request);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals(FederationTrust.UNTRUSTED, fault.faultstring());
    }

    @Test
    void exchangeWhenSignerCertificateExpiredThenInvalidSecurityTokenBeforeTheSignatureIsComputed() throws Exception {
        X509Certificate expired = clients.client(DemoClient.EMPLOYEE_MOCES_EXPIRED).certificate();
        Document request = clients.signedRequest(request(), DemoClient.EMPLOYEE_MOCES_EXPIRED, SignatureAlgorithm.RSA_SHA256);
        tamper(request);

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The signing certificate " + CertificateNames.subjectSerialNumber(expired) + " expired at "
                + expired.getNotAfter().toInstant(), fault.faultstring());
    }

    @Test
    void exchangeWhenSignerCertificateRevokedThenInvalidSecurityTokenBeforeTheSignatureIsComputed() throws Exception {
        X509Certificate revoked = clients.client(DemoClient.EMPLOYEE_MOCES_REVOKED).certificate();
        Document request = clients.signedRequest(request(), DemoClient.EMPLOYEE_MOCES_REVOKED, SignatureAlgorithm.RSA_SHA256);
        tamper(request);

        // the demo CRL arrives with the CRL fetcher's first round, a second after the STS starts
        SoapFaults fault = OioClientFixture.fault(request, Await.until(() -> clients.post(request),
                response -> response.body().contains("revoked")));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The signing certificate " + CertificateNames.subjectSerialNumber(revoked) + " has been revoked",
                fault.faultstring());
    }
}

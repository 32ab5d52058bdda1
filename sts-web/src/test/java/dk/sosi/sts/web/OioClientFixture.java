package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an employee's client and a receiving system do around Sosi2OIOSaml, with the demo PKI: get an id-card from
 * NewSecurityTokenService, build and sign the OIO request, post it, and decrypt the answer's assertion with the
 * receiving system's key; and what an admin does: add receiving systems to {@code sts_audconf.iboConfig} with SQL,
 * or edit services.xml for a second STS.
 */
final class OioClientFixture {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The faultactor of every fault the OIO endpoints answer (exchanges.md 2.7). */
    static final String OIO_ACTOR = "http://sosi.dk/sts";
    static final String SOSI2OIOSAML = "/services/Sosi2OIOSaml";

    private final StsTestServer sts;
    private final DemoConfiguration demo;

    OioClientFixture(StsTestServer sts) {
        this.sts = sts;
        this.demo = sts.embedded().demo();
    }

    IssuedCredential client(DemoClient client) {
        return demo.loadClientCredential(client);
    }

    IssuedCredential serviceProvider() {
        return DemoServiceProvider.ensure(demo);
    }

    /** The STS's own key, to make cards a test needs that the DGWS service would never issue (expired, level 2, …). */
    IssuedCredential stsKey() {
        return demo.loadStsCredential();
    }

    // --- id-cards ---

    /** An id-card the STS issues for the demo employee Karl Hansen (MOCES), with a fresh CPR that CVR-RID confirms. */
    Element employeeCard() throws Exception {
        return employeeCard(Optional.of("karl@demo.dk"));
    }

    /** As {@link #employeeCard()}, with {@code email} as the user's e-mail address (none if empty). */
    Element employeeCard(Optional<String> email) throws Exception {
        return employeeCard(sts.uri(""), email);
    }

    /** As {@link #employeeCard()}, issued by the STS at {@code base} (e.g. a second STS's base URI). */
    Element employeeCard(URI base) throws Exception {
        return employeeCard(base, Optional.of("karl@demo.dk"));
    }

    private Element employeeCard(URI base, Optional<String> email) throws Exception {
        IssuedCredential karl = client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCpr();
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), cpr, "7170")
                .userLog(Optional.of(new UserLog(Optional.of(cpr), "Karl", "Hansen", email, "7170", Optional.empty(), Optional.empty())))
                .build();
        return issued(base, card, karl);
    }

    /** An id-card the STS issues for Karl Hansen signing with his OCES3 employee certificate (MOCES3), CPR from UUID2CPR. */
    Element moces3Card() throws Exception {
        IssuedCredential karl = client(DemoClient.EMPLOYEE_MOCES3);
        String uuid = CertificateNames.subjectSerialNumber(karl.certificate()).substring("UI:DK-E:G:".length());
        String cpr = newCpr();
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.uuid2Cpr(uuid)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
        return issued(sts.uri(""), DgwsClientFixture.userCard(karl.certificate(), cpr, "7170").build(), karl);
    }

    /** An id-card the STS issues for the demo system (FOCES): a system card. */
    Element systemCard() throws Exception {
        IssuedCredential system = client(DemoClient.SYSTEM_FOCES);
        return issued(sts.uri(""), DgwsClientFixture.systemCard(system.certificate()).build(), system);
    }

    private Element issued(URI base, IdCard card, IssuedCredential signer) throws Exception {
        HttpResponse<String> response = sts.post(URI.create(base + "/services/NewSecurityTokenService"), DgwsClientFixture.text(
                DgwsClientFixture.request(card, signer, SignatureAlgorithm.RSA_SHA1, "card-" + UUID.randomUUID()))
                .getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
        Document answer = StsTestServer.xml(response.body());
        assertEquals(0, answer.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return (Element) answer.getElementsByTagNameNS(SAML, "Assertion").item(0);
    }

    /** What {@code card} says, read as the STS reads it. */
    static IdCard content(Element card) {
        return new IdCardParser(DgwsClientFixture.COPENHAGEN).parse(card).card();
    }

    /** {@code card} written as the STS writes cards and signed with the STS's own key: a card the STS vouches for. */
    Element stsSigned(IdCard card) {
        return signed(card, stsKey().privateKey(), stsKey().certificate());
    }

    /** {@code card} written as the STS writes cards and signed, rsa-sha1 as the STS signs, with {@code key}. */
    static Element signed(IdCard card, PrivateKey key, X509Certificate certificate) {
        Document document = SecureXml.newDocument();
        Element element = new IdCardWriter(DgwsClientFixture.COPENHAGEN).write(card, document);
        document.appendChild(element);
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(element, "id", XmlSigner.Placement.ID_CARD, key,
                certificate);
        return element;
    }

    // --- requests and answers ---

    /** A request for {@code card} to the demo audience, signed with the demo employee's certificate. */
    Document signedRequest(Element card) {
        return signedRequest(new OioRequestBuilder().actAs(card).appliesTo(DemoServiceProvider.AUDIENCE));
    }

    Document signedRequest(OioRequestBuilder request) {
        return signedRequest(request, DemoClient.EMPLOYEE_MOCES, SignatureAlgorithm.RSA_SHA256);
    }

    Document signedRequest(OioRequestBuilder request, DemoClient signer, SignatureAlgorithm algorithm) {
        IssuedCredential credential = client(signer);
        return request.signed(credential.privateKey(), credential.certificate(), algorithm, Instant.now());
    }

    HttpResponse<String> post(Document request) throws Exception {
        return sts.post(SOSI2OIOSAML, text(request), "text/xml; charset=utf-8");
    }

    /** Posts {@code request} to Sosi2OIOSaml of the STS at {@code base} (e.g. a second STS's base URI). */
    HttpResponse<String> post(URI base, Document request) throws Exception {
        return sts.post(URI.create(base + SOSI2OIOSAML), text(request).getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
    }

    /** The answer of a successful exchange, checked to be no fault. */
    Document answer(Document request) throws Exception {
        return answer(post(request));
    }

    static Document answer(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        Document answer = StsTestServer.xml(response.body());
        assertEquals(0, answer.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return answer;
    }

    /**
     * The fault {@code request} gets, checked for what every OIO fault must carry (exchanges.md 2.7): HTTP 200 as
     * httpCodeForFaultResponse ships, faultcode, faultstring, the STS's faultactor and wsa:RelatesTo naming the
     * request's wsa:MessageID.
     */
    SoapFaults fault(Document request) throws Exception {
        return fault(request, post(request));
    }

    static SoapFaults fault(Document request, HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, StsTestServer.xml(response.body()).getElementsByTagNameNS(SOAP, "Fault").getLength(),
                "a fault: " + response.body());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals(WST, fault.trustNamespace(), response.body());
        assertEquals(OIO_ACTOR, fault.faultactor(), response.body());
        assertEquals(messageId(request), fault.inResponseTo(), response.body());
        return fault;
    }

    /**
     * Posts {@code request} until the STS knows the audience it names (the configuration is re-read every second in
     * tests), and returns that response.
     */
    HttpResponse<String> awaitConfigured(URI base, Document request) throws Exception {
        return Await.until(() -> post(base, request), response -> !response.body().contains("Audience not configured"));
    }

    HttpResponse<String> awaitConfigured(Document request) throws Exception {
        return awaitConfigured(sts.uri(""), request);
    }

    /** The answer's encrypted assertion, decrypted as the receiving system does. */
    Element decrypted(Document answer) {
        return decrypted(answer, serviceProvider().privateKey());
    }

    /** The answer's encrypted assertion, decrypted with {@code key}. */
    static Element decrypted(Document answer, PrivateKey key) {
        Element encrypted = (Element) answer.getElementsByTagNameNS(SAML, "EncryptedAssertion").item(0);
        return new AssertionDecrypter().decrypt(encrypted, List.of(key));
    }

    static String messageId(Document request) {
        return request.getElementsByTagNameNS(WSA, "MessageID").item(0).getTextContent();
    }

    static String text(Document document) {
        return new String(SecureXml.toBytes(document), StandardCharsets.UTF_8);
    }

    /** The text of the first attribute {@code name} of {@code assertion}, or null. */
    static String attribute(Element assertion, String name) {
        Element attribute = attributeElement(assertion, name);
        return attribute == null ? null : attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).getTextContent();
    }

    /** The first attribute {@code name} of {@code assertion}, or null. */
    static Element attributeElement(Element assertion, String name) {
        var attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return attribute;
            }
        }
        return null;
    }

    // --- what an admin does ---

    /**
     * Adds a receiving system to {@code sts_audconf.iboConfig} as an admin does with SQL, with the demo receiving
     * system's offsets; returns its audience, {@code https://<name>-<uuid>.sosi-sts.dk/}.
     */
    String addAudience(String name, String publicKey, boolean includeBST, Integer idCardMaxAgeMins, String encryption)
            throws Exception {
        String audience = "https://" + name + "-" + UUID.randomUUID() + ".sosi-sts.dk/";
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement("INSERT INTO sts_audconf.iboConfig (audience,"
                + " publicKey, recipientURL, includeBST, deliveryNotOnOrAfterOffset, notBeforeOffset, notOnOrAfterOffset,"
                + " idCardMaxAgeMins, encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, audience);
            s.setString(2, publicKey);
            s.setString(3, audience + "saml/SAMLAssertionConsumer");
            s.setBoolean(4, includeBST);
            s.setLong(5, Duration.ofMinutes(5).toMillis());
            s.setLong(6, Duration.ofMinutes(5).toMillis());
            s.setLong(7, Duration.ofHours(1).toMillis());
            s.setObject(8, idCardMaxAgeMins);
            s.setString(9, encryption);
            s.executeUpdate();
        }
        return audience;
    }

    /** {@code certificate} as iboConfig.publicKey holds it: base64 DER with line breaks, as the guide allows. */
    static String publicKey(X509Certificate certificate) throws Exception {
        return Base64.getMimeEncoder().encodeToString(certificate.getEncoded());
    }

    /**
     * Deletes the row of {@code audience} and waits until the STS has let go of it (its certificate gone from
     * /sts/certificates), so that a certificate a test put there raises no alarm for the tests after it.
     */
    void removeAudience(String audience) throws Exception {
        try (Connection c = sts.jdbc(); PreparedStatement s = c.prepareStatement("DELETE FROM sts_audconf.iboConfig WHERE audience = ?")) {
            s.setString(1, audience);
            s.executeUpdate();
        }
        Await.until(() -> sts.get("/certificates").body(), body -> !body.contains("iboConfig[" + audience + "]"));
    }

    /** Copies the shared server's configuration into {@code folder} with {@code from} in services.xml replaced by {@code to}. */
    static void editedConfiguration(Path folder, String from, String to) throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        String shipped = Files.readString(services);
        assertTrue(shipped.contains(from), "services.xml holds " + from);
        Files.writeString(services, shipped.replace(from, to));
    }

    private static String newCpr() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }
}

package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The DGWS token service over HTTP: every accepted variant and every refusal, with the demo PKI's certificates. */
class DgwsExchangeTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static StsTestServer sts;
    private static DgwsClientFixture clients;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new DgwsClientFixture(sts.embedded().demo());
    }

    static HttpResponse<String> post(String endpoint, Document request) throws Exception {
        return sts.post("/services/" + endpoint, DgwsClientFixture.text(request), "text/xml; charset=utf-8");
    }

    static Element issuedCard(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        Document doc = StsTestServer.xml(response.body());
        assertEquals(0, doc.getElementsByTagNameNS(SoapFaults.SOAP, "Fault").getLength(), response.body());
        return (Element) doc.getElementsByTagNameNS(SAML, "Assertion").item(0);
    }

    static String attribute(Element card, String name) {
        var attributes = card.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).getTextContent();
            }
        }
        return null;
    }

    private static String child(Element card, String localName) {
        return card.getElementsByTagNameNS(SAML, localName).item(0).getTextContent();
    }

    // --- backends as WireMock stubs, per the REST contract of dk.sosi.sts.backend ---

    static void cvrRidAnswers(String cvr, String rid, String cpr) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(cvr, rid)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
    }

    static void rolesAre(String cpr, String cvr, String... externalNames) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.roles(cpr, cvr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(String.join("\n", externalNames))));
    }

    static void authorizationsAre(String cpr, String... codeAndEducation) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.authorizations(cpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(String.join("\n", codeAndEducation))));
    }

    private static String newCpr() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }

    /** A fresh CPR, stubbed in CVR-RID as the demo employee Karl's. */
    private static String newCprForKarl() {
        String cpr = newCpr();
        cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, cpr);
        return cpr;
    }

    /** A system card issued at {@code from} (whole seconds) and valid for 24 hours from then. */
    private static IdCard systemCardValidFrom(IssuedCredential system, Instant from) {
        Instant start = from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return DgwsClientFixture.systemCard(system.certificate())
                .issueInstant(start).notBefore(start).notOnOrAfter(start.plus(Duration.ofHours(24))).build();
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = sts.jdbc(); Statement s = c.createStatement()) {
            s.execute("use sts_audconf");
            s.execute(statement);
        }
    }

    // --- accepted ---

    @ParameterizedTest
    @ValueSource(strings = {"SecurityTokenService", "NewSecurityTokenService"})
    void issueWhenSystemCardSignedWithFocesThenStsSignedCard(String endpoint) throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard request = DgwsClientFixture.systemCard(system.certificate()).build();
        String messageId = "sys-" + UUID.randomUUID();
        Instant before = Instant.now();

        HttpResponse<String> response = post(endpoint, DgwsClientFixture.request(request, system, SignatureAlgorithm.RSA_SHA1, messageId));

        Element card = issuedCard(response);
        Document doc = card.getOwnerDocument();
        Element security = (Element) doc.getElementsByTagNameNS(SoapFaults.WSSE, "Security").item(0);
        assertEquals(messageId, security.getAttribute("id"));
        assertEquals("SOSI-STS", child(card, "Issuer"));
        Element nameId = (Element) card.getElementsByTagNameNS(SAML, "NameID").item(0);
        assertEquals("medcom:other", nameId.getAttribute("Format"));
        assertTrue(nameId.getTextContent().startsWith("SubjectDN={"), nameId.getTextContent());
        assertTrue(nameId.getTextContent().contains("SERIALNUMBER=CVR:20921897-FID:12345678"), nameId.getTextContent());
        assertNotEquals(request.idCardId(), attribute(card, "sosi:IDCardID"));
        assertEquals("3", attribute(card, "sosi:AuthenticationLevel"));
        assertEquals("system", attribute(card, "sosi:IDCardType"));
        assertEquals("1.0.1", attribute(card, "sosi:IDCardVersion"));
        assertEquals(DgwsClientFixture.sha1(system.certificate()), attribute(card, "sosi:OCESCertHash"));
        assertEquals("Demo EPJ", attribute(card, "medcom:ITSystemName"));
        Element conditions = (Element) card.getElementsByTagNameNS(SAML, "Conditions").item(0);
        Instant notBefore = Instant.parse(conditions.getAttribute("NotBefore"));
        assertTrue(notBefore.isAfter(before.minus(Duration.ofMinutes(5)).minusSeconds(2)) && notBefore.isBefore(Instant.now().minus(Duration.ofMinutes(4))));
        assertEquals(notBefore.plus(Duration.ofHours(24)), Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        assertEquals(sts.embedded().demo().loadStsCredential().certificate(), JdkSignatureCheck.verify(card));
        assertEquals(0, doc.getElementsByTagNameNS("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Expires").getLength());
    }

    @Test
    void issueWhenRsaSha256Sha256HashAndNoWstIssuerThenAccepted() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_VOCES);
        IdCard request = DgwsClientFixture.systemCard(system.certificate())
                .ocesCertHash(Optional.of(DgwsClientFixture.sha256(system.certificate())))
                .build();
        Document envelope = DgwsClientFixture.request(request, system, SignatureAlgorithm.RSA_SHA256, "lenient");
        Element issuer = (Element) envelope.getElementsByTagNameNS("http://schemas.xmlsoap.org/ws/2005/02/trust", "Issuer").item(0);
        issuer.getParentNode().removeChild(issuer);

        Element card = issuedCard(post("NewSecurityTokenService", envelope));

        assertEquals(DgwsClientFixture.sha256(system.certificate()), attribute(card, "sosi:OCESCertHash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/soap+xml", "application/soap+xml; charset=utf-8; action=\"Issue\"", "text/xml"})
    void issueWhenAnyContentTypeThenAccepted(String contentType) throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Document envelope = DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, "content-type");

        issuedCard(sts.post(sts.uri("/services/SecurityTokenService"),
                DgwsClientFixture.text(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType));
    }

    @Test
    void issueWhenDgws10CardThenLocalTimesWithoutZone() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard request = DgwsClientFixture.systemCard(system.certificate()).version(DgwsVersion.V1_0).build();

        Element card = issuedCard(post("SecurityTokenService",
                DgwsClientFixture.request(request, system, SignatureAlgorithm.RSA_SHA1, "v10")));

        assertEquals("1.0", attribute(card, "sosi:IDCardVersion"));
        assertTrue(card.getAttribute("IssueInstant").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"), card.getAttribute("IssueInstant"));
    }

    @Test
    void issueWhenEmployeeCardWithNationalRoleHeldAndAuthorizationThenUserCardAndSlaLines() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCprForKarl();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspLaegesekretaer', '40001', 'Laegesekretaer')");
        rolesAre(cpr, DgwsClientFixture.DEMO_CVR, "nspLaegesekretaer");
        authorizationsAre(cpr, "J0184;7170");
        String role = "urn:dk:healthcare:national-federation-role:code:40001:value:Laegesekretaer";
        IdCard request = DgwsClientFixture.userCard(karl.certificate(), cpr, role)
                .userLog(Optional.of(new dk.sosi.sts.token.idcard.UserLog(Optional.of(cpr), "Karl", "Hansen", Optional.empty(), role,
                        Optional.of("J0184"), Optional.empty())))
                .build();
        String messageId = "user-" + UUID.randomUUID();

        Element card = awaitIssued(request, karl, messageId);

        assertEquals("4", attribute(card, "sosi:AuthenticationLevel"));
        assertEquals(cpr, attribute(card, "medcom:UserCivilRegistrationNumber"));
        assertEquals(role, attribute(card, "medcom:UserRole"));
        assertEquals("J0184", attribute(card, "medcom:UserAuthorizationCode"));
        // Earlier attempts (before the new role definition was loaded) share the message id: wait for the issuing one.
        List<String> sla = SlaLogFile.linesOf(messageId, lines -> lines.stream()
                .anyMatch(l -> l.startsWith("id=200 name=AbstractStsRequestHandler.request") && l.endsWith("outcome=ok")));
        for (String point : List.of("id=200 name=AbstractStsRequestHandler.request", "id=210 name=SecurityTokenService.issueIdCard",
                "id=220 name=WsOcesCvrRidService.findRelatedCpr", "id=260 name=SignatureProvider.sign")) {
            assertTrue(sla.stream().anyMatch(l -> l.startsWith(point) && l.endsWith("outcome=ok")), point + " in " + sla);
        }
    }

    @Test
    void issueWhenNationalRoleFromTrustedCvrThenNoDirectoryNeeded() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCprForKarl();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspPlejeAssR3', '41003', 'PlejeAssR3')");
        sql("INSERT INTO trustedCvr (cvr, endpoint, roleValue) VALUES ('" + DgwsClientFixture.DEMO_CVR + "', 'STS', 'PlejeAssR3')");
        rolesAre(cpr, DgwsClientFixture.DEMO_CVR);
        String role = "urn:dk:healthcare:national-federation-role:code:41003:value:PlejeAssR3";

        awaitIssued(DgwsClientFixture.userCard(karl.certificate(), cpr, role).build(), karl, "trusted-cvr");
    }

    /** The configuration is re-read every second in tests: retry until the SQL edit has arrived. */
    private static Element awaitIssued(IdCard request, IssuedCredential signer, String messageId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        HttpResponse<String> response;
        do {
            response = post("NewSecurityTokenService", DgwsClientFixture.request(request, signer, SignatureAlgorithm.RSA_SHA1, messageId));
            if (!response.body().contains("Fault>")) {
                return issuedCard(response);
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(response.body());
    }

    @Test
    void issueWhenCitizenCardSignedWithPersonalCertificateThenPidAskedAndSlaLine() throws Exception {
        String pid = "9208-2002-2-" + (100000000 + new java.util.Random().nextInt(899999999));
        String cpr = newCpr();
        Instant now = Instant.now();
        IssuedCredential citizen = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(
                CertificateRequest.builder("CN=Demo Borger + SERIALNUMBER=PID:" + pid + ", C=DK",
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.pid(pid, cpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("true")));
        String messageId = "pid-" + UUID.randomUUID();

        issuedCard(post("NewSecurityTokenService", DgwsClientFixture.request(
                DgwsClientFixture.userCard(citizen.certificate(), cpr, "borger").build(), citizen, SignatureAlgorithm.RSA_SHA1, messageId)));

        assertTrue(SlaLogFile.linesOf(messageId, 4).stream().anyMatch(l ->
                l.startsWith("id=221 name=WsOcesPidService.isRelated messageId=" + messageId + " ") && l.endsWith("outcome=ok")));
        String otherCpr = newCpr();
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.pid(pid, otherCpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("false")));
        SoapFaults other = refused(DgwsClientFixture.userCard(citizen.certificate(), otherCpr, "borger").build(), citizen);
        assertEquals("wst:FailedAuthentication", other.faultcode());
        assertTrue(other.faultstring().contains("does not belong"), other.faultstring());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Issue\"", "\"http://sosi.org/webservices/sts/1.0/stsService/RequestSecurityToken\"", "\"\""})
    void issueWhenAnySoapActionThenAccepted(String soapAction) throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Document envelope = DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, "soap-action");

        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(sts.uri("/services/SecurityTokenService")).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", soapAction)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(DgwsClientFixture.text(envelope))).build(),
                HttpResponse.BodyHandlers.ofString());

        issuedCard(response);
    }

    @Test
    void issueWhenCardUsesUppercaseIdAttributeThenAccepted() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Document envelope = DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, "uppercase-id");
        Element card = (Element) envelope.getElementsByTagNameNS(SAML, "Assertion").item(0);
        card.removeChild(card.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
        card.removeAttribute("id");
        card.setAttribute("ID", "IDCard");
        new XmlSigner(SignatureAlgorithm.RSA_SHA1, SlaLog.NONE).signEnveloped(card, "ID", XmlSigner.Placement.ID_CARD,
                system.privateKey(), system.certificate());

        issuedCard(post("SecurityTokenService", envelope));
    }

    // --- refused ---

    /** The fault for {@code card}, answered with HTTP 200 as httpCodeForFaultResponse ships. */
    static SoapFaults refused(IdCard card, IssuedCredential signer) throws Exception {
        HttpResponse<String> response = post("NewSecurityTokenService",
                DgwsClientFixture.request(card, signer, SignatureAlgorithm.RSA_SHA1, "refused"));
        assertEquals(200, response.statusCode());
        return SoapFaults.of(response);
    }

    @Test
    void issueWhenCardTamperedAfterSigningThenInvalidSignature() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Document envelope = DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, "tampered");
        String tampered = DgwsClientFixture.text(envelope).replace("Demo EPJ", "Evil EPJ");

        SoapFaults fault = SoapFaults.of(sts.post("/services/NewSecurityTokenService", tampered, "text/xml"));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertTrue(fault.faultstring().toLowerCase().contains("signature"), fault.faultstring());
    }

    @Test
    void issueWhenSignedByUntrustedCaThenUntrustedParty() throws Exception {
        IssuedCredential untrusted = clients.client(DemoClient.UNTRUSTED_FOCES);

        SoapFaults fault = refused(DgwsClientFixture.systemCard(untrusted.certificate()).build(), untrusted);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: Token in request signed by untrusted party", fault.faultstring());
    }

    @Test
    void issueWhenSignedWithExpiredCertificateThenInvalidSecurityToken() throws Exception {
        IssuedCredential expired = clients.client(DemoClient.EMPLOYEE_MOCES_EXPIRED);

        SoapFaults fault = refused(DgwsClientFixture.userCard(expired.certificate(), newCpr(), "7170").build(), expired);

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().contains("expired"), fault.faultstring());
    }

    @Test
    void issueWhenSignedWithRevokedCertificateThenInvalidSecurityToken() throws Exception {
        IssuedCredential revoked = clients.client(DemoClient.EMPLOYEE_MOCES_REVOKED);

        SoapFaults fault = refused(DgwsClientFixture.userCard(revoked.certificate(), newCpr(), "7170").build(), revoked);

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertTrue(fault.faultstring().contains("revoked"), fault.faultstring());
    }

    @Test
    void issueWhenOcesCertHashOfAnotherCertificateThenBadElements() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard card = DgwsClientFixture.systemCard(system.certificate())
                .ocesCertHash(Optional.of(DgwsClientFixture.sha1(clients.client(DemoClient.SYSTEM_VOCES).certificate()))).build();

        SoapFaults fault = refused(card, system);

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertTrue(fault.faultstring().contains("OCESCertHash"), fault.faultstring());
    }

    @Test
    void issueWhenCardExpiredThenExpiredData() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard card = systemCardValidFrom(system, Instant.now().minus(Duration.ofHours(30)));

        SoapFaults fault = refused(card, system);

        assertEquals("wst:ExpiredData", fault.faultcode());
        assertTrue(fault.faultstring().contains("expired"), fault.faultstring());
    }

    @Test
    void issueWhenCardOlderThan24HoursButNotExpiredThenExpiredData() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Instant old = Instant.now().minus(Duration.ofHours(25)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IdCard card = DgwsClientFixture.systemCard(system.certificate())
                .issueInstant(old).notBefore(old).notOnOrAfter(old.plus(Duration.ofHours(48))).build();

        SoapFaults fault = refused(card, system);

        assertEquals("wst:ExpiredData", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The id-card is older than the 1440 minutes"), fault.faultstring());
    }

    @Test
    void issueWhenPersonalCertificateNamesATrustedCvrAsCareProviderThenRoleStillRefused() throws Exception {
        String pid = "9208-2002-2-" + (100000000 + new java.util.Random().nextInt(899999999));
        String cpr = newCpr();
        Instant now = Instant.now();
        IssuedCredential citizen = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(
                CertificateRequest.builder("CN=Borger + SERIALNUMBER=PID:" + pid + ", C=DK",
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.pid(pid, cpr)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("true")));
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspTestRolle1', '99991', 'TestRolle1')");
        sql("INSERT INTO trustedCvr (cvr, endpoint, roleValue) VALUES ('" + DgwsClientFixture.DEMO_CVR + "', 'STS', NULL)");
        String role = "urn:dk:healthcare:national-federation-role:code:99991:value:TestRolle1";
        IdCard card = DgwsClientFixture.userCard(citizen.certificate(), cpr, role).build(); // CareProviderID = the trusted CVR

        Instant deadline = Instant.now().plusSeconds(15);
        SoapFaults fault;
        do {
            fault = refused(card, citizen);
            Thread.sleep(250);
        } while (fault.faultstring().contains("invalid role") && Instant.now().isBefore(deadline));

        assertEquals("Authentication failed: user does not have the requested role (" + role + ")", fault.faultstring());
        sql("DELETE FROM trustedCvr WHERE roleValue IS NULL AND cvr = '" + DgwsClientFixture.DEMO_CVR + "'");
    }

    @Test
    void issueWhenCardNotYetValidBeyondSkewThenExpiredData() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard card = systemCardValidFrom(system, Instant.now().plus(Duration.ofMinutes(30)));

        SoapFaults fault = refused(card, system);

        assertEquals("wst:ExpiredData", fault.faultcode());
    }

    @Test
    void issueWhenIssueInstantBeyondSkewInTheFutureThenExpiredDataThoughNotBeforeHasPassed() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IdCard card = DgwsClientFixture.systemCard(system.certificate()).issueInstant(now.plus(Duration.ofMinutes(30)))
                .notBefore(now.minus(Duration.ofMinutes(5))).notOnOrAfter(now.plus(Duration.ofHours(8))).build();

        SoapFaults fault = refused(card, system);

        assertEquals("wst:ExpiredData", fault.faultcode());
        assertTrue(fault.faultstring().contains("IssueInstant"), fault.faultstring());
    }

    @Test
    void issueWhenClocksDifferWithinAllowedDriftThenCardsJustOutsideTheirWindowAreAccepted() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // allowedDriftInSeconds is 300: a client clock 2 minutes ahead, then one whose card ran out 2 minutes ago.
        IdCard ahead = systemCardValidFrom(system, now.plus(Duration.ofMinutes(2)));
        IdCard justExpired = DgwsClientFixture.systemCard(system.certificate()).issueInstant(now.minus(Duration.ofHours(8)))
                .notBefore(now.minus(Duration.ofHours(8))).notOnOrAfter(now.minus(Duration.ofMinutes(2))).build();

        for (IdCard card : List.of(ahead, justExpired)) {
            Element issued = issuedCard(post("NewSecurityTokenService",
                    DgwsClientFixture.request(card, system, SignatureAlgorithm.RSA_SHA1, "skew")));
            assertEquals("3", attribute(issued, "sosi:AuthenticationLevel"));
        }
    }

    @Test
    void issueWhenLevelNotIssuedForThenClearMessage() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);

        IdCard level2 = DgwsClientFixture.systemCard(system.certificate()).authenticationLevel(2).ocesCertHash(Optional.empty())
                .usernameToken(Optional.of(new dk.sosi.sts.token.idcard.UsernameToken("demo", "secret"))).build();

        SoapFaults fault = refused(level2, system);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The STS issues id-cards for authentication levels [3, 4] only; this card has level 2", fault.faultstring());
    }

    @Test
    void issueWhenCprDoesNotBelongToEmployeeThenFailedAuthentication() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "1111111118");

        SoapFaults fault = refused(DgwsClientFixture.userCard(karl.certificate(), "2222222226", "7170").build(), karl);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertTrue(fault.faultstring().contains("does not belong"), fault.faultstring());
        cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
    }

    @Test
    void issueWhenUnknownNationalRoleThenInvalidRoleSupplied() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCprForKarl();
        String role = "urn:dk:healthcare:national-federation-role:code:99999:value:Ukendt";

        SoapFaults fault = refused(DgwsClientFixture.userCard(karl.certificate(), cpr, role).build(), karl);

        assertEquals("Authentication failed: invalid role supplied (" + role + ")", fault.faultstring());
        assertEquals("dk:sosi:sts:autorisation", fault.faultactor());
    }

    @Test
    void issueWhenNationalRoleNotHeldThenUserDoesNotHaveRole() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCprForKarl();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspSundAssistR2', '41002', 'SundAssistR2')");
        rolesAre(cpr, DgwsClientFixture.DEMO_CVR, "nspLaegesekretaer");
        String role = "urn:dk:healthcare:national-federation-role:code:41002:value:SundAssistR2";
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), cpr, role).build();

        Instant deadline = Instant.now().plusSeconds(15);
        SoapFaults fault;
        do {
            fault = refused(card, karl);
            Thread.sleep(250);
        } while (fault.faultstring().contains("invalid role") && Instant.now().isBefore(deadline));

        assertEquals("Authentication failed: user does not have the requested role (" + role + ")", fault.faultstring());
        assertEquals("dk:sosi:sts:autorisation", fault.faultactor());
    }

    @Test
    void issueWhenAuthorizationCodeNotRegisteredThenAuthorizationNotFound() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCprForKarl();
        authorizationsAre(cpr, "ABC12;7170");
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), cpr, "7170")
                .userLog(Optional.of(new dk.sosi.sts.token.idcard.UserLog(Optional.of(cpr), "Karl", "Hansen", Optional.empty(),
                        "7170", Optional.of("ZZZ99"), Optional.empty())))
                .build();

        SoapFaults fault = refused(card, karl);

        assertEquals("Authentication failed: authorization not found", fault.faultstring());
        assertEquals("dk:sosi:sts:autorisation", fault.faultactor());
    }

    @Test
    void issueWhenCvrRidSlowerThanItsTimeoutThenRequestFailedWithinTheTimeout() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(aResponse().withStatus(200).withBody("0101701234").withFixedDelay(4000)));
        try {
            Instant start = Instant.now();
            SoapFaults fault = refused(DgwsClientFixture.userCard(karl.certificate(), "0101701234", "7170").build(), karl);

            assertTrue(Duration.between(start, Instant.now()).toMillis() < 3000, "answered within the 1 s backend timeout");
            assertEquals("wst:RequestFailed", fault.faultcode());
            assertEquals("CVR-RID service did not answer; try again later", fault.faultstring());
        } finally {
            cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
        }
    }

    @Test
    void issueWhenCvrRidDownThenRequestFailedNamingService() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCpr();
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(aResponse().withStatus(503)));
        try {
            SoapFaults fault = refused(DgwsClientFixture.userCard(karl.certificate(), cpr, "7170").build(), karl);

            assertEquals("wst:RequestFailed", fault.faultcode());
            assertTrue(fault.faultstring().contains("did not answer"), fault.faultstring());
        } finally {
            cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
        }
    }

    // --- the organisation a signer vouches for ---

    @Test
    void issueWhenSystemCardClaimsAnotherOrganisationsCvrThenFailedAuthenticationAndNothingSigned() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard card = DgwsClientFixture.systemCard(system.certificate())
                .systemLog(new SystemLog("Demo EPJ", "medcom:cvrnumber", "33257872", "Digitaliseringsstyrelsen")).build();

        SoapFaults fault = refused(card, system);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The id-card's medcom:CareProviderID \"33257872\" is not the CVR 20921897 of the certificate that signed it; "
                + "only a listed hosting provider may sign for another organisation", fault.faultstring());
    }

    @Test
    void issueWhenEmployeeCardClaimsAnotherOrganisationsCvrThenRefusedBeforeAnyBackendIsAsked() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCpr();
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), cpr, "7170")
                .systemLog(new SystemLog("Demo EPJ", "medcom:cvrnumber", "33257872", "Digitaliseringsstyrelsen")).build();

        SoapFaults fault = refused(card, karl);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The id-card's medcom:CareProviderID \"33257872\" is not the CVR 20921897"),
                fault.faultstring());
        assertTrue(sts.backends().findAll(getRequestedFor(urlPathMatching(".*" + cpr + ".*"))).isEmpty());
    }

    @Test
    void issueWhenOrganisationIsNotACvrThenNotCompared() throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        IdCard card = DgwsClientFixture.systemCard(system.certificate())
                .systemLog(new SystemLog("Demo EPJ", "medcom:skscode", "1301011", "Demo afdeling")).build();

        Element issued = issuedCard(post("NewSecurityTokenService",
                DgwsClientFixture.request(card, system, SignatureAlgorithm.RSA_SHA1, "sks")));

        assertEquals("1301011", attribute(issued, "medcom:CareProviderID"));
    }

    @Test
    void issueWhenSignerIsAListedHostingProviderThenItMaySignForItsCustomer(@TempDir Path folder) throws Exception {
        IssuedCredential system = clients.client(DemoClient.SYSTEM_FOCES);
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        Files.writeString(services, Files.readString(services).replace("<property name=\"hostingProviderSigners\" value=\"\"/>",
                "<property name=\"hostingProviderSigners\" value=\"CVR:99999999-FID:1, CVR:20921897-FID:12345678\"/>"));
        IdCard card = DgwsClientFixture.systemCard(system.certificate())
                .systemLog(new SystemLog("Hosted EPJ", "medcom:cvrnumber", "33257872", "Kunde A/S")).build();

        try (StsServer hosting = StsTestServer.startAnother(folder)) {
            HttpResponse<String> response = sts.post(URI.create(hosting.baseUri() + "/services/NewSecurityTokenService"),
                    DgwsClientFixture.text(DgwsClientFixture.request(card, system, SignatureAlgorithm.RSA_SHA1, "hosted"))
                            .getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");

            assertEquals("33257872", attribute(issuedCard(response), "medcom:CareProviderID"));
        }
    }

    // --- identifiers in their forms before any backend ---

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0101701234x", "../../x"})
    void issueWhenCprIsMalformedThenBadElementsAndNoBackendCallOrFailureCounted(String cpr) throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        int requestsBefore = sts.backends().getAllServeEvents().size();
        List<String> backendCountsBefore = backendCounts();
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), cpr, "7170")
                .userLog(Optional.of(new dk.sosi.sts.token.idcard.UserLog(Optional.of(cpr), "Karl", "Hansen", Optional.empty(),
                        "7170", Optional.of("J0184"), Optional.empty()))).build();

        SoapFaults fault = refused(card, karl);

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The saml:Attribute medcom:UserCivilRegistrationNumber must be 10 digits"),
                fault.faultstring());
        assertEquals(requestsBefore, sts.backends().getAllServeEvents().size(), "no backend was asked");
        assertEquals(backendCountsBefore, backendCounts(), "no backend call or failure counted");
    }

    /** The calls and failures of each backend, as /sts/metrics (and so /sts/alarm) count them. */
    private static List<String> backendCounts() throws Exception {
        return sts.get("/metrics").body().lines().filter(l -> l.startsWith("sts_backend_")).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"J01 84", "J0184J0184J", "<script>"})
    void issueWhenAuthorizationCodeIsMalformedThenBadElementsAndNoBackendCall(String code) throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        int requestsBefore = sts.backends().getAllServeEvents().size();
        IdCard card = DgwsClientFixture.userCard(karl.certificate(), "0101701234", "7170")
                .userLog(Optional.of(new dk.sosi.sts.token.idcard.UserLog(Optional.of("0101701234"), "Karl", "Hansen",
                        Optional.empty(), "7170", Optional.of(code), Optional.empty()))).build();

        SoapFaults fault = refused(card, karl);

        assertTrue(fault.faultstring().startsWith("The saml:Attribute medcom:UserAuthorizationCode must be 1 to 10 letters and digits"),
                fault.faultstring());
        assertEquals(requestsBefore, sts.backends().getAllServeEvents().size(), "no backend was asked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:dk:healthcare:national-federation-role:code:4000 1:value:X",
        "urn:dk:healthcare:national-federation-role:something-else"})
    void issueWhenNationalRoleIsMalformedThenBadElements(String role) throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);

        SoapFaults fault = refused(DgwsClientFixture.userCard(karl.certificate(), "0101701234", role).build(), karl);

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertTrue(fault.faultstring().startsWith("The saml:Attribute medcom:UserRole must be printable text"), fault.faultstring());
    }

    // --- faults in the request's DGWS version ---

    @Test
    void issueWhenDgws10RequestIsRefusedThenTheFaultTimestampIsDgws10LocalTime() throws Exception {
        IssuedCredential untrusted = clients.client(DemoClient.UNTRUSTED_FOCES);
        IdCard card = DgwsClientFixture.systemCard(untrusted.certificate()).version(DgwsVersion.V1_0).build();
        Document request = DgwsClientFixture.request(card, untrusted, SignatureAlgorithm.RSA_SHA1, "v10-fault");
        Element created = (Element) request.getElementsByTagNameNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Created").item(0);
        assertTrue(!created.getTextContent().endsWith("Z"), "a DGWS 1.0 request: " + created.getTextContent());

        HttpResponse<String> response = post("SecurityTokenService", request);

        Document fault = StsTestServer.xml(response.body());
        String faultCreated = fault.getElementsByTagNameNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Created").item(0).getTextContent();
        assertTrue(faultCreated.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"), faultCreated);
        assertEquals("wst:FailedAuthentication", SoapFaults.of(response).faultcode());
    }

    @Test
    void issueWhenDgws101RequestIsRefusedThenTheFaultTimestampIsUtc() throws Exception {
        IssuedCredential untrusted = clients.client(DemoClient.UNTRUSTED_FOCES);

        HttpResponse<String> response = post("SecurityTokenService", DgwsClientFixture.request(
                DgwsClientFixture.systemCard(untrusted.certificate()).build(), untrusted, SignatureAlgorithm.RSA_SHA1, "v101-fault"));

        Document fault = StsTestServer.xml(response.body());
        assertTrue(fault.getElementsByTagNameNS("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
                "Created").item(0).getTextContent().endsWith("Z"));
    }
}

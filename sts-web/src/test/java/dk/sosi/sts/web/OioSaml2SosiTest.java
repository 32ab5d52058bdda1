package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dk.sosi.sts.web.OioClientFixture.SAML;
import static dk.sosi.sts.web.OioClientFixture.WSA;
import static dk.sosi.sts.web.OioClientFixture.WSSE;
import static dk.sosi.sts.web.OioClientFixture.WST;
import static dk.sosi.sts.web.OioClientFixture.WSU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.demo.client.OioSaml2SosiDemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OIOSaml2Sosi over HTTP (exchanges.md 3.2): the id-card a web application gets for its employee's NemLog-in
 * assertion, where the CPR comes from, and the request shapes the deployed clients send. The refusals are in
 * {@link OioSaml2SosiFaultTest}.
 */
class OioSaml2SosiTest {

    private static final String POLICY = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    private static StsTestServer sts;
    private static NboClientFixture clients;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new NboClientFixture(sts);
    }

    private static String text(Element parent, String namespace, String localName) {
        return parent.getElementsByTagNameNS(namespace, localName).item(0).getTextContent();
    }

    private static String appliesTo(Document answer) {
        Element appliesTo = (Element) answer.getElementsByTagNameNS(POLICY, "AppliesTo").item(0);
        return text(appliesTo, WSA, "Address");
    }

    @Test
    void exchangeWhenNemLogInAssertionAndContextTokenThenLevel4CardForTheEmployeeSignedByTheSts() throws Exception {
        String cpr = clients.karlsCpr();
        Document request = clients.request(NboClientFixture.karl(cpr));
        String messageId = OioClientFixture.messageId(request);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Document answer = clients.answer(request);

        Element card = NboClientFixture.card(answer);
        IdCard content = OioClientFixture.content(card);
        assertEquals(4, content.authenticationLevel());
        assertEquals("medcom:cprnumber", content.nameId().format());
        assertEquals(cpr, content.nameId().value());
        assertEquals("SOSI-STS", content.issuer());
        assertEquals("1.0.1", content.version().value());
        assertTrue(content.ocesCertHash().isEmpty(), "no OCESCertHash");
        UserLog user = content.userLog().orElseThrow();
        assertEquals(Optional.of(cpr), user.civilRegistrationNumber());
        assertEquals("Karl", user.givenName());
        assertEquals("Hansen", user.surName());
        assertEquals(Optional.of("karl.hansen@demo-laegehus.dk"), user.emailAddress());
        assertEquals("7170", user.role());
        assertEquals(NemLogInDemoIdp.IT_SYSTEM_NAME, content.systemLog().itSystemName());
        assertEquals("medcom:cvrnumber", content.systemLog().careProviderIdFormat());
        assertEquals(NboClientFixture.CVR, content.systemLog().careProviderId());
        assertEquals("Demo Lægehus", content.systemLog().careProviderName());
        assertEquals(sts.embedded().demo().loadStsCredential().certificate(), JdkSignatureCheck.verify(card));
        // fuzzyTime 5 minutes back, idCardDuration 24 hours
        assertTrue(!content.notBefore().isBefore(before.minus(Duration.ofMinutes(5))), content.notBefore().toString());
        assertTrue(!content.notBefore().isAfter(Instant.now().minus(Duration.ofMinutes(5))), content.notBefore().toString());
        assertEquals(Duration.ofHours(24), Duration.between(content.notBefore(), content.notOnOrAfter()));

        assertEquals(OioRequestBuilder.ACTION_ISSUE, text(answer.getDocumentElement(), WSA, "Action"));
        assertEquals(messageId, text(answer.getDocumentElement(), WSA, "RelatesTo"));
        Element rstr = (Element) answer.getElementsByTagNameNS(WST, "RequestSecurityTokenResponse").item(0);
        assertEquals(((Element) request.getElementsByTagNameNS(WST, "RequestSecurityToken").item(0)).getAttribute("Context"),
                rstr.getAttribute("Context"));
        assertEquals(OioRequestBuilder.TOKEN_TYPE, text(rstr, WST, "TokenType"));
        for (String reference : List.of("RequestedAttachedReference", "RequestedUnattachedReference")) {
            Element referenced = (Element) rstr.getElementsByTagNameNS(WST, reference).item(0);
            assertEquals("#IDCard", ((Element) referenced.getElementsByTagNameNS(WSSE, "Reference").item(0)).getAttribute("URI"));
        }
        assertEquals("http://sosi.dk", appliesTo(answer));
        Element lifetime = (Element) rstr.getElementsByTagNameNS(WST, "Lifetime").item(0);
        Element conditions = (Element) card.getElementsByTagNameNS(SAML, "Conditions").item(0);
        assertEquals(conditions.getAttribute("NotBefore"), text(lifetime, WSU, "Created"));
        assertEquals(conditions.getAttribute("NotOnOrAfter"), text(lifetime, WSU, "Expires"));

        List<String> sla = SlaLogFile.linesOf(messageId, lines -> lines.stream()
                .anyMatch(l -> l.startsWith("id=200 name=AbstractStsRequestHandler.request")));
        for (String point : List.of("id=250 name=NboRequestHandler.serialize", "id=220 name=WsOcesCvrRidService.findRelatedCpr",
                "id=210 name=SecurityTokenService.issueIdCard", "id=260 name=SignatureProvider.sign",
                "id=200 name=AbstractStsRequestHandler.request")) {
            assertTrue(sla.stream().anyMatch(l -> l.startsWith(point) && l.endsWith("outcome=ok")), point + " in " + sla);
        }
    }

    @Test
    void exchangeWhenAppliesToIsAnotherAudienceThenItIsEchoed() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Document request = clients.signed(new OioRequestBuilder().actAs(clients.signed(karl))
                .actAs(NboClientFixture.contextToken(karl, Optional.empty(), Optional.empty())).appliesTo("https://fmk"),
                DemoClient.SYSTEM_FOCES);

        Document answer = clients.answer(request);

        assertEquals("https://fmk", appliesTo(answer));
        assertEquals("urn:dk:healthcare:no-role", OioClientFixture.content(NboClientFixture.card(answer)).userLog().orElseThrow().role());
    }

    @Test
    void exchangeWhenNoAppliesToThenTheCardIsForHttpSosiDk() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        Document request = clients.signed(new OioRequestBuilder().actAs(clients.signed(karl))
                .actAs(NboClientFixture.contextToken(karl, Optional.of("7170"), Optional.empty())), DemoClient.SYSTEM_FOCES3);

        assertEquals("http://sosi.dk", appliesTo(clients.answer(request)));
    }

    // --- the user's names (OQ-6): the context token's, else the assertion's ---

    @Test
    void exchangeWhenContextTokenNamesTheUserThenTheCardCarriesThoseNames() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        SamlAssertion context = new SamlAssertionReader().read(NboClientFixture.contextToken(karl, Optional.of("7170"),
                Optional.empty())).assertion();
        Element named = new SamlAssertionWriter().write(context.toBuilder()
                .addAttribute(SamlAttribute.basic("dk:healthcare:saml:attribute:UserGivenName", "Karl Emil"))
                .addAttribute(SamlAttribute.basic("dk:healthcare:saml:attribute:UserSurName", "Hansen-Berg")).build());

        UserLog user = OioClientFixture.content(NboClientFixture.card(clients.answer(clients.request(clients.signed(karl), named))))
                .userLog().orElseThrow();

        assertEquals("Karl Emil", user.givenName());
        assertEquals("Hansen-Berg", user.surName());
    }

    @Test
    void exchangeWhenAssertionHasNoSurNameThenTheCommonNameIsSplitAtItsLastSpace() throws Exception {
        SamlAssertion karl = NboClientFixture.with(NboClientFixture.with(NboClientFixture.karl(clients.karlsCpr()),
                "urn:oid:2.5.4.4", null), "urn:oid:2.5.4.3", "Karl Emil Hansen");

        UserLog user = OioClientFixture.content(NboClientFixture.card(clients.answer(clients.request(karl)))).userLog().orElseThrow();

        assertEquals("Karl Emil", user.givenName());
        assertEquals("Hansen", user.surName());
    }

    // --- where the CPR comes from ---

    @Test
    void exchangeWhenAssertionWithoutCprThenTheCprOfCvrRid() throws Exception {
        String cpr = clients.karlsCpr();

        Element card = NboClientFixture.card(clients.answer(clients.request(NboClientFixture.karl(null))));

        assertEquals(cpr, OioClientFixture.content(card).nameId().value());
    }

    @Test
    void exchangeWhenIdpIsInCprTrustCertificatesThenTheAssertionsCprWithoutCvrRid(@TempDir Path folder) throws Exception {
        String idp = CertificateNames.subjectSerialNumber(clients.idp().certificate());
        OioClientFixture.editedConfiguration(folder, "<property name=\"cprTrustCertificates\"><list/></property>",
                "<property name=\"cprTrustCertificates\"><list><value>" + idp + "</value></list></property>");
        clients.karlsCpr(); // CVR-RID knows another CPR for Karl
        String stated = "0707071234";
        Document request = clients.request(NboClientFixture.karl(stated));

        try (StsServer trusting = StsTestServer.startAnother(folder)) {
            Element card = NboClientFixture.card(OioClientFixture.answer(clients.post(trusting.baseUri(), request)));

            assertEquals(stated, OioClientFixture.content(card).nameId().value());
        }
        SoapFaults shipped = clients.fault(clients.request(NboClientFixture.karl(stated)));
        assertEquals("Authentication failed: the CPR in the NemLog-in assertion does not belong to CVR:20921897-RID:46283716",
                shipped.faultstring(), "the shipped configuration trusts no IdP's CPR");
    }

    @Test
    void exchangeWhenServicesXmlHasNoNboConfigurationThenDefaultsAndTheKeystoreOfNboTrustStoreCheck(@TempDir Path folder)
            throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        String shipped = Files.readString(services);
        int start = shipped.indexOf("    <bean id=\"nboConfiguration\"");
        int end = shipped.indexOf("</bean>", start) + "</bean>".length();
        Files.writeString(services, shipped.substring(0, start) + shipped.substring(end));
        String cpr = clients.karlsCpr();

        try (StsServer older = StsTestServer.startAnother(folder)) {
            Element card = NboClientFixture.card(OioClientFixture.answer(clients.post(older.baseUri(),
                    clients.request(NboClientFixture.karl(cpr)))));

            IdCard content = OioClientFixture.content(card);
            assertEquals(cpr, content.nameId().value());
            assertEquals(Duration.ofHours(24), Duration.between(content.notBefore(), content.notOnOrAfter()));
        }
    }

    @Test
    void exchangeWhenOces3EmployeeWithoutRidThenTheCprOfUuid2Cpr() throws Exception {
        String uuid = UUID.randomUUID().toString();
        String cpr = "0808081234";
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.uuid2Cpr(uuid)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr)));
        SamlAssertion oces3 = NboClientFixture.with(NboClientFixture.with(NboClientFixture.karl(null),
                "dk:gov:saml:attribute:RidNumberIdentifier", null), "urn:oid:0.9.2342.19200300.100.1.1", "UI:DK-E:G:" + uuid);

        Element card = NboClientFixture.card(clients.answer(clients.request(oces3)));

        assertEquals(cpr, OioClientFixture.content(card).nameId().value());
    }

    // --- roles and authorisations, as for DGWS ---

    @Test
    void exchangeWhenNationalRoleHeldAndAuthorizationRegisteredThenTheCardCarriesBoth() throws Exception {
        String cpr = clients.karlsCpr();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspLaegesekretaer', '40001', 'Laegesekretaer')");
        clients.rolesAre(cpr, NboClientFixture.CVR, "nspLaegesekretaer");
        clients.authorizationsAre(cpr, "J0184;7170");
        String role = "urn:dk:healthcare:national-federation-role:code:40001:value:Laegesekretaer";
        SamlAssertion karl = NboClientFixture.karl(cpr);
        Document request = clients.request(clients.signed(karl), NboClientFixture.contextToken(karl, Optional.of(role), Optional.of("J0184")));

        Document answer = OioClientFixture.answer(Await.until(() -> clients.post(request),
                response -> !response.body().contains("invalid role supplied")));

        UserLog user = OioClientFixture.content(NboClientFixture.card(answer)).userLog().orElseThrow();
        assertEquals(role, user.role());
        assertEquals(Optional.of("J0184"), user.authorizationCode());
    }

    @Test
    void exchangeWhenEducationCodeWithoutAuthorizationCodeThenTheRegistersCodeIsFilledIn() throws Exception {
        String cpr = clients.karlsCpr();
        clients.authorizationsAre(cpr, "ABC12;7170");

        Element card = NboClientFixture.card(clients.answer(clients.request(NboClientFixture.karl(cpr))));

        assertEquals(Optional.of("ABC12"), OioClientFixture.content(card).userLog().orElseThrow().authorizationCode());
    }

    @Test
    void exchangeWhenNationalRoleOfTrustedCvrForNboThenNoDirectoryNeeded() throws Exception {
        String cpr = clients.karlsCpr();
        sql("INSERT IGNORE INTO roleDefinitions (source, externalName, code, value) VALUES ('NationalFederation', 'nspNboRolle', '99981', 'NboRolle')");
        sql("INSERT INTO trustedCvr (cvr, endpoint, roleValue) VALUES ('" + NboClientFixture.CVR + "', 'NBO', 'NboRolle')");
        clients.rolesAre(cpr, NboClientFixture.CVR);
        String role = "urn:dk:healthcare:national-federation-role:code:99981:value:NboRolle";
        SamlAssertion karl = NboClientFixture.karl(cpr);
        Document request = clients.request(clients.signed(karl), NboClientFixture.contextToken(karl, Optional.of(role), Optional.empty()));

        Document answer = OioClientFixture.answer(Await.until(() -> clients.post(request),
                response -> !response.body().contains("Authentication failed")));

        assertEquals(role, OioClientFixture.content(NboClientFixture.card(answer)).userLog().orElseThrow().role());
    }

    // --- holder-of-key ---

    @Test
    void exchangeWhenHolderOfKeyAssertionPresentedByItsKeyHolderThenCard() throws Exception {
        SamlAssertion karl = NboClientFixture.karl(clients.karlsCpr());
        IssuedCredential application = clients.client(DemoClient.SYSTEM_FOCES);
        SamlAssertion holderOfKey = karl.toBuilder().subject(new Subject(karl.subject().nameId(), List.of(
                SubjectConfirmation.holderOfKey(application.certificate(), NemLogInDemoIdp.WEB_APPLICATION,
                        Instant.now().plusSeconds(300))))).build();

        Element card = NboClientFixture.card(clients.answer(clients.request(holderOfKey)));

        assertEquals("Karl", OioClientFixture.content(card).userLog().orElseThrow().givenName());
    }

    // --- the README's client ---

    @Test
    void exchangeWhenDemoClientRunsAgainstTheStsThenItPrintsTheCardForKarlHansen() throws Exception {
        clients.cvrRidAnswers(NboClientFixture.RID, DemoBackendData.KARL_HANSEN_CPR);

        Optional<Element> card = OioSaml2SosiDemoClient.exchange(DemoClient.SYSTEM_FOCES, sts.uri(""), sts.embedded().demo());

        assertTrue(card.isPresent(), "the demo client got an id-card");
        assertEquals(DemoBackendData.KARL_HANSEN_CPR, OioClientFixture.content(card.get()).nameId().value());
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = sts.jdbc(); Statement s = c.createStatement()) {
            s.execute("USE sts_audconf");
            s.execute(statement);
        }
    }
}

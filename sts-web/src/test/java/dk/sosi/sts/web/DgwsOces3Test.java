package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The DGWS token service over HTTP with OCES3 certificates (FOCES3 for systems, MOCES3 for employees,
 * whose CPR UUID2CPR knows), and user cards without a CPR, which the STS fills in from CVR-RID or UUID2CPR.
 */
class DgwsOces3Test {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static StsTestServer sts;
    private static IssuedCredential foces3;
    private static IssuedCredential moces3;
    private static String moces3Uuid;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        foces3 = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES3);
        moces3 = sts.embedded().demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES3);
        moces3Uuid = CertificateNames.subjectSerialNumber(moces3.certificate()).substring("UI:DK-E:G:".length());
    }

    private static String newCpr() {
        return String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
    }

    /** A fresh CPR, stubbed in UUID2CPR as the demo MOCES3 employee's, with an authorisation for education 7170. */
    private static String newCprForMoces3() {
        String cpr = newCpr();
        uuid2CprAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(cpr));
        DgwsExchangeTest.authorizationsAre(cpr, "J0184;7170");
        return cpr;
    }

    private static void uuid2CprAnswers(ResponseDefinitionBuilder answer) {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.uuid2Cpr(moces3Uuid))).willReturn(answer));
    }

    private static int uuid2CprCalls() {
        return sts.backends().findAll(getRequestedFor(urlPathEqualTo(StsBackendPaths.uuid2Cpr(moces3Uuid)))).size();
    }

    /** A level-4 card as a client sends one that leaves the CPR to the STS: alternative identifier, no CPR. */
    private static IdCard cardWithoutCpr(IssuedCredential signer) {
        return DgwsClientFixture.userCard(signer.certificate(), "0000000000", "7170")
                .nameId(new NameId("medcom:other", "Karl Hansen"))
                .userLog(Optional.of(new UserLog(Optional.empty(), "Karl", "Hansen", Optional.empty(), "7170", Optional.empty(),
                        Optional.empty())))
                .build();
    }

    private static Element issued(IdCard card, IssuedCredential signer, String messageId) throws Exception {
        return DgwsExchangeTest.issuedCard(DgwsExchangeTest.post("NewSecurityTokenService",
                DgwsClientFixture.request(card, signer, SignatureAlgorithm.RSA_SHA1, messageId)));
    }

    // --- FOCES3, level 3 ---

    @Test
    void issueWhenSystemCardSignedWithFoces3ThenCardNamesTheCertificateAndItsOrganisation() throws Exception {
        Element card = issued(DgwsClientFixture.systemCard(foces3.certificate()).build(), foces3, "foces3");

        Element nameId = (Element) card.getElementsByTagNameNS(SAML, "NameID").item(0);
        assertEquals("medcom:other", nameId.getAttribute("Format"));
        assertTrue(nameId.getTextContent().contains("SERIALNUMBER=" + CertificateNames.subjectSerialNumber(foces3.certificate())),
                nameId.getTextContent());
        assertTrue(nameId.getTextContent().contains("ORGANIZATIONIDENTIFIER=NTRDK-20921897"), nameId.getTextContent());
        assertEquals("3", DgwsExchangeTest.attribute(card, "sosi:AuthenticationLevel"));
        assertEquals(DgwsClientFixture.DEMO_CVR, DgwsExchangeTest.attribute(card, "medcom:CareProviderID"));
        assertEquals(DgwsClientFixture.sha1(foces3.certificate()), DgwsExchangeTest.attribute(card, "sosi:OCESCertHash"));
    }

    @Test
    void issueWhenFoces3CardClaimsAnotherOrganisationsCvrThenTheOrganizationIdentifiersCvrIsNamed() throws Exception {
        IdCard card = DgwsClientFixture.systemCard(foces3.certificate())
                .systemLog(new SystemLog("Demo EPJ", "medcom:cvrnumber", "33257872", "Digitaliseringsstyrelsen")).build();

        SoapFaults fault = DgwsExchangeTest.refused(card, foces3);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The id-card's medcom:CareProviderID \"33257872\" is not the CVR 20921897 of the certificate that signed it; "
                + "only a listed hosting provider may sign for another organisation", fault.faultstring());
    }

    @Test
    void issueWhenOces3CertificateHasNoOrganizationIdentifierThenItVouchesForNoCvr() throws Exception {
        String serial = "UI:DK-O:G:" + UUID.randomUUID();
        Instant now = Instant.now();
        IssuedCredential withoutOrganisation = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(
                CertificateRequest.builder("SERIALNUMBER=" + serial + ", CN=System uden organisation, C=DK",
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());

        SoapFaults fault = DgwsExchangeTest.refused(DgwsClientFixture.systemCard(withoutOrganisation.certificate()).build(),
                withoutOrganisation);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The id-card's medcom:CareProviderID \"20921897\" cannot be vouched for: the certificate " + serial
                + " that signed it names no organisation (organizationIdentifier NTRDK-<cvr>)", fault.faultstring());
    }

    // --- MOCES3, level 4 ---

    @Test
    void issueWhenEmployeeCardSignedWithMoces3ThenCprConfirmedByUuid2Cpr() throws Exception {
        String cpr = newCprForMoces3();
        int asked = uuid2CprCalls();

        Element card = issued(DgwsClientFixture.userCard(moces3.certificate(), cpr, "7170").build(), moces3, "moces3");

        assertEquals("4", DgwsExchangeTest.attribute(card, "sosi:AuthenticationLevel"));
        assertEquals(cpr, DgwsExchangeTest.attribute(card, "medcom:UserCivilRegistrationNumber"));
        assertEquals("J0184", DgwsExchangeTest.attribute(card, "medcom:UserAuthorizationCode"));
        assertEquals(DgwsClientFixture.DEMO_CVR, DgwsExchangeTest.attribute(card, "medcom:CareProviderID"));
        assertEquals(asked + 1, uuid2CprCalls(), "UUID2CPR asked once");
    }

    @Test
    void issueWhenMoces3CardCarriesAnotherCprThenFailedAuthentication() throws Exception {
        newCprForMoces3();

        SoapFaults fault = DgwsExchangeTest.refused(DgwsClientFixture.userCard(moces3.certificate(), newCpr(), "7170").build(), moces3);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: the CPR in the id-card does not belong to the certificate UI:DK-E:G:" + moces3Uuid,
                fault.faultstring());
    }

    @Test
    void issueWhenUuid2CprDownThenRequestFailedNamingIt() throws Exception {
        uuid2CprAnswers(aResponse().withStatus(503));

        SoapFaults fault = DgwsExchangeTest.refused(DgwsClientFixture.userCard(moces3.certificate(), newCpr(), "7170").build(), moces3);

        assertEquals("wst:RequestFailed", fault.faultcode());
        assertEquals("UUID2CPR service did not answer; try again later", fault.faultstring());
    }

    // --- user cards without a CPR ---

    @Test
    void issueWhenMoces2CardHasNoCprThenIssuedCardCarriesTheCvrRidCpr() throws Exception {
        IssuedCredential karl = sts.embedded().demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES);
        String cpr = newCpr();
        DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, cpr);
        DgwsExchangeTest.authorizationsAre(cpr, "J0184;7170");
        try {
            Element card = issued(cardWithoutCpr(karl), karl, "moces2-no-cpr");

            assertEquals(cpr, DgwsExchangeTest.attribute(card, "medcom:UserCivilRegistrationNumber"));
            assertEquals("J0184", DgwsExchangeTest.attribute(card, "medcom:UserAuthorizationCode"), "looked up for the filled-in CPR");
        } finally {
            DgwsExchangeTest.cvrRidAnswers(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID, "0101701234");
        }
    }

    @Test
    void issueWhenMoces3CardHasNoCprThenIssuedCardCarriesTheUuid2CprCpr() throws Exception {
        String cpr = newCprForMoces3();

        Element card = issued(cardWithoutCpr(moces3), moces3, "moces3-no-cpr");

        assertEquals(cpr, DgwsExchangeTest.attribute(card, "medcom:UserCivilRegistrationNumber"));
        assertEquals("Karl", DgwsExchangeTest.attribute(card, "medcom:UserGivenName"));
    }

    @Test
    void issueWhenMoces3CardHasNoCprAndUuid2CprKnowsNoneThenFailedAuthentication() throws Exception {
        uuid2CprAnswers(aResponse().withStatus(404));

        SoapFaults fault = DgwsExchangeTest.refused(cardWithoutCpr(moces3), moces3);

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: the UUID2CPR service knows no CPR for the certificate UI:DK-E:G:" + moces3Uuid,
                fault.faultstring());
    }

    @Test
    void issueWhenPersonalCertificateCardHasNoCprThenStillRefused() throws Exception {
        Instant now = Instant.now();
        IssuedCredential citizen = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(
                CertificateRequest.builder("CN=Demo Borger + SERIALNUMBER=PID:9208-2002-2-" + (100000000 + new java.util.Random()
                        .nextInt(899999999)) + ", C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());

        SoapFaults fault = DgwsExchangeTest.refused(cardWithoutCpr(citizen), citizen);

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertTrue(fault.faultstring().endsWith("must carry medcom:UserCivilRegistrationNumber"), fault.faultstring());
    }

    // --- monitoring ---

    @Test
    void monitoringWhenUuid2CprCalledThenCheckstatusAndAlarmShowIt() throws Exception {
        newCprForMoces3();
        issued(cardWithoutCpr(moces3), moces3, "moces3-monitoring");

        List<String> checkstatus = sts.get("/checkstatus").body().lines().toList();
        HttpResponse<String> alarm = sts.get("/alarm");

        assertTrue(checkstatus.stream().anyMatch(l -> l.matches("UUID2CPR, latest successful call: \\w{3} .*")), checkstatus.toString());
        assertTrue(checkstatus.stream().anyMatch(l -> l.startsWith("UUID2CPR, latest failed call: ")), checkstatus.toString());
        assertTrue(alarm.body().lines().anyMatch(l -> l.startsWith("UUID2CPR: ")), alarm.body());
    }
}

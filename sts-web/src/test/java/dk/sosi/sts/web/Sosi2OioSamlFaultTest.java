package dk.sosi.sts.web;

import static dk.sosi.sts.web.OioClientFixture.SAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UsernameToken;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.xml.XmlTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every refusal of Sosi2OIOSaml (exchanges.md 3.1, faults 2.7) over HTTP: the faultcode, the text that tells the
 * caller (or the operator) what to fix, the STS's faultactor and wsa:RelatesTo naming the request, checked by
 * {@link OioClientFixture#fault}. Cards the DGWS service would never issue are made with the STS's own key.
 */
class Sosi2OioSamlFaultTest {

    private static StsTestServer sts;
    private static OioClientFixture clients;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        clients = new OioClientFixture(sts);
    }

    /** A request for {@code card} to the demo audience, signed by the demo employee. */
    private static Document request(Element card) {
        return clients.signedRequest(card);
    }

    /** What a fresh STS-issued employee card says, for a test to change and have the STS's key sign. */
    private static IdCard.Builder employeeCardContent() throws Exception {
        return OioClientFixture.content(clients.employeeCard()).toBuilder();
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    // --- the request ---

    @Test
    void exchangeWhenActAsHoldsNoCardThenInvalidRequest() throws Exception {
        Document request = clients.signedRequest(new OioRequestBuilder().appliesTo(DemoServiceProvider.AUDIENCE));

        SoapFaults fault = clients.fault(request);

        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The wst14:ActAs must hold the id-card (saml:Assertion), inline or as a wsse:SecurityTokenReference "
                + "to the id-card in the wsse:Security header", fault.faultstring());
    }

    @Test
    void exchangeWhenAudienceNotConfiguredThenInvalidScopeNamingIt() throws Exception {
        String unknown = "https://unknown-" + UUID.randomUUID() + "/";

        SoapFaults fault = clients.fault(clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(unknown)));

        assertEquals("wst:InvalidScope", fault.faultcode());
        assertEquals("Audience not configured: \"" + unknown + "\"", fault.faultstring());
    }

    @Test
    void exchangeWhenNoAppliesToThenInvalidScope() throws Exception {
        SoapFaults fault = clients.fault(clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard())));

        assertEquals("wst:InvalidScope", fault.faultcode());
        assertEquals("The request names no audience: wsp:AppliesTo/wsa:EndpointReference/wsa:Address is missing",
                fault.faultstring());
    }

    // --- the card: signed by this STS ---

    @Test
    void exchangeWhenCardSignedByTheEmployeeHimselfThenUntrustedParty() throws Exception {
        IssuedCredential karl = clients.client(DemoClient.EMPLOYEE_MOCES);
        Element ownCard = OioClientFixture.signed(DgwsClientFixture.userCard(karl.certificate(), "0101701234", "7170").build(),
                karl.privateKey(), karl.certificate());

        SoapFaults fault = clients.fault(request(ownCard));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals(FederationTrust.UNTRUSTED, fault.faultstring());
    }

    @Test
    void exchangeWhenCardSignedByAnotherKeyInTheStsNameFromTheSameCaThenUntrustedParty() throws Exception {
        Instant now = Instant.now();
        IssuedCredential impostor = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(
                "CN=SOSI Test Federation (funktionscertifikat) + SERIALNUMBER=CVR:33257872-FID:18911861,"
                        + " O=SOSI-STS demo // CVR:33257872, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());
        Element card = OioClientFixture.signed(employeeCardContent().build(), impostor.privateKey(), impostor.certificate());

        SoapFaults fault = clients.fault(request(card));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals(FederationTrust.UNTRUSTED, fault.faultstring());
    }

    @Test
    void exchangeWhenCardChangedAfterTheStsSignedItThenInvalidSignature() throws Exception {
        Element card = clients.employeeCard();
        var attributes = card.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if ("medcom:UserSurName".equals(attribute.getAttribute("Name"))) {
                attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent("Jensen");
            }
        }
        assertEquals("Jensen", OioClientFixture.content(card).userLog().orElseThrow().surName());

        SoapFaults fault = clients.fault(request(card));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("The id-card signature is invalid", fault.faultstring());
    }

    // --- the card: a user card of level 3 or 4, in time ---

    @Test
    void exchangeWhenSystemCardThenFailedAuthentication() throws Exception {
        SoapFaults fault = clients.fault(request(clients.systemCard()));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Sosi2OIOSaml issues assertions for user id-cards only; this card is a system card", fault.faultstring());
    }

    @Test
    void exchangeWhenLevel2CardSignedByTheStsThenFailedAuthentication() throws Exception {
        IdCard level2 = employeeCardContent().authenticationLevel(2)
                .usernameToken(Optional.of(new UsernameToken("karl", "secret"))).build();

        SoapFaults fault = clients.fault(request(clients.stsSigned(level2)));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Sosi2OIOSaml needs an id-card of authentication level 3 or 4; this card has level 2", fault.faultstring());
    }

    @Test
    void exchangeWhenCardExpiredBeyondTheDriftThenInvalidSecurityTokenSayingExpired() throws Exception {
        Instant now = seconds(Instant.now());
        Instant expiry = now.minus(Duration.ofMinutes(10)); // allowedDriftInSeconds ships as 300
        IdCard expired = employeeCardContent().issueInstant(now.minus(Duration.ofHours(2))).notBefore(now.minus(Duration.ofHours(2)))
                .notOnOrAfter(expiry).build();

        SoapFaults fault = clients.fault(request(clients.stsSigned(expired)));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The id-card expired at " + XmlTimes.zulu(expiry), fault.faultstring());
        assertTrue(fault.faultstring().contains("expired"), "clients look for \"expired\" (exchanges.md 2.5)");
    }

    @Test
    void exchangeWhenCardNotYetValidBeyondTheDriftThenInvalidSecurityToken() throws Exception {
        Instant start = seconds(Instant.now()).plus(Duration.ofMinutes(30));
        IdCard future = employeeCardContent().issueInstant(start).notBefore(start).notOnOrAfter(start.plus(Duration.ofHours(24))).build();

        SoapFaults fault = clients.fault(request(clients.stsSigned(future)));

        assertEquals("wst:InvalidSecurityToken", fault.faultcode());
        assertEquals("The id-card is not valid before " + XmlTimes.zulu(start), fault.faultstring());
    }

    @Test
    void exchangeWhenCardOlderThanTheAudiencesIdCardMaxAgeThenInvalidSecurityTokenThoughOtherAudiencesTakeIt() throws Exception {
        String audience = clients.addAudience("max-age-1", OioClientFixture.publicKey(clients.serviceProvider().certificate()),
                true, 1, null);
        try {
            Instant issued = seconds(Instant.now()).minus(Duration.ofMinutes(10)); // older than 1 minute and the 300 s drift
            Element card = clients.stsSigned(employeeCardContent().issueInstant(issued).notBefore(issued)
                    .notOnOrAfter(issued.plus(Duration.ofHours(24))).build());
            clients.answer(request(card)); // the demo audience takes cards for the guide's default 1440 minutes
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(card).appliesTo(audience));

            SoapFaults fault = OioClientFixture.fault(request, clients.awaitConfigured(request));

            assertEquals("wst:InvalidSecurityToken", fault.faultcode());
            assertEquals("The id-card expired for this audience: it was issued at " + XmlTimes.zulu(issued)
                    + ", and the audience accepts cards for 1 minutes; get a new id-card", fault.faultstring());
        } finally {
            clients.removeAudience(audience);
        }
    }

    // --- the card: what the assertion is made from ---

    @ParameterizedTest
    @CsvSource({"medcom:cprnumber, 0101701234", "medcom:other, Karl Hansen"})
    void exchangeWhenNameIdIsNoCertificateInfoThenAuthenticationBadElements(String format, String value) throws Exception {
        IdCard card = employeeCardContent().nameId(new NameId(format, value)).build();

        SoapFaults fault = clients.fault(request(clients.stsSigned(card)));

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertEquals("Subject NameID is not in CertificateInfo format", fault.faultstring());
    }

    @Test
    void exchangeWhenCareProviderIdIsNoCvrNumberThenAuthenticationBadElements() throws Exception {
        IdCard card = employeeCardContent().systemLog(new SystemLog("Demo EPJ", "medcom:skscode", "1301011", "Demo afdeling")).build();

        SoapFaults fault = clients.fault(request(clients.stsSigned(card)));

        assertEquals("wst:AuthenticationBadElements", fault.faultcode());
        assertEquals("CVR no. not provided in CareProvider", fault.faultstring());
    }

    // --- the audience's encryption certificate ---

    @Test
    void exchangeWhenAudiencePublicKeyIsNoCertificateThenRequestFailedNamingTheAudience() throws Exception {
        String audience = clients.addAudience("not-a-certificate", "bm90IGEgY2VydGlmaWNhdGU=", true, null, null);
        try {
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(audience));

            SoapFaults fault = OioClientFixture.fault(request, clients.awaitConfigured(request));

            assertEquals("wst:RequestFailed", fault.faultcode());
            assertEquals("The iboConfig publicKey of audience " + audience + " is not a base64 X.509 certificate", fault.faultstring());
        } finally {
            clients.removeAudience(audience);
        }
    }

    @ParameterizedTest
    @CsvSource({"EMPLOYEE_MOCES_EXPIRED, expired", "EMPLOYEE_MOCES_REVOKED, revoked"})
    void exchangeWhenCheckTargetCertificateAndPublicKeyUnusableThenRequestFailed(DemoClient target, String why) throws Exception {
        String audience = clients.addAudience("unusable-target", OioClientFixture.publicKey(clients.client(target).certificate()),
                true, null, null);
        try {
            Document request = clients.signedRequest(new OioRequestBuilder().actAs(clients.employeeCard()).appliesTo(audience));

            // the row arrives with the next configuration refresh, the demo CRL with the CRL fetcher's first round
            SoapFaults fault = OioClientFixture.fault(request, Await.until(() -> clients.post(request),
                    response -> response.body().contains(why)));

            assertEquals("wst:RequestFailed", fault.faultcode());
            assertTrue(fault.faultstring().startsWith("The encryption certificate of audience " + audience + " cannot be used: "),
                    fault.faultstring());
            assertTrue(fault.faultstring().contains(why), fault.faultstring());
        } finally {
            clients.removeAudience(audience);
        }
    }
}

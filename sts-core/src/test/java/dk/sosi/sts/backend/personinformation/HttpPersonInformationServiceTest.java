package dk.sosi.sts.backend.personinformation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPersonInformationServiceTest {

    private static final String CUSTODY = "/person-information/persons/0505651234/custody";
    private static final String VALID = "/person-information/persons/0505651234/valid";

    private HttpPersonInformationService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpPersonInformationService(BackendStub.endpoint("/person-information"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void childrenInCustodyWhenServiceListsTwoThenBoth() {
        BackendStub.stub(get(urlEqualTo(CUSTODY)).willReturn(aResponse().withStatus(200).withBody("1503154321\r\n0101104321\n")));

        assertEquals(Set.of("1503154321", "0101104321"), service.childrenInCustody("0505651234", TestRequests.ANY));
    }

    @Test
    void childrenInCustodyWhenNoLinesThenNone() {
        BackendStub.stub(get(urlEqualTo(CUSTODY)).willReturn(aResponse().withStatus(200)));

        assertTrue(service.childrenInCustody("0505651234", TestRequests.ANY).isEmpty());
    }

    @Test
    void childrenInCustodyWhenALineIsNoCprThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(CUSTODY)).willReturn(aResponse().withStatus(200).withBody("1503154321\nnot-a-cpr\n")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.childrenInCustody("0505651234", TestRequests.ANY));

        assertEquals(PersonInformationService.SERVICE_NAME, e.serviceName());
        assertTrue(e.getMessage().contains("no CPR number"), e.getMessage());
    }

    @Test
    void isValidWhenServiceAnswersTrueOrFalseThenThat() {
        BackendStub.stub(get(urlEqualTo(VALID)).willReturn(aResponse().withStatus(200).withBody("true\n")));
        BackendStub.stub(get(urlEqualTo("/person-information/persons/0000000000/valid"))
                .willReturn(aResponse().withStatus(200).withBody("false")));

        assertTrue(service.isValid("0505651234", TestRequests.ANY));
        assertFalse(service.isValid("0000000000", TestRequests.ANY));
    }

    @Test
    void isValidWhenAnswerNeitherTrueNorFalseThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(VALID)).willReturn(aResponse().withStatus(200).withBody("maybe")));

        assertThrows(BackendUnavailableException.class, () -> service.isValid("0505651234", TestRequests.ANY));
    }

    @Test
    void isValidWhenServiceAnswers503ThenUnavailableWithoutTheCpr() {
        BackendStub.stub(get(urlEqualTo(VALID)).willReturn(aResponse().withStatus(503)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.isValid("0505651234", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 503 (the service failed)"), e.getMessage());
        assertFalse(e.getMessage().contains("0505651234"), e.getMessage());
    }

    @Test
    void childrenInCustodyWhenMonitoredThenEachCallRecorded() {
        BackendStub.stub(get(urlEqualTo(CUSTODY)).willReturn(aResponse().withStatus(200).withBody("1503154321\n")));
        BackendStub.stub(get(urlEqualTo(VALID)).willReturn(aResponse().withStatus(500)));
        ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);
        MonitoredPersonInformationService monitored = new MonitoredPersonInformationService(service, serviceInfo);

        monitored.childrenInCustody("0505651234", TestRequests.ANY);
        assertThrows(BackendUnavailableException.class, () -> monitored.isValid("0505651234", TestRequests.ANY));

        assertEquals(2, serviceInfo.window().calls());
        assertEquals(1, serviceInfo.window().failures());
        assertEquals("Person information service", monitored.name());
    }
}

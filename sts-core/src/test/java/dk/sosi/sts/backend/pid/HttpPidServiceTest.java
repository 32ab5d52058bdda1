package dk.sosi.sts.backend.pid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPidServiceTest {

    private static final String CITIZEN = "/pid/pid/9208-2002-2-741852963/cpr/0505651234";

    private HttpPidService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpPidService(BackendStub.endpoint("/pid"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void isRelatedWhenServiceAnswersTrueThenTrue() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(200).withBody("true\r\n")));

        assertTrue(service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
    }

    @Test
    void isRelatedWhenServiceAnswersFalseThenFalse() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(200).withBody("false")));

        assertFalse(service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
    }

    @Test
    void isRelatedWhenAnswerNeitherTrueNorFalseThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(200).withBody("yes")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));

        assertEquals(PidService.SERVICE_NAME, e.serviceName());
    }

    @Test
    void isRelatedWhenServiceAnswers404ThenUnavailableBecauseTheContractHasNo404() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(404)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(e.getMessage().contains("0505651234"), e.getMessage());
    }

    @Test
    void isRelatedWhenServiceAnswers503ThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(503)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 503 (the service failed)"), e.getMessage());
    }

    @Test
    void isRelatedWhenServiceTooSlowThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(CITIZEN)).willReturn(aResponse().withStatus(200).withBody("true").withFixedDelay(3000)));

        assertThrows(BackendUnavailableException.class, () -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
    }

    @Test
    void isRelatedWhenConnectionRefusedThenUnavailable() {
        HttpPidService nowhere = new HttpPidService(BackendStub.refusedEndpoint("/pid"), BackendStub.TIMEOUT, BackendStub.client());

        assertThrows(BackendUnavailableException.class, () -> nowhere.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
    }
}

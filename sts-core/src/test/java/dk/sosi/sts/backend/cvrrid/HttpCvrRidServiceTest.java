package dk.sosi.sts.backend.cvrrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCvrRidServiceTest {

    private static final String KARL = "/cvr-rid/cvr/20921897/rid/46283716";

    private HttpCvrRidService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpCvrRidService(BackendStub.endpoint("/cvr-rid"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void findRelatedCprWhenRegisterKnowsEmployeeThenCpr() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("0101701234\n")));

        assertEquals(Optional.of("0101701234"), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
        BackendStub.server().verify(getRequestedFor(urlEqualTo(KARL)));
    }

    @Test
    void findRelatedCprWhenRegisterAnswers404ThenEmpty() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(404)));

        assertEquals(Optional.empty(), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenEndpointHasTrailingSlashThenSamePath() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("0101701234")));
        HttpCvrRidService slash = new HttpCvrRidService(BackendStub.endpoint("/cvr-rid/"), BackendStub.TIMEOUT, BackendStub.client());

        assertEquals(Optional.of("0101701234"), slash.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenValuesHoldReservedCharactersThenPercentEncoded() {
        BackendStub.stub(get(urlEqualTo("/cvr-rid/cvr/2092%201897/rid/4628%3F3716%C3%B8"))
                .willReturn(aResponse().withStatus(404)));

        assertEquals(Optional.empty(), service.findRelatedCpr("2092 1897", "4628?3716ø", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenBackendTooSlowThenUnavailableWithinTimeout() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("0101701234").withFixedDelay(3000)));

        long started = System.nanoTime();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(waited.compareTo(Duration.ofMillis(2000)) < 0, "waited " + waited);
        assertEquals(CvrRidService.SERVICE_NAME, e.serviceName());
        assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
        assertEquals("CVR-RID service did not answer; try again later", e.callerMessage());
    }

    @Test
    void findRelatedCprWhenBackendAnswers500ThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(500).withBody("boom")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertFalse(e.getMessage().contains("46283716"), "the message must not hold path parameters: " + e.getMessage());
    }

    @Test
    void findRelatedCprWhenBackendAnswers400ThenUnavailableAsMisconfiguration() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(400)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 400 (check the endpoint)"), e.getMessage());
    }

    @Test
    void findRelatedCprWhenBackendRedirectsThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(302).withHeader("Location", "http://example.org/")));

        assertThrows(BackendUnavailableException.class, () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenAnswerIsNotACprThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(e.getMessage().contains("not a CPR number"), e.getMessage());
    }

    @Test
    void findRelatedCprWhenConnectionResetThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(BackendUnavailableException.class, () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenConnectionRefusedThenUnavailableQuickly() {
        HttpCvrRidService nowhere = new HttpCvrRidService(BackendStub.refusedEndpoint("/cvr-rid"), BackendStub.TIMEOUT,
                BackendStub.client());

        long started = System.nanoTime();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> nowhere.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2000)) < 0);
        assertTrue(e.getMessage().startsWith("CVR-RID service is unavailable: cannot connect"), e.getMessage());
    }

    @Test
    void findRelatedCprWhenRidBlankThenRefusedWithoutCall() {
        assertThrows(IllegalArgumentException.class, () -> service.findRelatedCpr("20921897", " ", TestRequests.ANY));
        assertEquals(0, BackendStub.server().getAllServeEvents().size());
    }
}

package dk.sosi.sts.backend.uuid2cpr;

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

class HttpUuid2CprServiceTest {

    private static final String UUID = "e9f5888c-26c1-46f7-b22f-de1cf658b0d9";
    private static final String KARL = "/uuid2cpr/uuid/" + UUID;

    private HttpUuid2CprService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpUuid2CprService(BackendStub.endpoint("/uuid2cpr"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void cprOfWhenServiceKnowsUuidThenCpr() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("0101701234\r\n")));

        assertEquals(Optional.of("0101701234"), service.cprOf(UUID, TestRequests.ANY));
        BackendStub.server().verify(getRequestedFor(urlEqualTo(KARL)));
    }

    @Test
    void cprOfWhenServiceAnswers404ThenEmpty() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(404)));

        assertEquals(Optional.empty(), service.cprOf(UUID, TestRequests.ANY));
    }

    @Test
    void cprOfWhenEndpointHasTrailingSlashThenSamePath() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("0101701234")));
        HttpUuid2CprService slash = new HttpUuid2CprService(BackendStub.endpoint("/uuid2cpr/"), BackendStub.TIMEOUT,
                BackendStub.client());

        assertEquals(Optional.of("0101701234"), slash.cprOf(UUID, TestRequests.ANY));
    }

    @Test
    void cprOfWhenUuidHoldsReservedCharactersThenPercentEncoded() {
        BackendStub.stub(get(urlEqualTo("/uuid2cpr/uuid/%2E%2E%2F%2E%2E%2Fadmin%3Fx")).willReturn(aResponse().withStatus(404)));

        assertEquals(Optional.empty(), service.cprOf("../../admin?x", TestRequests.ANY));
    }

    @Test
    void cprOfWhenServiceTooSlowThenUnavailableWithinTimeout() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("0101701234").withFixedDelay(3000)));

        long started = System.nanoTime();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(waited.compareTo(Duration.ofMillis(2000)) < 0, "waited " + waited);
        assertEquals(Uuid2CprService.SERVICE_NAME, e.serviceName());
        assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
        assertEquals("UUID2CPR service did not answer; try again later", e.callerMessage());
    }

    @Test
    void cprOfWhenServiceAnswers500ThenUnavailableWithoutTheUuid() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(500).withBody("boom")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertFalse(e.getMessage().contains(UUID), "the message must not hold path parameters: " + e.getMessage());
    }

    @Test
    void cprOfWhenServiceAnswers400ThenUnavailableAsMisconfiguration() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(400)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 400 (check the endpoint)"), e.getMessage());
    }

    @Test
    void cprOfWhenServiceRedirectsThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(302).withHeader("Location", "http://example.org/")));

        assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));
    }

    @Test
    void cprOfWhenAnswerIsNotACprThenUnavailableWithoutTheAnswer() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withStatus(200).withBody("010170123")));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));

        assertTrue(e.getMessage().contains("not a CPR number (9 characters)"), e.getMessage());
        assertFalse(e.getMessage().contains("010170123"), "an answer may be a CPR number: " + e.getMessage());
    }

    @Test
    void cprOfWhenConnectionResetThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(KARL)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(BackendUnavailableException.class, () -> service.cprOf(UUID, TestRequests.ANY));
    }

    @Test
    void cprOfWhenConnectionRefusedThenUnavailableQuickly() {
        HttpUuid2CprService nowhere = new HttpUuid2CprService(BackendStub.refusedEndpoint("/uuid2cpr"), BackendStub.TIMEOUT,
                BackendStub.client());

        long started = System.nanoTime();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> nowhere.cprOf(UUID, TestRequests.ANY));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2000)) < 0);
        assertTrue(e.getMessage().startsWith("UUID2CPR service is unavailable: cannot connect"), e.getMessage());
    }

    @Test
    void cprOfWhenUuidBlankThenRefusedWithoutCall() {
        assertThrows(IllegalArgumentException.class, () -> service.cprOf(" ", TestRequests.ANY));
        assertEquals(0, BackendStub.server().getAllServeEvents().size());
    }
}

package dk.sosi.sts.backend.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestClientTest {

    @Test
    void segmentWhenValueHoldsPathOrQueryCharactersThenAllEncoded() {
        assertEquals("a%2F%2E%2E%2Fb%3Fc%3Dd%23e", RestClient.segment("x", "a/../b?c=d#e"));
        assertEquals("%2E%2E", RestClient.segment("x", ".."));
        assertEquals("PID%3A9208-2002-2-1_~", RestClient.segment("x", "PID:9208-2002-2-1_~"));
        assertEquals("%C3%A6%2B%20", RestClient.segment("x", "æ+ "));
    }

    @Test
    void segmentWhenValueBlankThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> RestClient.segment("cpr", ""));
        assertThrows(NullPointerException.class, () -> RestClient.segment("cpr", null));
    }

    @Test
    void constructWhenEndpointNotHttpThenRefusedNamingService() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RestClient("PID service", URI.create("ftp://host/pid"), Duration.ofSeconds(1), BackendStub.client()));

        assertTrue(e.getMessage().contains("PID service"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RestClient("PID service", URI.create("/pid"), Duration.ofSeconds(1), BackendStub.client()));
        assertThrows(IllegalArgumentException.class,
                () -> new RestClient("PID service", URI.create("http://host/pid?x=1"), Duration.ofSeconds(1), BackendStub.client()));
        assertThrows(IllegalArgumentException.class,
                () -> new RestClient("PID service", URI.create("http://host/pid"), Duration.ZERO, BackendStub.client()));
    }

    @Test
    void getWhenAnswerLongerThanLimitThenUnavailable() {
        BackendStub.stub(get(urlEqualTo("/big/x")).willReturn(aResponse().withStatus(200)
                .withBody("a".repeat(RestClient.MAX_BODY_BYTES + 1))));
        RestClient client = new RestClient("Big service", BackendStub.endpoint("/big"), BackendStub.TIMEOUT, BackendStub.client());

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> client.get("big", "/x", Set.of(200)));

        assertTrue(e.getMessage().contains("more than 65536 bytes"), e.getMessage());
    }

    @Test
    void getWhenAnswerAtLimitThenRead() {
        BackendStub.stub(get(urlEqualTo("/big/x")).willReturn(aResponse().withStatus(200)
                .withBody("a".repeat(RestClient.MAX_BODY_BYTES))));
        RestClient client = new RestClient("Big service", BackendStub.endpoint("/big"), BackendStub.TIMEOUT, BackendStub.client());

        assertEquals(RestClient.MAX_BODY_BYTES, client.get("big", "/x", Set.of(200)).body().length());
    }
}

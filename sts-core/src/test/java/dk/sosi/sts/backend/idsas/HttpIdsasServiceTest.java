package dk.sosi.sts.backend.idsas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpIdsasServiceTest {

    private static final String LOOKUP = "/idsas-host/idsas/20230601/lookup/0505651234";

    private HttpIdsasService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpIdsasService(BackendStub.endpoint("/idsas-host/"), BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void blurredOrganisationsWhenLookupListsTwoThenBothInOrder() {
        BackendStub.stub(get(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200).withBody("SOR:2\nSOR:1\n")));

        assertEquals(List.of("SOR:2", "SOR:1"), service.blurredOrganisations("0505651234", TestRequests.ANY));
    }

    @Test
    void blurredOrganisationsWhenNoLinesThenNone() {
        BackendStub.stub(get(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200).withBody("\n")));

        assertTrue(service.blurredOrganisations("0505651234", TestRequests.ANY).isEmpty());
    }

    @Test
    void blurredOrganisationsWhenServiceFailsThenUnavailableAndRecordedAsFailure() {
        BackendStub.stub(get(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(500)));
        ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);
        MonitoredIdsasService monitored = new MonitoredIdsasService(service, serviceInfo);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> monitored.blurredOrganisations("0505651234", TestRequests.ANY));

        assertEquals("IDSAS did not answer; try again later", e.callerMessage());
        assertEquals(1, serviceInfo.window().failures());
    }

    @Test
    void blurredOrganisationsWhenConnectionRefusedThenUnavailable() {
        HttpIdsasService nowhere = new HttpIdsasService(BackendStub.refusedEndpoint("/idsas"), BackendStub.TIMEOUT, BackendStub.client());

        assertThrows(BackendUnavailableException.class, () -> nowhere.blurredOrganisations("0505651234", TestRequests.ANY));
    }
}

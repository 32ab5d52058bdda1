package dk.sosi.sts.backend.procuration;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProcurationServiceTest {

    private static final String GRANTOR = "0707451122";
    private static final String GRANTEE = "0505651234";
    private static final String PATH = "/procuration/grantors/0707451122/grantees/0505651234/privileges";

    private HttpProcurationService service;

    @BeforeEach
    void stubs() {
        BackendStub.reset();
        service = new HttpProcurationService(HttpProcurationService.Version.V2, BackendStub.endpoint("/procuration"),
                BackendStub.TIMEOUT, BackendStub.client());
    }

    @Test
    void getProcurationPrivilegesWhenServiceListsPrivilegesThenThoseInOrder() {
        BackendStub.stub(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("urn:privilege:write\r\n  urn:privilege:read \n\n")));

        assertEquals(List.of("urn:privilege:write", "urn:privilege:read"),
                service.getProcurationPrivileges(GRANTOR, GRANTEE, TestRequests.ANY));
    }

    @Test
    void getProcurationPrivilegesWhenNoLinesThenNoProcuration() {
        BackendStub.stub(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("")));

        assertTrue(service.getProcurationPrivileges(GRANTOR, GRANTEE, TestRequests.ANY).isEmpty());
    }

    @Test
    void getProcurationPrivilegesWhenServiceAnswers404ThenUnavailableNamingTheVersionAndNoCpr() {
        BackendStub.stub(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.getProcurationPrivileges(GRANTOR, GRANTEE, TestRequests.ANY));

        assertEquals("Procuration service V2", e.serviceName());
        assertEquals("Procuration service V2 did not answer; try again later", e.callerMessage());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(e.getMessage().contains(GRANTOR) || e.getMessage().contains(GRANTEE), e.getMessage());
    }

    @Test
    void getProcurationPrivilegesWhenServiceTooSlowThenUnavailable() {
        BackendStub.stub(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("urn:p").withFixedDelay(3000)));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.getProcurationPrivileges(GRANTOR, GRANTEE, TestRequests.ANY));

        assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
    }

    @Test
    void getProcurationPrivilegesWhenConnectionRefusedThenUnavailableNamingV1() {
        HttpProcurationService nowhere = new HttpProcurationService(HttpProcurationService.Version.V1,
                BackendStub.refusedEndpoint("/procuration"), BackendStub.TIMEOUT, BackendStub.client());

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> nowhere.getProcurationPrivileges(GRANTOR, GRANTEE, TestRequests.ANY));

        assertEquals("Procuration service V1", e.serviceName());
    }
}

package dk.sosi.sts.backend.cvrrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.SlaLines;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.sla.SlaLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitoredCvrRidServiceTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);
    private final SlaLog sla = new SlaLog(Clock.systemUTC());

    @Test
    void findRelatedCprWhenDelegateAnswersThenSuccessRecordedAndAnswerPassedOn() {
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> Optional.of("0101701234"), serviceInfo, sla);

        assertEquals(Optional.of("0101701234"), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
        assertTrue(serviceInfo.latestSuccess().isPresent());
    }

    @Test
    void findRelatedCprWhenRegisterHasNoneThenStillASuccessfulCall() {
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> Optional.empty(), serviceInfo, sla);

        assertEquals(Optional.empty(), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
        assertEquals(0, serviceInfo.window().failures());
    }

    @Test
    void findRelatedCprWhenDelegateUnavailableThenFailureRecordedAndExceptionPassedOn() {
        BackendUnavailableException down = new BackendUnavailableException(CvrRidService.SERVICE_NAME, "HTTP 503", null);
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> {
            throw down;
        }, serviceInfo, sla);

        assertSame(down, assertThrows(BackendUnavailableException.class, () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY)));
        assertEquals(1, serviceInfo.window().failures());
        assertTrue(serviceInfo.latestFailure().isPresent());
        assertTrue(serviceInfo.latestSuccess().isEmpty());
    }

    @Test
    void findRelatedCprWhenCalledForAMessageThenSlaLinePoint220CarriesTheMessageId() {
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> Optional.of("0101701234"), serviceInfo, sla);

        List<String> lines = SlaLines.during(() -> service.findRelatedCpr("20921897", "46283716", TestRequests.withMessageId("AAABcUSVr0hCh7tm8QcFy1NPU0k=")));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("id=220 name=WsOcesCvrRidService.findRelatedCpr messageId=AAABcUSVr0hCh7tm8QcFy1NPU0k_"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith("outcome=ok"), lines.get(0));
    }

    @Test
    void findRelatedCprWhenCalledDirectlyAndDelegateFailsThenSlaLineWithoutMessageIdAndErrorOutcome() {
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> {
            throw new BackendUnavailableException(CvrRidService.SERVICE_NAME, "HTTP 503", null);
        }, serviceInfo, sla);

        List<String> lines = SlaLines.during(() -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("id=220 name=WsOcesCvrRidService.findRelatedCpr messageId=- "), lines.get(0));
        assertTrue(lines.get(0).endsWith("outcome=error:BackendUnavailableException"), lines.get(0));
    }

    @Test
    void nameWhenAskedThenTheServiceAsTheStatusPagesNameItWithItsOwnCollector() {
        MonitoredCvrRidService service = new MonitoredCvrRidService((cvr, rid, request) -> Optional.of("0101701234"), serviceInfo, sla);

        assertEquals("CVR-RID service", service.name());
        assertSame(serviceInfo, service.serviceInfo());
    }
}

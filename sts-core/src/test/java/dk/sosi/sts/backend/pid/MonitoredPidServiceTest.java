package dk.sosi.sts.backend.pid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.SlaLines;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.sla.SlaLog;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoredPidServiceTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);
    private final SlaLog sla = new SlaLog(Clock.systemUTC());

    @Test
    void isRelatedWhenDelegateAnswersFalseThenSuccessfulCallRecorded() {
        MonitoredPidService service = new MonitoredPidService((pid, cpr, request) -> false, serviceInfo, sla);

        assertFalse(service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
    }

    @Test
    void isRelatedWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredPidService service = new MonitoredPidService((pid, cpr, request) -> {
            throw new BackendUnavailableException(PidService.SERVICE_NAME, "no answer within 500 ms", null);
        }, serviceInfo, sla);

        assertThrows(BackendUnavailableException.class, () -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().failures());
    }

    @Test
    void isRelatedWhenCalledForAMessageThenSlaLinePoint221CarriesTheMessageId() {
        MonitoredPidService service = new MonitoredPidService((pid, cpr, request) -> true, serviceInfo, sla);

        List<String> lines = SlaLines.during(() -> service.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.withMessageId("msg-1")));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("id=221 name=WsOcesPidService.isRelated messageId=msg-1 "), lines.get(0));
        assertEquals("PID service", service.name());
    }
}

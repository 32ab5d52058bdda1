package dk.sosi.sts.backend.procuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class MonitoredProcurationServiceTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);
    private final SlaLog sla = new SlaLog(Clock.systemUTC());

    @Test
    void getProcurationPrivilegesWhenCalledForAMessageThenSlaLinePoint222CarriesTheMessageId() {
        MonitoredProcurationService service = new MonitoredProcurationService((grantor, grantee, request) -> List.of("urn:p"),
                serviceInfo, sla);

        List<String> lines = SlaLines.during(
                () -> service.getProcurationPrivileges("0707451122", "0505651234", TestRequests.withMessageId("msg-9")));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("id=222 name=ProcurationWebService.getProcurationPrivileges messageId=msg-9 "), lines.get(0));
        assertEquals(1, serviceInfo.window().calls());
        assertEquals("Procuration service", service.name());
    }

    @Test
    void getProcurationPrivilegesWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredProcurationService service = new MonitoredProcurationService((grantor, grantee, request) -> {
            throw new BackendUnavailableException(ProcurationService.SERVICE_NAME, "no answer within 500 ms", null);
        }, serviceInfo, sla);

        assertThrows(BackendUnavailableException.class,
                () -> service.getProcurationPrivileges("0707451122", "0505651234", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().failures());
    }
}

package dk.sosi.sts.backend.uuid2cpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.SlaLines;
import dk.sosi.sts.exchange.TestRequests;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitoredUuid2CprServiceTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);

    @Test
    void cprOfWhenDelegateAnswersThenSuccessRecordedWithoutSlaLine() {
        MonitoredUuid2CprService service = new MonitoredUuid2CprService((uuid, request) -> Optional.of("0101701234"), serviceInfo);

        assertTrue(SlaLines.during(() -> assertEquals(Optional.of("0101701234"),
                service.cprOf("e9f5888c-26c1-46f7-b22f-de1cf658b0d9", TestRequests.withMessageId("msg-1")))).isEmpty());
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
    }

    @Test
    void cprOfWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredUuid2CprService service = new MonitoredUuid2CprService((uuid, request) -> {
            throw new BackendUnavailableException(Uuid2CprService.SERVICE_NAME, "HTTP 500", null);
        }, serviceInfo);

        assertThrows(BackendUnavailableException.class, () -> service.cprOf("e9f5888c-26c1-46f7-b22f-de1cf658b0d9", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().failures());
        assertEquals("UUID2CPR service", service.name());
    }
}

package dk.sosi.sts.backend.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.SlaLines;
import dk.sosi.sts.exchange.TestRequests;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitoredUserRoleDirectoryTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);

    @Test
    void rolesOfWhenDelegateAnswersThenSuccessRecordedWithoutSlaLine() {
        MonitoredUserRoleDirectory directory = new MonitoredUserRoleDirectory((cpr, cvr, request) -> Set.of("nspLaegesekretaer"), serviceInfo);

        assertTrue(SlaLines.during(() -> assertEquals(Set.of("nspLaegesekretaer"),
                directory.rolesOf("0101701234", "20921897", TestRequests.withMessageId("msg-1")))).isEmpty());
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
    }

    @Test
    void rolesOfWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredUserRoleDirectory directory = new MonitoredUserRoleDirectory((cpr, cvr, request) -> {
            throw new BackendUnavailableException(UserRoleDirectory.SERVICE_NAME, "HTTP 500", null);
        }, serviceInfo);

        assertThrows(BackendUnavailableException.class, () -> directory.rolesOf("0101701234", "20921897", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().failures());
        assertEquals("User role directory", directory.name());
    }
}

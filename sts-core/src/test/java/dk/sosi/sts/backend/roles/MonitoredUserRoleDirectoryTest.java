package dk.sosi.sts.backend.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.SlaLines;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitoredUserRoleDirectoryTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);

    @Test
    void rolesOfWhenDelegateAnswersThenSuccessRecordedWithoutSlaLine() {
        MonitoredUserRoleDirectory directory = new MonitoredUserRoleDirectory((cpr, cvr) -> Set.of("nspLaegesekretaer"), serviceInfo);

        assertTrue(SlaLines.during(() -> assertEquals(Set.of("nspLaegesekretaer"),
                directory.forMessage("msg-1").rolesOf("0101701234", "20921897"))).isEmpty());
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
        assertSame(directory, directory.forMessage("msg-1"));
    }

    @Test
    void rolesOfWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredUserRoleDirectory directory = new MonitoredUserRoleDirectory((cpr, cvr) -> {
            throw new BackendUnavailableException(UserRoleDirectory.SERVICE_NAME, "HTTP 500", null);
        }, serviceInfo);

        assertThrows(BackendUnavailableException.class, () -> directory.rolesOf("0101701234", "20921897"));
        assertEquals(1, serviceInfo.window().failures());
        assertEquals("User role directory", directory.name());
    }
}

package dk.sosi.sts.backend.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.TestRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoredAuthorizationRegisterTest {

    private final ServiceInfoCollector serviceInfo = new ServiceInfoCollector(24);

    @Test
    void authorizationsOfWhenDelegateAnswersThenSuccessRecorded() {
        MonitoredAuthorizationRegister register = new MonitoredAuthorizationRegister(
                (cpr, request) -> List.of(new Authorization("J0184", "7170")), serviceInfo);

        assertEquals(List.of(new Authorization("J0184", "7170")), register.authorizationsOf("0101701234", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().calls());
        assertEquals(0, serviceInfo.window().failures());
    }

    @Test
    void authorizationsOfWhenDelegateUnavailableThenFailureRecorded() {
        MonitoredAuthorizationRegister register = new MonitoredAuthorizationRegister((cpr, request) -> {
            throw new BackendUnavailableException(AuthorizationRegister.SERVICE_NAME, "HTTP 500", null);
        }, serviceInfo);

        assertThrows(BackendUnavailableException.class, () -> register.authorizationsOf("0101701234", TestRequests.ANY));
        assertEquals(1, serviceInfo.window().failures());
        assertEquals("Authorization register", register.name());
    }

    @Test
    void constructWhenCodeBlankThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Authorization(" ", "7170"));
        assertThrows(IllegalArgumentException.class, () -> new Authorization("J0184", ""));
    }
}

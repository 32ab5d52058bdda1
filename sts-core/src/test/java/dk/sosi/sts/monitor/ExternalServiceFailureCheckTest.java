package dk.sosi.sts.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.roles.MonitoredUserRoleDirectory;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.exchange.TestRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExternalServiceFailureCheckTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicBoolean down = new AtomicBoolean();
    private final MonitoredUserRoleDirectory roles = new MonitoredUserRoleDirectory((cpr, cvr, request) -> {
        if (down.get()) {
            throw new BackendUnavailableException(UserRoleDirectory.SERVICE_NAME, "HTTP 503", null);
        }
        return Set.of("nspLaegesekretaer");
    }, new ServiceInfoCollector(24, clock));
    private final ExternalServiceFailureCheck check = new ExternalServiceFailureCheck(roles, "Roles", 5);

    @Test
    void runWhenNoCallsThenHealthy() {
        CheckResult result = check.run();

        assertTrue(result.healthy());
        assertEquals("Roles: OK (0 calls, 0 failed)", result.line());
    }

    @Test
    void runWhenFailedShareAtMaxThenHealthy() {
        calls(95, 5);

        CheckResult result = check.run();

        assertTrue(result.healthy());
        assertEquals("Roles: OK (100 calls, 5 failed)", result.line());
    }

    @Test
    void runWhenFailedShareAboveMaxThenFailedWithShareWindowAndMax() {
        calls(94, 6);

        CheckResult result = check.run();

        assertFalse(result.healthy());
        assertEquals("Roles: FAILED (6% of 100 calls failed in the last 24h, max 5%)", result.line());
    }

    @Test
    void runWhenCallsRecoverThenFlipsBackBelowMax() {
        calls(14, 1);
        assertFalse(check.run().healthy());
        assertEquals("Roles: FAILED (6.7% of 15 calls failed in the last 24h, max 5%)", check.run().line());

        calls(5, 0);

        assertTrue(check.run().healthy(), check.run().line());
        assertEquals("Roles: OK (20 calls, 1 failed)", check.run().line());
    }

    @Test
    void runWhenCollectorFailsThenFailedResultNotException() {
        MonitoredService broken = new MonitoredService() {
            @Override
            public String name() {
                return "PID service";
            }

            @Override
            public ServiceInfoCollector serviceInfo() {
                throw new IllegalStateException("gone");
            }
        };

        CheckResult result = new ExternalServiceFailureCheck(broken, "CPR-PID", 5).run();

        assertFalse(result.healthy());
        assertEquals("CPR-PID: FAILED (cannot read the calls to PID service: gone)", result.line());
    }

    @Test
    void constructWhenMaxOutsidePercentRangeThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExternalServiceFailureCheck(roles, "Roles", 101));
        assertThrows(IllegalArgumentException.class, () -> new ExternalServiceFailureCheck(roles, "Roles", -1));
    }

    /** Makes {@code succeeded} calls that succeed, then {@code failed} that fail, through the monitored service. */
    private void calls(int succeeded, int failed) {
        down.set(false);
        for (int i = 0; i < succeeded; i++) {
            roles.rolesOf("0101701234", "20921897", TestRequests.ANY);
        }
        down.set(true);
        for (int i = 0; i < failed; i++) {
            assertThrows(BackendUnavailableException.class, () -> roles.rolesOf("0101701234", "20921897", TestRequests.ANY));
        }
    }
}

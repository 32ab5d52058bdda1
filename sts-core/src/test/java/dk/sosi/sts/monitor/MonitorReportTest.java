package dk.sosi.sts.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorReportTest {

    private static final CheckResult OK = CheckResult.ok("STS-DB");
    private static final CheckResult WARNING = CheckResult.warning("NBOTrustStore", "Expiring NBOTrustStore/idp");
    private static final CheckResult FAILED = CheckResult.failed("CRA-DB", "FAILED (no connection)");

    @Test
    void healthyWhenOnlyWarningsThenStatusPagesPassAndAlarmFails() {
        MonitorReport report = new MonitorReport(List.of(OK, WARNING));

        assertTrue(report.healthy(Severity.FAILED));
        assertFalse(report.healthy(Severity.WARNING));
    }

    @Test
    void healthyWhenOneFailedThenEveryPageFails() {
        MonitorReport report = new MonitorReport(List.of(OK, WARNING, FAILED));

        assertFalse(report.healthy(Severity.FAILED));
        assertFalse(report.healthy(Severity.WARNING));
    }

    @Test
    void healthyWhenAllOkThenEveryPagePasses() {
        assertTrue(new MonitorReport(List.of(OK)).healthy(Severity.WARNING));
    }

    @Test
    void checkStatusLinesWhenResultHasDetailsThenDetailsElseItsLine() {
        CheckResult itemised = new CheckResult("JWTTrustStore", Severity.OK, "OK (1 certificate)",
                List.of("Trusted certificate JWTTrustStore/kid -> CVR:1-FID:2: OK (Expires: 01-01-2030 00:00:00)"));

        assertEquals(List.of("Trusted certificate JWTTrustStore/kid -> CVR:1-FID:2: OK (Expires: 01-01-2030 00:00:00)"),
                itemised.checkStatusLines());
        assertEquals(List.of("STS-DB: OK"), OK.checkStatusLines());
    }
}

package dk.sosi.sts.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.monitor.inventory.TestCertificates;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.trust.StsCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StsCertificateCheckTest {

    private static final Instant NOW = TestCertificates.NOW;

    private static StsCredential credential(IssuedCredential issued) {
        return new StsCredential(issued.privateKey(), issued.chain());
    }

    private static IssuedCredential sts(Instant notBefore, Instant notAfter) {
        return TestCertificates.credential("CVR:33257872-FID:18911861", notBefore, notAfter);
    }

    @Test
    void runWhenValidBeyondHorizonThenOk() {
        CheckResult result = new StsCertificateCheck(credential(sts(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)))),
                TestCertificates.policy()).run();

        assertEquals("Sts certificate valid: OK", result.line());
        assertEquals(Severity.OK, result.severity());
    }

    @Test
    void runWhenWithinHorizonThenExpiringWarningThatOnlyTheAlarmFailsOn() {
        CheckResult result = new StsCertificateCheck(credential(sts(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(12)))),
                TestCertificates.policy()).run();

        assertEquals("Sts certificate valid: Expiring (12 days left)", result.line());
        assertEquals(Severity.WARNING, result.severity());
        MonitorReport report = new MonitorReport(List.of(result));
        assertTrue(report.healthy(Severity.FAILED), "the status page stays 200");
        assertFalse(report.healthy(Severity.WARNING), "the alarm page answers 500");
    }

    @Test
    void runWhenExpiredThenFailed() {
        CheckResult result = new StsCertificateCheck(credential(sts(NOW.minus(Duration.ofDays(9)), NOW.minusSeconds(1))),
                TestCertificates.policy()).run();

        assertEquals("Sts certificate valid: Expired", result.line());
        assertEquals(Severity.FAILED, result.severity());
    }

    @Test
    void runWhenRevokedThenFailed() {
        IssuedCredential revoked = sts(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));

        CheckResult result = new StsCertificateCheck(credential(revoked), TestCertificates.policy(revoked.certificate())).run();

        assertEquals("Sts certificate valid: Revoked", result.line());
        assertEquals(Severity.FAILED, result.severity());
    }

    @Test
    void runWhenNotYetValidThenFailed() {
        CheckResult result = new StsCertificateCheck(credential(sts(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)))),
                TestCertificates.policy()).run();

        assertEquals("Sts certificate valid: Not yet valid", result.line());
        assertEquals(Severity.FAILED, result.severity());
    }
}

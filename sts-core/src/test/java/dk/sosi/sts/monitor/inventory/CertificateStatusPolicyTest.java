package dk.sosi.sts.monitor.inventory;

import static dk.sosi.sts.monitor.inventory.TestCertificates.NOW;
import static dk.sosi.sts.monitor.inventory.TestCertificates.certificate;
import static dk.sosi.sts.monitor.inventory.TestCertificates.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.monitor.Severity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateStatusPolicyTest {

    @Test
    void statusOfWhenNotAfterBeyondHorizonThenOk() {
        assertEquals(CertificateStatus.OK, policy().statusOf(certificate("CVR:1-FID:1", NOW.plus(Duration.ofDays(31)))));
    }

    @Test
    void statusOfWhenNotAfterWithinHorizonThenExpiring() {
        assertEquals(CertificateStatus.EXPIRING, policy().statusOf(certificate("CVR:1-FID:1", NOW.plus(Duration.ofDays(10)))));
        assertEquals(CertificateStatus.EXPIRING, policy().statusOf(certificate("CVR:1-FID:1", NOW.plus(Duration.ofDays(30)).minusSeconds(1))));
    }

    @Test
    void statusOfWhenNotAfterPassedThenExpired() {
        assertEquals(CertificateStatus.EXPIRED, policy().statusOf(certificate("CVR:1-FID:1", NOW.minusSeconds(1))));
    }

    @Test
    void statusOfWhenOnCrlThenRevoked() {
        X509Certificate revoked = certificate("CVR:1-FID:2", NOW.plus(Duration.ofDays(300)));

        assertEquals(CertificateStatus.REVOKED, policy(revoked).statusOf(revoked));
    }

    @Test
    void statusOfWhenExpiredAndOnCrlThenExpired() {
        X509Certificate expired = certificate("CVR:1-FID:3", NOW.minusSeconds(1));

        assertEquals(CertificateStatus.EXPIRED, policy(expired).statusOf(expired));
    }

    @Test
    void statusOfWhenNotBeforeAheadThenNotYetValid() {
        X509Certificate renewal = TestCertificates.issue("CN=Renewal + SERIALNUMBER=CVR:1-FID:4, C=DK",
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(700)));

        assertEquals(CertificateStatus.NOT_YET_VALID, policy().statusOf(renewal));
    }

    @Test
    void statusOfWhenWarningIsZeroThenOkUntilExpiry() {
        assertEquals(CertificateStatus.OK,
                policy(Duration.ZERO).statusOf(certificate("CVR:1-FID:1", NOW.plus(Duration.ofDays(1)))));
    }

    @Test
    void daysLeftWhenCountedThenWholeDaysRoundedDown() {
        assertEquals(10, policy().daysLeft(NOW.plus(Duration.ofDays(10))));
        assertEquals(9, policy().daysLeft(NOW.plus(Duration.ofDays(10)).minusSeconds(1)));
        assertEquals(0, policy().daysLeft(NOW.plus(Duration.ofHours(23))));
        assertEquals(-1, policy().daysLeft(NOW.minusSeconds(1)));
    }

    @Test
    void constructWhenWarningNegativeThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy(Duration.ofDays(-1)));
    }

    @Test
    void statusTextsWhenPrintedThenAsTheGuideAndAlarmSeverities() {
        assertEquals(List.of("OK", "Expiring", "Expired", "Revoked", "Not yet valid", "Unreadable", "Key", "Ignored"),
                Arrays.stream(CertificateStatus.values()).map(CertificateStatus::text).toList());
        assertEquals(List.of(Severity.OK, Severity.WARNING, Severity.FAILED, Severity.FAILED, Severity.OK, Severity.FAILED,
                Severity.OK, Severity.OK), Arrays.stream(CertificateStatus.values()).map(CertificateStatus::severity).toList());
    }
}

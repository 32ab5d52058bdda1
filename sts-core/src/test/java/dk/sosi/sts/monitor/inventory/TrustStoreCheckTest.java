package dk.sosi.sts.monitor.inventory;

import static dk.sosi.sts.monitor.inventory.TestCertificates.NOW;
import static dk.sosi.sts.monitor.inventory.TestCertificates.certificate;
import static dk.sosi.sts.monitor.inventory.TestCertificates.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.Severity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustStoreCheckTest {

    /** Summer time in April, winter time in November: the lines show the server's local time. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final String OCES3 = "UI:DK-O:G:23550132-5e1f-4e43-a5f9-048acf49e0b8";
    private static final X509Certificate VALID = certificate(OCES3, Instant.parse("2027-04-27T12:25:47Z"));
    private static final X509Certificate EXPIRED = certificate("CVR:34051178-FID:56940413", Instant.parse("2026-04-20T08:18:26Z"));
    private static final X509Certificate EXPIRING = certificate("CVR:46837428-FID:92421325", NOW.plus(Duration.ofDays(10)));
    private static final X509Certificate REVOKED = certificate("CVR:30808460-FID:45327473", Instant.parse("2027-12-16T14:33:47Z"));

    private static TrustStoreCheck check(Map<String, X509Certificate> byAlias, List<String> ignored) {
        return new TrustStoreCheck(new KeystoreCertificates("NBOTrustStore", byAlias, ignored, policy(REVOKED)), ZONE);
    }

    @Test
    void runWhenAllValidThenOkWithOneGuideLinePerCertificate() {
        CheckResult result = check(Map.of("foces3_2024", VALID), List.of()).run();

        assertEquals(Severity.OK, result.severity());
        assertEquals("NBOTrustStore: OK (1 certificate)", result.line());
        assertEquals(List.of("Trusted certificate NBOTrustStore/foces3_2024 -> " + OCES3 + ": OK (Expires: 27-04-2027 14:25:47)"),
                result.checkStatusLines());
    }

    @Test
    void runWhenOneExpiredThenFailedNamingIt() {
        CheckResult result = check(Map.of("foces3_2024", VALID, "nemlogin_test", EXPIRED), List.of()).run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("NBOTrustStore: Expired NBOTrustStore/nemlogin_test -> CVR:34051178-FID:56940413 (NotAfter 2026-04-20T08:18:26Z)",
                result.line());
        assertEquals(List.of(
                "Trusted certificate NBOTrustStore/foces3_2024 -> " + OCES3 + ": OK (Expires: 27-04-2027 14:25:47)",
                "Trusted certificate NBOTrustStore/nemlogin_test -> CVR:34051178-FID:56940413: Expired (Expires: 20-04-2026 10:18:26)"),
                result.checkStatusLines());
    }

    @Test
    void runWhenOneRevokedThenFailedNamingIt() {
        CheckResult result = check(Map.of("revoked_foces3", REVOKED), List.of()).run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals(List.of("Trusted certificate NBOTrustStore/revoked_foces3 -> CVR:30808460-FID:45327473: Revoked"
                + " (Expires: 16-12-2027 15:33:47)"), result.checkStatusLines());
    }

    @Test
    void runWhenOneWithinWarningHorizonThenExpiringWarning() {
        CheckResult result = check(Map.of("ssi_foces", EXPIRING), List.of()).run();

        assertEquals(Severity.WARNING, result.severity());
        assertEquals("NBOTrustStore: Expiring NBOTrustStore/ssi_foces -> CVR:46837428-FID:92421325 (NotAfter 2026-12-03T10:00:00Z)",
                result.line());
        assertEquals(List.of("Trusted certificate NBOTrustStore/ssi_foces -> CVR:46837428-FID:92421325: Expiring"
                + " (Expires: 03-12-2026 11:00:00)"), result.checkStatusLines());
    }

    @Test
    void runWhenExpiringAndExpiredThenFailedNamingBothInAliasOrder() {
        CheckResult result = check(Map.of("b_expiring", EXPIRING, "a_expired", EXPIRED), List.of()).run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("NBOTrustStore: Expired NBOTrustStore/a_expired -> CVR:34051178-FID:56940413 (NotAfter 2026-04-20T08:18:26Z);"
                + " Expiring NBOTrustStore/b_expiring -> CVR:46837428-FID:92421325 (NotAfter 2026-12-03T10:00:00Z)", result.line());
    }

    @Test
    void runWhenExpiredAndRevokedAreIgnoredThenShownIgnoredAndOk() {
        CheckResult result = check(Map.of("valid", VALID, "expired", EXPIRED, "revoked", REVOKED), List.of("expired", "revoked")).run();

        assertEquals(Severity.OK, result.severity());
        assertEquals("NBOTrustStore: OK (3 certificates, 2 ignored)", result.line());
        assertEquals(List.of(
                "Trusted certificate NBOTrustStore/expired -> CVR:34051178-FID:56940413: Ignored (Expires: 20-04-2026 10:18:26)",
                "Trusted certificate NBOTrustStore/revoked -> CVR:30808460-FID:45327473: Ignored (Expires: 16-12-2027 15:33:47)",
                "Trusted certificate NBOTrustStore/valid -> " + OCES3 + ": OK (Expires: 27-04-2027 14:25:47)"),
                result.checkStatusLines());
    }

    @Test
    void runWhenStoreEmptyThenOkSummaryLineOnCheckstatus() {
        CheckResult result = check(Map.of(), List.of()).run();

        assertEquals(List.of("NBOTrustStore: OK (0 certificates)"), result.checkStatusLines());
    }
}

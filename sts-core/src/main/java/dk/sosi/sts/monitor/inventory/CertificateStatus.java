package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.monitor.Severity;
import java.util.Objects;

/**
 * Immutable. The status of one certificate the STS uses or trusts, with the text the pages print
 * ({@code /sts/checkstatus} as in the guide's example: {@code OK}, {@code Expired}, {@code Revoked},
 * {@code Ignored}) and how much it matters to the alarm.
 */
public enum CertificateStatus {

    OK("OK", Severity.OK),
    /** Valid, but NotAfter is within the warning horizon: raises the alarm so it is renewed in time. */
    EXPIRING("Expiring", Severity.WARNING),
    EXPIRED("Expired", Severity.FAILED),
    REVOKED("Revoked", Severity.FAILED),
    /** NotBefore is still ahead, as for a renewal installed early; nothing to do. */
    NOT_YET_VALID("Not yet valid", Severity.OK),
    /** A configured value (a database column) that is not a base64 DER certificate. */
    UNREADABLE("Unreadable", Severity.FAILED),
    /** A bare public key where a certificate may stand: it has no validity to expire or be revoked. */
    PUBLIC_KEY("Key", Severity.OK),
    /** On the check's ignore list: shown, but whatever its real status, it never changes the pages' status. */
    IGNORED("Ignored", Severity.OK);

    private final String text;
    private final Severity severity;

    CertificateStatus(String text, Severity severity) {
        this.text = Objects.requireNonNull(text, "text");
        this.severity = Objects.requireNonNull(severity, "severity");
    }

    /** As the pages print it, e.g. {@code Expired}. */
    public String text() {
        return text;
    }

    public Severity severity() {
        return severity;
    }
}

package dk.sosi.sts.monitor;

import dk.sosi.sts.monitor.inventory.CertificateStatus;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.trust.StsKeys;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Thread-safe. The guide's {@code monitorStatusCheck}: fails when the STS's own certificate is expired,
 * revoked or not yet valid; warns when it is Expiring (bean {@code certificateExpiryWarning}), which the
 * pages show but only {@code /sts/alarm} answers 500 for.
 */
public final class StsCertificateCheck implements Check {

    static final String LABEL = "Sts certificate valid";
    static final String EXPIRING = "Expiring (%d days left)";

    private final StsKeys keys;
    private final CertificateStatusPolicy policy;

    public StsCertificateCheck(StsKeys keys, CertificateStatusPolicy policy) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public CheckResult run() {
        X509Certificate certificate = keys.current().certificate(); // the one signing now
        CertificateStatus status = policy.statusOf(certificate);
        if (status == CertificateStatus.EXPIRING) {
            return CheckResult.warning(LABEL, String.format(EXPIRING, policy.daysLeft(certificate.getNotAfter().toInstant())));
        }
        return status == CertificateStatus.OK ? CheckResult.ok(LABEL) : CheckResult.failed(LABEL, status.text());
    }
}

package dk.sosi.sts.monitor;

import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.StsCredential;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Thread-safe. Fails when the STS's own certificate is expired, not yet valid, or revoked. */
public final class StsCertificateCheck implements Check {

    static final String LABEL = "Sts certificate valid";

    private final StsCredential credential;
    private final RevocationChecker revocation;
    private final Clock clock;

    public StsCertificateCheck(StsCredential credential, RevocationChecker revocation, Clock clock) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult run() {
        X509Certificate certificate = credential.certificate();
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return CheckResult.failed(LABEL, "Expired");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return CheckResult.failed(LABEL, "Not yet valid");
        }
        if (revocation.isRevoked(certificate)) {
            return CheckResult.failed(LABEL, "Revoked");
        }
        return CheckResult.ok(LABEL);
    }
}

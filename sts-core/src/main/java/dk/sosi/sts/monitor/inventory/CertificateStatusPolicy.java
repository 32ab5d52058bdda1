package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.trust.RevocationChecker;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Thread-safe. Decides a certificate's status now, first match wins: {@code Expired}, {@code Revoked}
 * (on its issuer's CRL in the CRA store), {@code Not yet valid}, {@code Expiring} (NotAfter within the
 * warning horizon), else {@code OK}. The one place the warning horizon is applied; services.xml sets
 * it with bean {@code certificateExpiryWarning}.
 */
public final class CertificateStatusPolicy {

    /** How long before NotAfter a certificate shows as Expiring unless services.xml says otherwise. */
    public static final Duration DEFAULT_WARNING = Duration.ofDays(30);

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final RevocationChecker revocation;
    private final Clock clock;
    private final Duration warning;

    /** @param warning how long before NotAfter a certificate is Expiring; zero turns the warning off */
    public CertificateStatusPolicy(RevocationChecker revocation, Clock clock, Duration warning) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warning = Objects.requireNonNull(warning, "warning");
        if (warning.isNegative()) {
            throw new IllegalArgumentException("The certificate expiry warning must not be negative, was " + warning);
        }
    }

    public CertificateStatus statusOf(X509Certificate certificate) {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return CertificateStatus.EXPIRED;
        }
        if (revocation.isRevoked(certificate)) {
            return CertificateStatus.REVOKED;
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return CertificateStatus.NOT_YET_VALID;
        }
        return now.plus(warning).isAfter(notAfter) ? CertificateStatus.EXPIRING : CertificateStatus.OK;
    }

    /** Whole days from now until {@code notAfter}, rounded down: negative once it has passed. */
    public long daysLeft(Instant notAfter) {
        return Math.floorDiv(Duration.between(clock.instant(), notAfter).toSeconds(), SECONDS_PER_DAY);
    }
}

package dk.sosi.sts.trust;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.CertificateNames;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Thread-safe. What every trust engine checks of a certificate it trusts: within its validity period now
 * and not on a CRL in the CRA store. The texts name the certificate by its subject serial number (or DN),
 * escaped and cut, as it is the caller's text.
 */
public final class CertificateValidity {

    static final String EXPIRED = "The signing certificate %s expired at %s";
    static final String NOT_YET_VALID = "The signing certificate %s is not valid before %s";
    static final String REVOKED = "The signing certificate %s has been revoked";

    private final Clock clock;
    private final RevocationChecker revocation;

    public CertificateValidity(Clock clock, RevocationChecker revocation) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /** Accepts a certificate valid now and not revoked; else {@link FaultCode#INVALID_SECURITY_TOKEN}. */
    public void check(X509Certificate certificate) {
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN,
                    String.format(EXPIRED, describe(certificate), certificate.getNotAfter().toInstant()));
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN,
                    String.format(NOT_YET_VALID, describe(certificate), certificate.getNotBefore().toInstant()));
        }
        if (revocation.isRevoked(certificate)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(REVOKED, describe(certificate)));
        }
    }

    /** Whether {@code certificate} is on a CRL in the CRA store. */
    boolean isRevoked(X509Certificate certificate) {
        return revocation.isRevoked(certificate);
    }

    Instant now() {
        return clock.instant();
    }

    /** The certificate's subject serial number (or DN), escaped and cut. */
    static String describe(X509Certificate certificate) {
        String name;
        try {
            name = CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            name = certificate.getSubjectX500Principal().getName();
        }
        return CallerText.limit(name, CallerText.MAX_VALUE * 2);
    }
}

package dk.sosi.sts.config.monitor;

import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.trust.RevocationChecker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.beans.factory.FactoryBean;

/**
 * The bean {@code certificateExpiryWarning} in services.xml: how many days before NotAfter a
 * certificate the STS uses or trusts shows as {@code Expiring} and raises the alarm (property
 * {@code warningDays}, default 30; 0 turns the warning off). Every certificate check refers to it, so
 * the horizon is set in this one place.
 */
public final class CertificateExpiryWarning implements FactoryBean<CertificateStatusPolicy> {

    private final RevocationChecker revocation;
    private final Clock clock;
    private long warningDays = CertificateStatusPolicy.DEFAULT_WARNING.toDays();

    public CertificateExpiryWarning(RevocationChecker revocation, Clock clock) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void setWarningDays(long warningDays) {
        this.warningDays = warningDays;
    }

    @Override
    public CertificateStatusPolicy getObject() {
        if (warningDays < 0) {
            throw new StartupException("Bean '" + BeanNames.CERTIFICATE_EXPIRY_WARNING
                    + "': warningDays must be 0 or more, was " + warningDays);
        }
        return new CertificateStatusPolicy(revocation, clock, Duration.ofDays(warningDays));
    }

    @Override
    public Class<?> getObjectType() {
        return CertificateStatusPolicy.class;
    }
}

package dk.sosi.sts.monitor;

import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.configuration.ReloadStatus;
import dk.sosi.sts.configuration.StsConfiguration;
import java.util.Objects;

/**
 * Thread-safe. Shows what the STS has read from its configuration tables and when, so an admin can
 * see an SQL edit arrive; fails while the latest reload is failing or nothing was ever read.
 */
public final class ConfigurationCheck implements Check {

    static final String LABEL = "STS configuration";

    private final StsConfiguration configuration;

    public ConfigurationCheck(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    @Override
    public CheckResult run() {
        ReloadStatus status = configuration.status();
        ConfigurationSnapshot snapshot;
        try {
            snapshot = configuration.current();
        } catch (ConfigurationUnavailableException e) {
            return CheckResult.failed(LABEL, "FAILED (never loaded: " + status.lastFailureCause().orElse("not read yet") + ")");
        }
        String contents = "loaded " + snapshot.loadedAt()
                + "; iboConfig " + snapshot.iboConfig().size()
                + ", audienceConfiguration " + snapshot.audienceConfiguration().keys().size()
                + ", trustedIdpConfiguration " + snapshot.trustedIdpConfiguration().keys().size()
                + ", trustedIdpCitizenConfiguration " + snapshot.trustedIdpCitizenConfiguration().keys().size()
                + ", roleDefinitions " + snapshot.roleDefinitions().size()
                + ", trustedCvr " + snapshot.trustedCvr().size()
                + ", ehdsiAudienceConfiguration " + snapshot.ehdsiAudienceConfiguration().keys().size()
                + ", ehdsiPoliciesConfiguration " + snapshot.ehdsiPoliciesConfiguration().size();
        if (status.failing()) {
            return CheckResult.failed(LABEL, "FAILED (reload failing: " + status.lastFailureCause().orElse("?")
                    + "; using the one " + contents + ")");
        }
        return new CheckResult(LABEL, true, "OK (" + contents + ")");
    }
}

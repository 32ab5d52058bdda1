package dk.sosi.sts.exchange.ehdsi;

import dk.sosi.sts.configuration.EhdsiPolicy;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. {@code sts_ehdsiconf.ehdsiPoliciesConfiguration}: which issuance policies of a DK NCP bootstrap token an
 * audience accepts, and the policy the eHDSI IDWS XUA token gets instead (exchanges.md 3.7 step 7). Several incoming
 * policies may map to one outgoing; one incoming policy mapped to two would leave the token's policy to chance.
 */
public final class EhdsiPolicies {

    /** Policy, audience. */
    static final String NOT_MAPPED = "Authentication failed: the issuance policy %s of the DK NCP bootstrap token is not "
            + "accepted for audience %s (ehdsiPoliciesConfiguration)";
    /** Policy, audience. */
    static final String AMBIGUOUS = "ehdsiPoliciesConfiguration maps the issuance policy %s of audience %s to more than one sts_policy";

    private final StsConfiguration configuration;

    public EhdsiPolicies(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * The {@code sts_policy} for a token of {@code bstPolicy} to {@code audience}; {@code wst:FailedAuthentication} when
     * none is configured, {@code wst:RequestFailed} when two are.
     */
    public String stsPolicyFor(String audience, String bstPolicy) {
        List<String> mapped = configuration.current().ehdsiPoliciesConfiguration().stream()
                .filter(row -> row.audience().equals(audience) && row.bstPolicy().equals(bstPolicy))
                .map(EhdsiPolicy::stsPolicy).distinct().toList();
        if (mapped.isEmpty()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_MAPPED, CallerText.quote(bstPolicy),
                    CallerText.quote(audience)));
        }
        if (mapped.size() > 1) {
            throw new StsFault(FaultCode.REQUEST_FAILED, String.format(AMBIGUOUS, CallerText.quote(bstPolicy), CallerText.quote(audience)));
        }
        return mapped.get(0);
    }
}

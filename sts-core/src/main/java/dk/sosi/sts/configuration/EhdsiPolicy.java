package dk.sosi.sts.configuration;

import java.util.Objects;

/**
 * Immutable. One row of {@code sts_ehdsiconf.ehdsiPoliciesConfiguration}: an issuance policy of an
 * incoming DK NCP bootstrap token and the policy the outgoing eHDSI IDWS XUA token gets for an
 * audience.
 *
 * @param audience the audience the token is issued to
 * @param bstPolicy column {@code bst_policy}: the incoming bootstrap token's issuance policy
 * @param stsPolicy column {@code sts_policy}: the issuance policy put on the outgoing token
 */
public record EhdsiPolicy(String audience, String bstPolicy, String stsPolicy) {

    public EhdsiPolicy {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(bstPolicy, "bstPolicy");
        Objects.requireNonNull(stsPolicy, "stsPolicy");
    }
}

package dk.sosi.sts.configuration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. Every configuration table of the STS database ({@code sts_audconf} and
 * {@code sts_ehdsiconf}) as read in one go; components are named after the tables.
 *
 * @param loadedAt when the tables were read
 */
public record ConfigurationSnapshot(
        List<IboConfig> iboConfig,
        AttributeTable audienceConfiguration,
        AttributeTable trustedIdpConfiguration,
        AttributeTable trustedIdpCitizenConfiguration,
        List<RoleDefinition> roleDefinitions,
        List<TrustedCvr> trustedCvr,
        AttributeTable ehdsiAudienceConfiguration,
        List<EhdsiPolicy> ehdsiPoliciesConfiguration,
        Instant loadedAt) {

    public ConfigurationSnapshot {
        iboConfig = List.copyOf(iboConfig);
        Objects.requireNonNull(audienceConfiguration, "audienceConfiguration");
        Objects.requireNonNull(trustedIdpConfiguration, "trustedIdpConfiguration");
        Objects.requireNonNull(trustedIdpCitizenConfiguration, "trustedIdpCitizenConfiguration");
        roleDefinitions = List.copyOf(roleDefinitions);
        trustedCvr = List.copyOf(trustedCvr);
        Objects.requireNonNull(ehdsiAudienceConfiguration, "ehdsiAudienceConfiguration");
        ehdsiPoliciesConfiguration = List.copyOf(ehdsiPoliciesConfiguration);
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** The {@code iboConfig} row of {@code audience}, if the audience is configured for Sosi2OIOSaml. */
    public Optional<IboConfig> iboConfigFor(String audience) {
        Objects.requireNonNull(audience, "audience");
        return iboConfig.stream().filter(row -> row.audience().equals(audience)).findFirst();
    }
}

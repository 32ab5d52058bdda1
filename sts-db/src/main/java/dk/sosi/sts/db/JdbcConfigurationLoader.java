package dk.sosi.sts.db;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EhdsiPolicy;
import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.configuration.RoleDefinition;
import dk.sosi.sts.configuration.TrustedCvr;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Thread-safe. Reads all configuration tables of {@code sts_audconf} and {@code sts_ehdsiconf} in
 * one read transaction, so that a snapshot never mixes the state before and after an admin's
 * change (InnoDB gives the transaction one consistent view across both databases).
 */
public final class JdbcConfigurationLoader implements ConfigurationLoader {

    private final DataSource dataSource;
    private final Clock clock;
    private final IboConfigRepository iboConfig = new IboConfigRepository();
    private final AttributeTableRepository audienceConfiguration = AttributeTableRepository.audienceConfiguration();
    private final AttributeTableRepository trustedIdpConfiguration = AttributeTableRepository.trustedIdpConfiguration();
    private final AttributeTableRepository trustedIdpCitizenConfiguration =
            AttributeTableRepository.trustedIdpCitizenConfiguration();
    private final RoleDefinitionRepository roleDefinitions = new RoleDefinitionRepository();
    private final TrustedCvrRepository trustedCvr = new TrustedCvrRepository();
    private final AttributeTableRepository ehdsiAudienceConfiguration =
            AttributeTableRepository.ehdsiAudienceConfiguration();
    private final EhdsiPoliciesRepository ehdsiPoliciesConfiguration = new EhdsiPoliciesRepository();

    public JdbcConfigurationLoader(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public JdbcConfigurationLoader(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    @Override
    public ConfigurationSnapshot load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<IboConfig> ibo = iboConfig.findAll(connection);
            AttributeTable audiences = audienceConfiguration.findAll(connection);
            AttributeTable idps = trustedIdpConfiguration.findAll(connection);
            AttributeTable citizenIdps = trustedIdpCitizenConfiguration.findAll(connection);
            List<RoleDefinition> roles = roleDefinitions.findAll(connection);
            List<TrustedCvr> cvrs = trustedCvr.findAll(connection);
            AttributeTable ehdsiAudiences = ehdsiAudienceConfiguration.findAll(connection);
            List<EhdsiPolicy> ehdsiPolicies = ehdsiPoliciesConfiguration.findAll(connection);
            // Ends the read transaction; nothing was written. After a failure, closing the connection
            // rolls the transaction back; an explicit rollback there could hide the failure.
            connection.commit();
            return new ConfigurationSnapshot(ibo, audiences, idps, citizenIdps, roles, cvrs, ehdsiAudiences,
                    ehdsiPolicies, clock.instant());
        }
    }
}

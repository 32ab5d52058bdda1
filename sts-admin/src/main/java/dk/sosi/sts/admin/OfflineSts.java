package dk.sosi.sts.admin;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.InfrastructureBeans;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.config.monitor.CertificateInventoryFactory;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.db.JdbcCrlStore;
import dk.sosi.sts.db.ReloadingStsConfiguration;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.TrustStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Not thread-safe. What an STS of {@link StsEnvironment} would read, read once and not served: the configuration
 * tables (one snapshot, no refresh thread, no schema migration), the CRA database and the operator's Spring XML
 * files on the STS's own infrastructure beans. Nothing is started: no CRL download, no backend call.
 */
final class OfflineSts implements AutoCloseable {

    private final Clock clock;
    private final StsEnvironment environment;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HikariDataSource stsDataSource;
    private final ReloadingStsConfiguration configuration;
    private final GenericApplicationContext infrastructure;
    private final TrustStores trustStores = new TrustStores();
    private OperatorConfiguration operator;

    OfflineSts(StsEnvironment environment, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        stsDataSource = DataSources.create(environment.jdbcUrl(), environment.jdbcUser(), environment.jdbcPassword());
        resources.add(stsDataSource);
        HikariDataSource craDataSource = stsDataSource;
        if (!environment.craJdbcUrl().equals(environment.jdbcUrl())) {
            craDataSource = DataSources.create(environment.craJdbcUrl(), environment.craJdbcUser(), environment.craJdbcPassword());
            resources.add(craDataSource);
        }
        configuration = new ReloadingStsConfiguration(stsDataSource, environment.configRefresh(), clock);
        resources.add(0, configuration);
        configuration.reloadNow();
        JdbcCrlStore crlStore = new JdbcCrlStore(craDataSource, environment.craRefresh(), clock);
        resources.add(0, crlStore);
        crlStore.refreshNow(); // the CRLs as the STS reads them at start, without its refresh thread
        infrastructure = InfrastructureBeans.create(clock, new SlaLog(clock), stsDataSource, craDataSource, crlStore,
                configuration, trustStores);
        resources.add(0, infrastructure);
    }

    /** The database holding {@code sts_audconf} and {@code sts_ehdsiconf}. */
    DataSource stsDataSource() {
        return stsDataSource;
    }

    /**
     * The configuration tables as the STS would read them now.
     *
     * @throws dk.sosi.sts.configuration.ConfigurationUnavailableException when the database cannot be read
     */
    ConfigurationSnapshot snapshot() {
        return configuration.current();
    }

    /**
     * The operator's files, loaded on first use as the STS loads them (shipped defaults for missing beans included).
     *
     * @throws dk.sosi.sts.config.StartupException saying what would stop the STS
     */
    OperatorConfiguration operator() {
        if (operator == null) {
            operator = OperatorConfiguration.loadWithShippedDefaults(environment.configDir(), infrastructure);
            resources.add(0, operator);
        }
        return operator;
    }

    RevocationChecker revocation() {
        return infrastructure.getBean(BeanNames.REVOCATION_CHECKER, RevocationChecker.class);
    }

    /** The federation trust store of bean {@code securityTokenService}. */
    ReloadingFile<TrustStore> federationTrustStore() {
        return DgwsExchangeFactory.federationTrustStore(operator(), trustStores);
    }

    FederationTrust federationTrust() {
        return DgwsExchangeFactory.federationTrust(federationTrustStore(), revocation(), clock);
    }

    /** Every certificate the STS uses or trusts, as {@code /sts/certificates} lists them. */
    CertificateInventory inventory() {
        return CertificateInventoryFactory.create(operator(), federationTrustStore(), trustStores);
    }

    /** The status policy of bean {@code certificateExpiryWarning}. */
    CertificateStatusPolicy certificateStatus() {
        return operator().bean(BeanNames.CERTIFICATE_EXPIRY_WARNING, CertificateStatusPolicy.class);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // the command is ending; nothing to do about it
            }
        }
    }
}

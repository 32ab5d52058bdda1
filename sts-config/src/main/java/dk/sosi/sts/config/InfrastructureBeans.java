package dk.sosi.sts.config;

import dk.sosi.sts.db.CrlSourceRepository;
import dk.sosi.sts.db.DatabaseReachability;
import dk.sosi.sts.db.JdbcCrlStore;
import dk.sosi.sts.db.ReloadingStsConfiguration;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.trust.RevocationChecker;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The beans the STS provides to the operator's files ({@code clock}, {@code crlStore}, {@code stsConfiguration}, …;
 * {@link BeanNames}), in one place for the running STS and for {@code sts-admin}, which reads the same files.
 */
public final class InfrastructureBeans {

    private InfrastructureBeans() {
    }

    /** The parent context of {@link OperatorConfiguration#load}, refreshed. */
    public static GenericApplicationContext create(Clock clock, SlaLog sla, DataSource stsDataSource, DataSource craDataSource,
            JdbcCrlStore crlStore, ReloadingStsConfiguration configuration, TrustStores trustStores) {
        GenericApplicationContext infrastructure = new GenericApplicationContext();
        infrastructure.registerBean(BeanNames.SLA_LOG, SlaLog.class, () -> sla);
        infrastructure.registerBean(BeanNames.CLOCK, Clock.class, () -> clock);
        infrastructure.registerBean(BeanNames.CRL_STORE, JdbcCrlStore.class, () -> crlStore);
        infrastructure.registerBean(BeanNames.CRL_SOURCES, CrlSourceRepository.class, () -> new CrlSourceRepository(craDataSource));
        infrastructure.registerBean(BeanNames.REVOCATION_CHECKER, RevocationChecker.class, () -> new RevocationChecker(crlStore));
        infrastructure.registerBean(BeanNames.STS_DATABASE, DatabaseReachability.class, () -> DatabaseReachability.stsDatabase(stsDataSource));
        infrastructure.registerBean(BeanNames.CRA_DATABASE, DatabaseReachability.class, () -> DatabaseReachability.craDatabase(craDataSource));
        infrastructure.registerBean(BeanNames.STS_CONFIGURATION, ReloadingStsConfiguration.class, () -> configuration);
        infrastructure.registerBean(BeanNames.TRUST_STORES, TrustStores.class, () -> trustStores);
        infrastructure.refresh();
        return infrastructure;
    }
}

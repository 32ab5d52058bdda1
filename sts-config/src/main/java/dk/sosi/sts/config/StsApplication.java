package dk.sosi.sts.config;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.config.monitor.CertificateInventoryFactory;
import dk.sosi.sts.config.oio.OioExchangeFactory;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.db.JdbcCrlStore;
import dk.sosi.sts.db.ReloadingStsConfiguration;
import dk.sosi.sts.db.SchemaMigrationException;
import dk.sosi.sts.db.SchemaMigrator;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.RequestListener;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.exchange.dgws.DgwsExchange;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.fault.FaultMapper;
import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.CheckStatusPage;
import dk.sosi.sts.monitor.CrlCheck;
import dk.sosi.sts.monitor.ExternalServiceFailureCheck;
import dk.sosi.sts.monitor.MonitoredService;
import dk.sosi.sts.monitor.ServiceLine;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.DgwsEnvelopeWriter;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.CrlFetcher;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.TrustStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A running STS: its databases, the operator's configuration and the shared request handler,
 * started in one explicit step and unmodifiable afterwards. Start-up fails fast on a broken
 * configuration file or keystore; an unreachable database does not stop it (requests get a fault
 * and the STS recovers when the database answers again).
 */
public final class StsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StsApplication.class);

    private final List<AutoCloseable> resources;
    private final OperatorConfiguration operator;
    private final StsRequestHandler requestHandler;
    private final int httpCodeForFaultResponse;
    private final RequestLimits requestLimits;
    private final CheckStatusPage checkStatusPage;
    private final Map<String, List<Check>> checkLists;
    private final CertificateInventory certificateInventory;

    private StsApplication(List<AutoCloseable> resources, OperatorConfiguration operator, StsRequestHandler requestHandler,
            int httpCodeForFaultResponse, RequestLimits requestLimits, CheckStatusPage checkStatusPage,
            Map<String, List<Check>> checkLists, CertificateInventory certificateInventory) {
        this.resources = resources;
        this.operator = operator;
        this.requestHandler = requestHandler;
        this.httpCodeForFaultResponse = httpCodeForFaultResponse;
        this.requestLimits = requestLimits;
        this.checkStatusPage = checkStatusPage;
        this.checkLists = checkLists;
        this.certificateInventory = certificateInventory;
    }

    /** Starts the STS described by {@code environment}; {@code listener} hears of every answered request. */
    public static StsApplication start(StsEnvironment environment, RequestListener listener) {
        Objects.requireNonNull(environment, "environment");
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        LOG.info("Starting the STS: configuration folder {}, database {}", environment.configDir(),
                environment.jdbcUrl().replaceFirst("\\?.*$", "?…")); // the query may hold a password

        HikariDataSource stsDataSource = DataSources.create(environment.jdbcUrl(), environment.jdbcUser(), environment.jdbcPassword());
        HikariDataSource craDataSource = environment.craJdbcUrl().equals(environment.jdbcUrl())
                ? stsDataSource
                : DataSources.create(environment.craJdbcUrl(), environment.craJdbcUser(), environment.craJdbcPassword());
        ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(stsDataSource, environment.configRefresh(), clock);
        JdbcCrlStore crlStore = new JdbcCrlStore(craDataSource, environment.craRefresh(), clock);
        migrate(stsDataSource);
        if (craDataSource != stsDataSource) {
            migrate(craDataSource);
        }
        configuration.start();
        crlStore.start();

        SlaLog sla = new SlaLog(clock);
        TrustStores trustStores = new TrustStores(environment.keystoreReload(), clock);
        GenericApplicationContext infrastructure = InfrastructureBeans.create(clock, sla, stsDataSource, craDataSource, crlStore,
                configuration, trustStores);

        List<AutoCloseable> resources = stsDataSource == craDataSource
                ? List.<AutoCloseable>of(trustStores, configuration, crlStore, infrastructure, stsDataSource)
                : List.<AutoCloseable>of(trustStores, configuration, crlStore, infrastructure, stsDataSource, craDataSource);
        OperatorConfiguration operator = null;
        try {
            operator = OperatorConfiguration.loadWithShippedDefaults(environment.configDir(), infrastructure);
            StsKeys credential = operator.bean(BeanNames.STS_CREDENTIAL, StsKeys.class);
            Map<String, List<Check>> checkLists = Map.of(
                    BeanNames.STATUS_SERVLET_LIST, withKeystores(ShippedDefaultCheck.appendTo(
                            operator.checks(BeanNames.STATUS_SERVLET_LIST), operator.defaultedBeans()), trustStores),
                    BeanNames.ALARM_SERVLET_LIST, withKeystores(operator.checks(BeanNames.ALARM_SERVLET_LIST), trustStores),
                    BeanNames.MONITOR_SERVLET_LIST, withKeystores(operator.checks(BeanNames.MONITOR_SERVLET_LIST), trustStores));
            operator.bean(BeanNames.MINIMUM_ALLOWED_AGE, MinimumAllowedAge.class);
            ServiceInfoCollector requests = operator.newServiceInfoCollector();
            RevocationChecker revocation = infrastructure.getBean(BeanNames.REVOCATION_CHECKER, RevocationChecker.class);
            DgwsSettings dgwsSettings = DgwsExchangeFactory.settings(operator);
            ReloadingFile<TrustStore> federationStore = DgwsExchangeFactory.federationTrustStore(operator, trustStores);
            FederationTrust federation = DgwsExchangeFactory.federationTrust(federationStore, revocation, clock);
            DgwsExchange dgws = DgwsExchangeFactory.create(operator, dgwsSettings, credential, configuration, federation, sla, clock);
            OioExchangeFactory.OioEndpoints oio = new OioExchangeFactory(operator, credential, federation,
                    new CertificateValidity(clock, revocation), sla, clock).create(dgwsSettings, configuration);
            Map<StsEndpoint, Exchange> exchanges = new EnumMap<>(StsEndpoint.class);
            exchanges.put(StsEndpoint.SECURITY_TOKEN_SERVICE, dgws);
            exchanges.put(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, dgws);
            exchanges.putAll(oio.exchanges());
            StsRequestHandler handler = new StsRequestHandler(exchanges, Map.of(
                    StsEndpoint.Family.DGWS, new DgwsEnvelopeWriter(dgwsSettings.issuer(), dgwsSettings.dgws10Zone(), clock),
                    StsEndpoint.Family.OIO, oio.writer()), new FaultMapper(), sla, requests, listener, clock);
            CrlFetcher crlFetcher = operator.bean(BeanNames.CRL_FETCHER, CrlFetcher.class);
            CheckStatusPage page = new CheckStatusPage(version(), started, credential, requests,
                    serviceLines(crlFetcher, operator),
                    checkLists.get(BeanNames.MONITOR_SERVLET_LIST), clock, ZoneId.systemDefault());
            CertificateInventory inventory = CertificateInventoryFactory.create(operator, federationStore, trustStores);
            crlFetcher.start(); // stops with the operator configuration that made it
            trustStores.start();
            LOG.info("The STS has started: certificate {} valid until {}", credential.current().certificate().getSubjectX500Principal(),
                    credential.current().certificate().getNotAfter().toInstant());
            return new StsApplication(resources, operator, handler, operator.httpCodeForFaultResponse(), operator.requestLimits(),
                    page, checkLists, inventory);
        } catch (RuntimeException e) {
            if (operator != null) {
                operator.close();
            }
            closeAll(resources);
            throw e;
        }
    }

    public StsRequestHandler requestHandler() {
        return requestHandler;
    }

    public int httpCodeForFaultResponse() {
        return httpCodeForFaultResponse;
    }

    /** How much, and how slowly, a caller may send to a SOAP endpoint. */
    public RequestLimits requestLimits() {
        return requestLimits;
    }

    /** The checks of {@code statusServletList}, {@code alarmServletList} or {@code monitorServletList}. */
    public List<Check> checks(String listId) {
        List<Check> checks = checkLists.get(listId);
        if (checks == null) {
            throw new IllegalArgumentException("Unknown check list " + listId);
        }
        return checks;
    }

    /** The backends the STS calls, each with its record of calls, for metrics. */
    public List<MonitoredService> monitoredServices() {
        return operator.beansOfType(MonitoredService.class);
    }

    public CheckStatusPage checkStatusPage() {
        return checkStatusPage;
    }

    /** Every certificate the STS uses or trusts: the page {@code /sts/certificates}. */
    public CertificateInventory certificateInventory() {
        return certificateInventory;
    }

    @Override
    public void close() {
        operator.close();
        closeAll(resources);
    }

    /** CRL downloads, then every external service with a failure check, as the guide's checkstatus lists them. */
    private static List<ServiceLine> serviceLines(CrlFetcher crlFetcher, OperatorConfiguration operator) {
        List<ServiceLine> lines = new ArrayList<>();
        lines.add(new ServiceLine(CrlCheck.LABEL, "download", crlFetcher.serviceInfo()));
        operator.beansOfType(ExternalServiceFailureCheck.class).forEach(check -> lines.add(check.serviceLine()));
        return lines;
    }

    /** {@code checks} and then the keystores: every operator sees a keystore that failed to reload, whatever services.xml lists. */
    private static List<Check> withKeystores(List<Check> checks, TrustStores trustStores) {
        List<Check> all = new ArrayList<>(checks);
        all.add(trustStores.check());
        return List.copyOf(all);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", resource, e.getMessage());
            }
        }
    }

    /**
     * Brings the schemas up to date. A database that does not answer must not stop the STS: it then
     * answers with faults until the database is back and a restart migrates it.
     */
    private static void migrate(HikariDataSource dataSource) {
        try {
            new SchemaMigrator(dataSource).migrate();
        } catch (SchemaMigrationException e) {
            if (e.getCause() instanceof java.sql.SQLTransientConnectionException
                    || e.getCause() instanceof java.sql.SQLNonTransientConnectionException) {
                LOG.warn("Cannot migrate the database now: {}", e.getMessage());
                return;
            }
            throw new StartupException("The database schema cannot be migrated: " + e.getMessage(), e);
        }
    }

    private static String version() {
        String version = StsApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}

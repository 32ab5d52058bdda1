package dk.sosi.sts.demo.launcher;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.config.DefaultConfigurationFiles;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.db.CrlSource;
import dk.sosi.sts.db.CrlSourceRepository;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.db.JdbcCrlStore;
import dk.sosi.sts.db.SchemaMigrator;
import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoConfigurationFolder;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.demo.backends.DemoBackendsServlet;
import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STS's embedded defaults: a MariaDB on 127.0.0.1 at a fixed port ({@value #DEFAULT_DB_PORT},
 * setting {@value #DB_PORT}) with its data in {@code <home>/db}, and a demo configuration folder in
 * {@code <home>/config} laid out like the production {@code /pack/sts}, generated from a demo PKI on
 * the first start and reused afterwards. Sets the {@link StsEnvironment} properties to point at them.
 */
public final class EmbeddedDefaults implements AutoCloseable {

    static final String HOME = "sts.embedded.dir";
    static final String DB_PORT = "sts.embedded.db.port";
    static final int DEFAULT_DB_PORT = 3307;
    static final String BACKENDS_URL = "sts.backends.url";
    /** Where the demo certificates' CRL distribution points are, next to the STS at {@code /sts}. */
    static final String DEMO_CRL_PATH = "/sts/demo-crl";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefaults.class);

    private final EmbeddedMariaDb database;
    private final DemoConfiguration demo;
    private final DemoBackendData backends;

    private EmbeddedDefaults(EmbeddedMariaDb database, DemoConfiguration demo, DemoBackendData backends) {
        this.database = database;
        this.demo = demo;
        this.backends = backends;
    }

    /** Starts the embedded defaults in {@code home}, the database at the port of setting {@value #DB_PORT}. */
    static EmbeddedDefaults start(Path home) throws Exception {
        return start(home, Integer.parseInt(System.getProperty(DB_PORT, String.valueOf(DEFAULT_DB_PORT))));
    }

    /** Starts the embedded defaults in {@code home} with the database at {@code port} (0: any free port). */
    public static EmbeddedDefaults start(Path home, int port) throws Exception {
        Path configDir = home.resolve("config");
        DemoConfiguration demo = DemoConfigurationFolder.ensure(configDir, Clock.systemUTC());
        DefaultConfigurationFiles.installMissing(configDir);
        DemoBackendData backends = DemoBackendData.ensure(configDir);
        LOG.info("Starting the embedded MariaDB on 127.0.0.1:{} with data in {}", port, home.resolve("db"));
        EmbeddedMariaDb database = EmbeddedMariaDb.start(port, home.resolve("db"));
        try (HikariDataSource dataSource = DataSources.create(database.jdbcUrl(), EmbeddedMariaDb.USER, "")) {
            new SchemaMigrator(dataSource).migrate();
            storeDemoCrls(demo, new JdbcCrlStore(dataSource, Clock.systemUTC()));
            DemoServiceProvider.register(dataSource, DemoServiceProvider.ensure(demo));
            DemoBootstrapTokenIssuer.register(dataSource, demo, DemoBootstrapTokenIssuer.ensure(demo));
            DemoCitizenTokenIssuer.register(dataSource, demo, DemoCitizenTokenIssuer.ensure(demo));
            DemoCitizenService.register(dataSource, demo);
            DemoNationalContactPoint.register(dataSource, DemoNationalContactPoint.ensure(demo));
        }
        System.setProperty(StsEnvironment.JDBC_URL, database.jdbcUrl());
        System.setProperty(StsEnvironment.JDBC_USER, EmbeddedMariaDb.USER);
        System.setProperty(StsEnvironment.JDBC_PASSWORD, "");
        System.setProperty(StsEnvironment.CONFIG_DIR, configDir.toString());
        return new EmbeddedDefaults(database, demo, backends);
    }

    /** The demo CAs' CRLs go into the CRA database, so revocation works from the first request. */
    private static void storeDemoCrls(DemoConfiguration demo, JdbcCrlStore store) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String crlFile : new String[] {DemoConfiguration.ISSUING_CA_CRL, DemoConfiguration.ROOT_CA_CRL}) {
            try (InputStream in = Files.newInputStream(demo.folder().resolve(crlFile))) {
                store.store((X509CRL) factory.generateCRL(in), demo.folder().resolve(crlFile).toUri().toString());
            }
        }
    }

    public EmbeddedMariaDb database() {
        return database;
    }

    public DemoConfiguration demo() {
        return demo;
    }

    /**
     * The built-in simulator of CVR-RID, UUID2CPR, PID, the role directory and the authorisation
     * register, with the demo data of {@code demo-backends.properties}, to serve at
     * {@code /demo-backends} on {@code port}; the STS is pointed at it unless {@code sts.backends.url} is set.
     */
    ContextHandler backendSimulator(int port) {
        if (System.getProperty(BACKENDS_URL) == null) {
            System.setProperty(BACKENDS_URL, "http://127.0.0.1:" + port + "/demo-backends");
        }
        return DemoBackendsServlet.contextHandler(backends);
    }

    /**
     * The demo CAs' CRL files ({@code <config>/crl}) to serve at {@value #DEMO_CRL_PATH}, where the
     * demo certificates' distribution points name them.
     */
    public ContextHandler crlDistributionPoint() {
        ContextHandler context = new ContextHandler(DEMO_CRL_PATH);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(context).newResource(demo.issuingCaCrl().getParent()));
        files.setDirAllowed(false);
        context.setHandler(files);
        return context;
    }

    /**
     * Lists the demo CRLs as the server of {@code sts} serves them ({@value #DEMO_CRL_PATH}{@code /…}) in
     * {@code sts_cra.crl_source} where they are not listed yet, so the STS fetches its own CRLs over
     * HTTP like any other.
     */
    public void addDemoCrlSources(URI sts) throws SQLException {
        Map<Path, String> crls = Map.of(demo.issuingCaCrl(), "demo issuing CA", demo.rootCaCrl(), "demo root CA");
        try (HikariDataSource dataSource = DataSources.create(database.jdbcUrl(), EmbeddedMariaDb.USER, "")) {
            CrlSourceRepository sources = new CrlSourceRepository(dataSource);
            for (Map.Entry<Path, String> crl : crls.entrySet()) {
                URI url = sts.resolve(DEMO_CRL_PATH + "/" + crl.getKey().getFileName());
                sources.addIfAbsent(new CrlSource(url.toString(), crl.getValue()));
            }
        }
    }

    void printWelcome(URI sts) {
        LOG.info("""

                SOSI-STS on embedded defaults
                  endpoints        {}/services/  (SecurityTokenService, NewSecurityTokenService, Sosi2OIOSaml, ...)
                  monitoring       {}/status  {}/alarm  {}/checkstatus
                  demo backends    {}  (CVR-RID, UUID2CPR, PID, roles, authorisations: demo-backends.properties)
                  demo CRLs        {}/demo-crl/  (fetched into the CRA database as listed in sts_cra.crl_source)
                  database         mysql -h 127.0.0.1 -P {} -u {} sts_audconf
                  configuration    {}  (demo PKI: demo-pki.properties, README.txt; keystore password {})
                """, sts, sts, sts, sts, System.getProperty(BACKENDS_URL), sts, database.port(), EmbeddedMariaDb.USER, demo.folder(), demo.password());
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded MariaDB failed: {}", e.getMessage());
        }
    }
}

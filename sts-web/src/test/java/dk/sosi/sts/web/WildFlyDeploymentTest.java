package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.config.DefaultConfigurationFiles;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.db.JdbcCrlStore;
import dk.sosi.sts.db.SchemaMigrator;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoConfigurationFolder;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The packaged sts.war on a real WildFly 39, as the README's production section tells an operator to run
 * it: org.wildfly:wildfly-dist from Maven Central, configured offline by docker/wildfly/configure-sts.cli
 * (the same file the image runs), the database (a MariaDB this test starts) and the configuration folder
 * given as STS_* environment variables, sts.war dropped into the deployments folder. It then serves DGWS,
 * the monitoring pages and the metrics as the launcher does, sees an SQL edit, writes SLA lines to their
 * own file, keeps WildFly's web services out, and leaves nothing behind when it is redeployed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyDeploymentTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final Path RUN = Path.of("target", "wildfly-run").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedMariaDb database;
    private static WildFlyServer wildfly;
    private static DemoConfiguration demo;

    @BeforeAll
    static void start() throws Exception {
        deleteRecursively(RUN.resolve("db"));
        database = EmbeddedMariaDb.start(0, RUN.resolve("db"));
        demo = DemoConfigurationFolder.ensure(RUN.resolve("config"), Clock.systemUTC());
        DefaultConfigurationFiles.installMissing(demo.folder());
        storeDemoCrls();
        wildfly = WildFlyServer.start(Path.of(System.getProperty("sts.wildfly.home")), RUN.resolve("standalone"),
                Path.of(System.getProperty("sts.wildfly.cli")), Path.of(System.getProperty("sts.war")), Map.of(
                        "STS_JDBC_URL", database.jdbcUrl(),
                        "STS_JDBC_USER", EmbeddedMariaDb.USER,
                        "STS_JDBC_PASSWORD", EmbeddedMariaDb.PASSWORD,
                        "STS_CONFIG_DIR", demo.folder().toString(),
                        "STS_CONFIG_REFRESH", "1",
                        "JAVA_OPTS", "-Xms64m -Xmx512m -XX:+UseParallelGC -Djava.net.preferIPv4Stack=true "
                                + "-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The demo CAs' CRLs in the CRA database, as the CRL fetcher would have stored them. */
    private static void storeDemoCrls() throws Exception {
        try (HikariDataSource dataSource = DataSources.create(database.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
            new SchemaMigrator(dataSource).migrate();
            JdbcCrlStore store = new JdbcCrlStore(dataSource, Clock.systemUTC());
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String crl : List.of(DemoConfiguration.ISSUING_CA_CRL, DemoConfiguration.ROOT_CA_CRL)) {
                try (InputStream in = Files.newInputStream(demo.folder().resolve(crl))) {
                    store.store((X509CRL) factory.generateCRL(in), demo.folder().resolve(crl).toUri().toString());
                }
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(wildfly.sts() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> dgws(DemoClient client, String messageId) throws Exception {
        IssuedCredential signer = demo.loadClientCredential(client);
        return HTTP.send(HttpRequest.newBuilder(URI.create(wildfly.sts() + "/services/NewSecurityTokenService"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(DgwsClientFixture.systemRequest(signer, messageId))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void dgwsWhenSystemCardThenIdCardSignedByTheSts() throws Exception {
        HttpResponse<String> response = dgws(DemoClient.SYSTEM_FOCES, "wildfly-" + UUID.randomUUID());

        assertEquals(200, response.statusCode(), response.body());
        Document answer = StsTestServer.xml(response.body());
        Element card = (Element) answer.getElementsByTagNameNS(SAML, "Assertion").item(0);
        assertEquals("SOSI-STS", card.getElementsByTagNameNS(SAML, "Issuer").item(0).getTextContent());
        assertEquals(demo.loadStsCredential().certificate(), JdkSignatureCheck.verify(card));
    }

    @Test
    @Order(2)
    void sosi2OioSamlWhenEmployeeCardThenAnAssertionOnlyTheReceivingSystemDecrypts() throws Exception {
        IssuedCredential receiver = DemoServiceProvider.ensure(demo);
        try (HikariDataSource dataSource = DataSources.create(database.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
            DemoServiceProvider.register(dataSource, receiver);
        }
        IssuedCredential karl = demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES);
        IssuedCredential sts = demo.loadStsCredential();
        Element card = OioClientFixture.signed(DgwsClientFixture.userCard(karl.certificate(), "0101701234", "7170").issuer("SOSI-STS")
                .nameId(new NameId("medcom:other", CertificateInfo.of(karl.certificate()).text())).build(),
                sts.privateKey(), sts.certificate());
        byte[] request = SecureXml.toBytes(new OioRequestBuilder().actAs(card).appliesTo(DemoServiceProvider.AUDIENCE)
                .signed(karl.privateKey(), karl.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now()));

        // the audience row arrives with the next configuration refresh (1 s here)
        HttpResponse<String> response = Await.until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create(wildfly.sts() + "/services/Sosi2OIOSaml")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofString()), r -> !r.body().contains("Audience not configured"));

        Element assertion = OioClientFixture.decrypted(OioClientFixture.answer(response), receiver.privateKey());
        assertEquals("0101701234", OioClientFixture.attribute(assertion, "dk:gov:saml:attribute:CprNumberIdentifier"));
        assertEquals(sts.certificate(), new SignatureVerifier(SignaturePolicy.enveloped(EnumSet.allOf(SignatureAlgorithm.class)))
                .verifyEnveloped(assertion, "ID", "assertion", certificate -> { }).certificate());
    }

    @Test
    @Order(3)
    void dgwsWhenSignerIsUntrustedThenFault() throws Exception {
        SoapFaults fault = SoapFaults.of(dgws(DemoClient.UNTRUSTED_FOCES, "wildfly-untrusted"));

        assertEquals("wst:FailedAuthentication", fault.faultcode());
        assertEquals("Authentication failed: Token in request signed by untrusted party", fault.faultstring());
    }

    @Test
    @Order(4)
    void monitoringPagesWhenHealthyThen200() throws Exception {
        HttpResponse<String> status = get("/status");
        HttpResponse<String> alarm = get("/alarm");
        HttpResponse<String> checkstatus = get("/checkstatus");

        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("STS-DB: OK"), status.body());
        assertEquals(200, alarm.statusCode(), alarm.body());
        assertEquals(200, checkstatus.statusCode(), checkstatus.body());
        assertTrue(checkstatus.body().strip().endsWith("EOS"), checkstatus.body());
    }

    @Test
    @Order(5)
    void metricsWhenScrapedThenTheLaunchersNamesWithCpuAndGcPauses() throws Exception {
        StsTestServer launcher = StsTestServer.shared();
        System.gc();
        wildfly.jcmd("GC.run");

        Set<String> onWildFly = metricNames(get("/metrics").body());
        Set<String> onLauncher = metricNames(launcher.get("/metrics").body());

        assertTrue(onWildFly.containsAll(List.of("process_cpu_usage", "system_cpu_usage", "process_cpu_time_ns_total",
                "jvm_gc_pause_seconds_count", "sts_requests_seconds_count")), onWildFly.toString());
        Set<String> missing = new TreeSet<>(onLauncher);
        missing.removeAll(onWildFly);
        assertTrue(missing.isEmpty(), "metrics the launcher has and WildFly lacks: " + missing);
    }

    private static Set<String> metricNames(String prometheus) {
        return prometheus.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Order(6)
    void statusWhenAnAdminInsertsAnAudienceRowThenItIsLoadedWithinTheRefreshInterval() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value) "
                    + "VALUES ('https://wildfly.example', 'lifetime', '300')");
        }
        Instant deadline = Instant.now().plusSeconds(10);
        String status;
        do {
            Thread.sleep(200);
            status = get("/status").body();
        } while (!status.contains("audienceConfiguration 1,") && Instant.now().isBefore(deadline));

        assertTrue(status.contains("audienceConfiguration 1,"), status);
    }

    @Test
    @Order(7)
    void slaLinesWhenARequestIsAnsweredThenInSlaLogNotServerLog() throws Exception {
        String messageId = "wildfly-sla-" + UUID.randomUUID();
        dgws(DemoClient.SYSTEM_FOCES, messageId);

        Instant deadline = Instant.now().plusSeconds(10);
        while (!WildFlyServer.read(wildfly.slaLog()).contains("messageId=" + messageId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertTrue(WildFlyServer.read(wildfly.slaLog()).lines().anyMatch(l -> l.startsWith(
                "id=200 name=AbstractStsRequestHandler.request messageId=" + messageId + " ") && l.endsWith("outcome=ok")));
        assertFalse(WildFlyServer.read(wildfly.serverLog()).contains("AbstractStsRequestHandler.request"));
    }

    @Test
    @Order(8)
    void deploymentWhenInspectedThenWildFlysWebServicesAndJaxRsStayOut() throws Exception {
        String subsystems = wildfly.cli("/deployment=sts.war:read-children-names(child-type=subsystem)");

        assertTrue(subsystems.contains("\"logging\"") && subsystems.contains("\"undertow\""), subsystems);
        assertFalse(subsystems.contains("webservices") || subsystems.contains("jaxrs"), subsystems);
        List<String> webServices = WildFlyServer.read(wildfly.serverLog()).lines()
                .filter(l -> l.contains("WFLYWS") && !l.contains("WFLYWS0002: Activating WebServices Extension")).toList();
        assertTrue(webServices.isEmpty(), "JBossWS took no part in the deployment: " + webServices);
    }

    @Test
    @Order(9)
    void redeployWhenDoneThreeTimesThenOneCopyOfTheClassesAndNoThreadOfAnOldDeployment() throws Exception {
        Path war = Path.of(System.getProperty("sts.war"));
        for (int i = 1; i <= 3; i++) {
            wildfly.cli("deploy " + war + " --name=sts.war --runtime-name=sts.war --force");
            assertEquals(200, dgws(DemoClient.SYSTEM_FOCES, "redeploy-" + i).statusCode());
        }
        // An idle WildFly request thread refers to the last request it served, so configure-sts.cli lets idle ones
        // end after 10 s; the old deployments' HTTP clients let go of their selector threads within seconds.
        Thread.sleep(15_000);

        long copies = liveCopiesAfterGc();
        Map<String, Long> threads = wildfly.jcmd("Thread.print").lines().filter(l -> l.startsWith("\""))
                .map(l -> l.substring(1, l.indexOf('"', 1)))
                .filter(name -> name.startsWith("sts-") || name.startsWith("mysql-cj-abandoned"))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));

        assertEquals(1, copies, "live class loaders of sts.war");
        assertTrue(threads.values().stream().allMatch(count -> count == 1), "threads of the STS: " + threads);
    }

    /**
     * The class loaders of sts.war still alive after full collections. An unreachable loader can take more than
     * one collection to go (objects that need finalizing or cleaning hold it until the next one), so this
     * collects up to five times, a second apart, until one is left.
     */
    private static long liveCopiesAfterGc() throws Exception {
        long copies = Long.MAX_VALUE;
        for (int i = 0; i < 5 && copies > 1; i++) {
            wildfly.jcmd("GC.run");
            Thread.sleep(1_000);
            copies = wildfly.jcmd("VM.classloaders").lines().filter(l -> l.contains("\"deployment.sts.war\"")).count();
        }
        return copies;
    }
}

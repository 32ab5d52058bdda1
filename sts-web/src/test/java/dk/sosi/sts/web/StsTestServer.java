package dk.sosi.sts.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.demo.launcher.EmbeddedDefaults;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.w3c.dom.Document;

/**
 * The STS as the tests use it: the packaged web application (exploded target/sts, the files of sts.war,
 * with its own WEB-INF/lib and classes) on the embedded Jetty launcher,
 * an embedded MariaDB and a demo configuration folder under {@code target/test-sts}, started once per
 * test JVM and shared by all test classes. Configuration is re-read and CRLs are fetched every second,
 * the demo CRLs from the server itself as in the embedded demo; keystore files are looked at every 100 ms.
 */
public final class StsTestServer {

    /** Where the shipped cvr-rid.xml and interface.xml point the backend clients. */
    static final String BACKENDS_URL = "sts.backends.url";
    /** Seconds between the CRL fetcher's rounds (refreshIntervalSeconds of the shipped services.xml). */
    static final String CRL_REFRESH = "sts.crl.refresh";
    static final Path HOME = Path.of("target", "test-sts").toAbsolutePath();
    /** The web application the build packaged: its exploded folder beside sts.war (failsafe names it). */
    static final Path WEBAPP = Path.of(System.getProperty("sts.webapp", "target/sts")).toAbsolutePath();
    private static StsTestServer shared;

    private final EmbeddedDefaults embedded;
    private final StsServer server;
    private final WireMockServer backends;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StsTestServer(EmbeddedDefaults embedded, StsServer server, WireMockServer backends) {
        this.embedded = embedded;
        this.server = server;
        this.backends = backends;
    }

    /** The shared server, started on first use. */
    public static synchronized StsTestServer shared() throws Exception {
        if (shared == null) {
            deleteRecursively(HOME.resolve("db"));
            // Fresh shipped defaults every run; the demo PKI is kept (it takes a second or two to make).
            for (String file : OperatorConfiguration.FILES) {
                Files.deleteIfExists(HOME.resolve("config").resolve(file));
            }
            WireMockServer backends = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            backends.start();
            System.setProperty(BACKENDS_URL, backends.baseUrl());
            System.setProperty("sts.backends.requestTimeoutMillis", "1000"); // a slow backend fails a request in a second
            System.setProperty(StsEnvironment.CONFIG_REFRESH, "1");
            System.setProperty(StsEnvironment.CRA_REFRESH, "1");
            System.setProperty(StsEnvironment.KEYSTORE_RELOAD, "PT0.1S"); // a changed keystore is in use within 100 ms
            System.setProperty(CRL_REFRESH, "1");
            EmbeddedDefaults embedded = EmbeddedDefaults.start(HOME, 0);
            StsServer server = StsServer.start(WEBAPP, "127.0.0.1", 0, embedded.crlDistributionPoint());
            embedded.addDemoCrlSources(server.baseUri());
            shared = new StsTestServer(embedded, server, backends);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A second STS on the same database, with the configuration folder {@code configDir}. */
    public static StsServer startAnother(Path configDir) throws Exception {
        shared();
        String previous = System.getProperty(StsEnvironment.CONFIG_DIR);
        System.setProperty(StsEnvironment.CONFIG_DIR, configDir.toString());
        try {
            return StsServer.start(WEBAPP, "127.0.0.1", 0);
        } finally {
            System.setProperty(StsEnvironment.CONFIG_DIR, previous);
        }
    }

    /** Copies the shared server's configuration folder into {@code target}, for a test that edits its own copy. */
    public static void copyConfiguration(Path target) throws Exception {
        Path configDir = shared().configDir();
        try (Stream<Path> files = Files.walk(configDir)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(configDir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
    }

    /** The stand-in for CVR-RID, UUID2CPR, PID, the user directory and the authorisation register, answering the STS's calls. */
    public WireMockServer backends() {
        return backends;
    }

    public URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }

    public Path configDir() {
        return embedded.demo().folder();
    }

    public EmbeddedDefaults embedded() {
        return embedded;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(uri(path));
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return post(uri(path), body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public HttpResponse<String> post(URI uri, byte[] body, String contentType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JDBC connection to the embedded database, as an admin with the mysql client would have. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(embedded.database().jdbcUrl(), "root", "");
    }

    public static Document xml(String body) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception e) {
            // the JVM is exiting
        }
        embedded.close();
        backends.stop();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

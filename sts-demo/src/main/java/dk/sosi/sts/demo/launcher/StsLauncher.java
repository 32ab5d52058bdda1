package dk.sosi.sts.demo.launcher;

import dk.sosi.sts.config.StsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the STS on embedded Jetty at {@code http://localhost:8080/sts}.
 * <ul>
 * <li>Embedded defaults (no {@code sts.jdbc.url} given): an embedded MariaDB on 127.0.0.1 and a demo
 * configuration folder, both kept in {@code .sts-embedded/} across restarts; see {@link EmbeddedDefaults}.</li>
 * <li>Production: {@code sts.jdbc.url}, {@code sts.jdbc.user}, {@code sts.jdbc.password} and
 * {@code sts.config.dir} (or {@code STS_JDBC_URL}, …) name an external MySQL 8 and the configuration
 * folder; nothing is generated.</li>
 * </ul>
 * Argument: the WAR (or exploded web application). Settings: {@code sts.port} (8080), {@code sts.host},
 * {@code sts.http.idleTimeoutMillis} and {@code sts.http.requestHeaderTimeoutMillis} (see {@link ConnectionLimits}),
 * {@code sts.crypto.provider} ({@code jdk} or {@code accp}, see {@link CryptoProvider}).
 */
public final class StsLauncher {

    private StsLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StsLauncher <path to sts.war>");
            System.exit(2);
        }
        boolean production = setting(StsEnvironment.JDBC_URL) != null;
        Path home = Path.of(System.getProperty(EmbeddedDefaults.HOME, ".sts-embedded")).toAbsolutePath();
        if (System.getProperty("sts.log.dir") == null) {
            System.setProperty("sts.log.dir", (production ? Path.of("logs").toAbsolutePath() : home.resolve("logs")).toString());
        }
        Logger log = LoggerFactory.getLogger(StsLauncher.class);
        log.info("Signing and verifying with the JCA provider {}", CryptoProvider.installFromSetting());
        EmbeddedDefaults embedded = production ? null : EmbeddedDefaults.start(home);
        int port = Integer.parseInt(System.getProperty("sts.port", "8080"));
        String host = System.getProperty("sts.host", production ? "0.0.0.0" : "127.0.0.1");
        ConnectionLimits limits = ConnectionLimits.from(System::getProperty);
        StsServer server;
        try {
            if (embedded != null) {
                // Listed before the start, so that the first fetch, during the start, asks for them: Jetty
                // binds its port before it starts the STS, and answers once it has started.
                embedded.addDemoCrlSources(URI.create("http://127.0.0.1:" + port + "/sts"));
            }
            server = embedded == null ? StsServer.start(Path.of(args[0]), host, port, limits)
                    : StsServer.start(Path.of(args[0]), host, port, limits, embedded.backendSimulator(port),
                            embedded.crlDistributionPoint());
        } catch (Exception e) {
            log.error("The STS did not start: {}", e.getMessage());
            if (embedded != null) {
                embedded.close();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Stopping Jetty failed: {}", e.getMessage());
            }
            if (embedded != null) {
                embedded.close();
            }
        }, "sts-shutdown"));
        log.info("The STS is running at {}", server.baseUri());
        if (embedded != null) {
            embedded.printWelcome(server.baseUri());
        }
        server.join();
    }

    private static String setting(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.toUpperCase().replace('.', '_'));
    }
}

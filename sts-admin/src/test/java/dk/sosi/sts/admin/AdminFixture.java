package dk.sosi.sts.admin;

import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.launcher.EmbeddedDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The STS's configuration as the command tests use it: the embedded MariaDB and demo configuration folder of
 * sts-demo under {@code target/admin-sts}, started once per test JVM, and the command run in-process on them.
 */
final class AdminFixture {

    static final Path HOME = Path.of("target", "admin-sts").toAbsolutePath();
    static final String PASSWORD = "Test1234";
    private static EmbeddedDefaults embedded;

    private AdminFixture() {
    }

    static synchronized EmbeddedDefaults embedded() throws Exception {
        if (embedded == null) {
            deleteRecursively(HOME.resolve("db"));
            embedded = EmbeddedDefaults.start(HOME, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded;
    }

    static Path configDir() throws Exception {
        return embedded().demo().folder();
    }

    static Path client(DemoClient client) throws Exception {
        return embedded().demo().clientCredential(client);
    }

    static X509Certificate certificate(DemoClient client) throws Exception {
        return embedded().demo().loadClientCredential(client).certificate();
    }

    /** Runs {@code sts-admin args} on the demo folder and database. */
    static Result run(String... args) throws Exception {
        return run(configDir(), Clock.systemUTC(), args);
    }

    /** Runs {@code sts-admin args} on the folder {@code configDir} and the demo database, at the time of {@code clock}. */
    static Result run(Path configDir, Clock clock, String... args) throws Exception {
        String jdbcUrl = embedded().database().jdbcUrl();
        StsEnvironment environment = new StsEnvironment(configDir, jdbcUrl, "root", "", jdbcUrl, "root", "",
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StsAdmin.run(List.of(args), () -> environment, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code sql} on the demo database as an admin would. */
    static void sql(String... sql) throws Exception {
        try (Connection connection = jdbc(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    static Connection jdbc() throws Exception {
        return DriverManager.getConnection(embedded().database().jdbcUrl(), "root", "");
    }

    /** A copy of the demo folder in {@code target}, for a test that edits its own. */
    static Path copyOfConfiguration(Path target) throws Exception {
        Path source = configDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }

    /** What the command printed and how it exited. */
    record Result(int exit, String out, String err) {

        /** The value of the line {@code label: value} of {@code certificate}'s output. */
        String value(String label) {
            return out.lines().filter(line -> line.startsWith(label + ":")).map(line -> line.substring(label.length() + 1).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("no line " + label + " in\n" + out));
        }

        List<String> lines() {
            return out.lines().toList();
        }
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

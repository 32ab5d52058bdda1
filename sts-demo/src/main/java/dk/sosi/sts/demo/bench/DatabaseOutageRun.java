package dk.sosi.sts.demo.bench;

import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The database outage run ({@code --db-outage <seconds>}): under load at half of peak, the STS's
 * embedded MariaDB is killed, stays away for the given time and is started again. Prints, before,
 * during and after, what the clients saw and what {@code /sts/status} said, and checks that the STS
 * kept serving on the configuration it had, in the same process, and recovered by itself.
 */
final class DatabaseOutageRun {

    private static final double BEFORE_SECONDS = 10;
    private static final double AFTER_SECONDS = 30;
    private static final String OUTAGE_AUDIENCE = "https://benchmark.sosi-sts.example/db-outage";
    private static final List<String> WATCHED = List.of("STS-DB", "CRA-DB", "STS configuration");

    private final URI sts;
    private final URI endpoint;
    private final List<byte[]> requests;
    private final int clients;
    private final double rate;
    private final HttpClient http = HttpClient.newHttpClient();

    DatabaseOutageRun(URI sts, URI endpoint, List<byte[]> requests, int clients, double rate) {
        this.sts = sts;
        this.endpoint = endpoint;
        this.requests = requests;
        this.clients = clients;
        this.rate = rate;
    }

    /** Immutable. What the run showed. */
    record Outcome(long errorsDuring, long errorsAfter, boolean statusSawOutage, double recoverySeconds, boolean sameProcess,
            boolean configurationKept) {
    }

    Outcome run(ProcessHandle stsProcess, EmbeddedDatabaseProcess database, int databasePort, double outageSeconds, Path restartLog)
            throws Exception {
        Status before = withAudience(databasePort);
        LoadRun.Result steady = LoadRun.run(endpoint, requests, clients, BEFORE_SECONDS, rate);
        print("before the outage", steady, before);

        database.kill();
        AtomicReference<Status> sawOutage = new AtomicReference<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            Status now = status();
            if (now.code() != 200) {
                sawOutage.set(now); // the latest: by then a configuration reload has failed too
            }
        }, 1, 2, TimeUnit.SECONDS);
        LoadRun.Result during = LoadRun.run(endpoint, requests, clients, outageSeconds, rate);
        poller.shutdownNow();
        print(String.format(Locale.ROOT, "database away (%.0f s)", outageSeconds), during,
                sawOutage.get() == null ? status() : sawOutage.get());

        database.restart(restartLog);
        long back = System.nanoTime();
        AtomicReference<Double> recovered = new AtomicReference<>();
        poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            if (recovered.get() == null && status().code() == 200) {
                recovered.set((System.nanoTime() - back) / 1e9);
            }
        }, 0, 1, TimeUnit.SECONDS);
        LoadRun.Result after = LoadRun.run(endpoint, requests, clients, AFTER_SECONDS, rate);
        poller.shutdownNow();
        Status end = status();
        print("database back", after, end);

        boolean sameProcess = stsProcess.isAlive();
        double recovery = recovered.get() == null ? Double.NaN : recovered.get();
        boolean kept = tables(before).equals(tables(end));
        System.out.printf(Locale.ROOT, "  /sts/status healthy again %s; STS process %s; configuration %s%n",
                Double.isNaN(recovery) ? "NEVER within the run" : String.format(Locale.ROOT, "%.0f s after the database came back", recovery),
                sameProcess ? "the same, not restarted" : "GONE", kept ? "as before: " + tables(end) : "CHANGED: " + tables(end));
        return new Outcome(during.errors(), after.errors(), sawOutage.get() != null, recovery, sameProcess, kept);
    }

    /**
     * Adds an audience as an admin would, so that there is configuration to lose, and waits until the
     * STS has loaded it (the benchmark's STS re-reads its tables every 5 seconds).
     */
    private Status withAudience(int databasePort) throws Exception {
        try (Connection connection = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(databasePort), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT IGNORE INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value) "
                    + "VALUES ('" + OUTAGE_AUDIENCE + "', 'lifetime', '300')");
        }
        Instant deadline = Instant.now().plusSeconds(30);
        Status status = status();
        while (status.line("STS configuration").contains("audienceConfiguration 0") && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            status = status();
        }
        return status;
    }

    private static void print(String phase, LoadRun.Result result, Status status) {
        System.out.printf(Locale.ROOT, "  %-22s %.0f tokens/s, p99 %.1f ms, max %.0f ms, errors %d | /sts/status %d: %s%n", phase,
                result.perSecond(), result.percentileMillis(99), result.maxMillis(), result.errors(), status.code(),
                WATCHED.stream().map(status::line).collect(Collectors.joining("; ")));
    }

    /** What the configuration line says is loaded (table sizes), without when. */
    private static String tables(Status status) {
        String line = status.line("STS configuration");
        int from = line.indexOf("; iboConfig");
        return from < 0 ? line : line.substring(from + 2, line.length() - (line.endsWith(")") ? 1 : 0));
    }

    /** Immutable. One read of /sts/status. */
    private record Status(int code, String body) {

        String line(String label) {
            return body.lines().filter(l -> l.startsWith(label + ":")).findFirst().orElse(label + ": (not shown)");
        }
    }

    private Status status() {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sts + "/status")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Status(page.statusCode(), page.body());
        } catch (Exception e) {
            return new Status(0, "unreachable: " + e.getMessage());
        }
    }
}

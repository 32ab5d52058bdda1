package dk.sosi.sts.demo.bench;

import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoConfigurationFolder;
import dk.sosi.sts.demo.launcher.CryptoProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Drives one endpoint over HTTP with pre-signed requests from demo certificates ({@link Workload}) and prints
 * tokens/s, latency, errors, server CPU per token, GC share and heap, next to the machine's RSA signature
 * ceiling measured in the same run, so that results compare across machines; the CPU per token is also given
 * per private-key operation of the STS (one per id-card, two per OIO answer).
 * <p>
 * Options: {@code --endpoint NewSecurityTokenService|Sosi2OIOSaml|OIOSaml2Sosi|BST2SOSI|Bst2Idws|JWT2Idws|DKNCPBST2EHDSIIdws} (default the former), {@code --url <sts base URL>} (default: start the STS on its embedded defaults in a child
 * process, in {@code .sts-bench/}), {@code --war <path>}, {@code --clients 8}, {@code --seconds 30},
 * {@code --warmup 60} (at least; it goes on until the JIT has settled), {@code --soak-minutes 0} (then a soak at half of peak, printing heap and p99 each
 * minute), {@code --json <file>}, {@code --crypto jdk|accp} (the JCA provider of the STS and of the
 * ceiling measurement), {@code --server-jvm-arg <arg>} (repeatable; e.g. a JFR recording for a profile, or
 * {@code -XX:+UseG1GC} instead of the parallel collector the STS is otherwise measured with),
 * {@code --db-outage <seconds>} (then, at half of peak, the embedded database is killed for that long and
 * started again; Linux, and only for an STS the benchmark starts).
 */
public final class StsBenchmark {

    /**
     * The collector the STS is measured with unless {@code --server-jvm-arg} names another: with a small
     * live set and short-lived DOM garbage, the parallel collector's cheaper write barriers cut server CPU
     * per token by about 10 % against G1 here, at under 1 % of wall time in pauses.
     */
    static final String RECOMMENDED_GC = "-XX:+UseParallelGC";

    private StsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.setProperty(CryptoProvider.SETTING, options.crypto);
        String provider = CryptoProvider.installFromSetting();
        Process child = null;
        URI sts = options.url;
        Path home = Path.of(".sts-bench").toAbsolutePath();
        if (sts == null) {
            List<String> jvmArgs = serverJvmArgs(options);
            child = startSts(options.war, home, jvmArgs);
            sts = URI.create("http://127.0.0.1:" + Options.CHILD_PORT + "/sts");
        }
        try {
            awaitUp(sts, child);
            DemoConfiguration demo = DemoConfigurationFolder.ensure(home.resolve("config"), Clock.systemUTC());
            Workload workload = switch (options.endpoint) {
                case "Sosi2OIOSaml" -> Sosi2OioSamlWorkload.prepare(sts, demo);
                case "OIOSaml2Sosi" -> new OioSaml2SosiWorkload(demo);
                case "BST2SOSI" -> new Bst2SosiWorkload(demo);
                case "Bst2Idws" -> new Bst2IdwsWorkload(demo);
                case "JWT2Idws" -> new Jwt2IdwsWorkload(demo);
                case "DKNCPBST2EHDSIIdws" -> new EhdsiWorkload(demo);
                default -> new DgwsWorkload(demo);
            };
            List<byte[]> requests = workload.requests(workload.signers(), 256);
            URI endpoint = URI.create(sts + "/services/" + workload.endpoint());
            ServerProbe probe = new ServerProbe(sts, child == null ? OptionalLong.empty() : OptionalLong.of(child.pid()));

            System.out.printf(Locale.ROOT, "SOSI-STS benchmark: %d cores, Java %s, %d clients, %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.clients, endpoint);
            warmUp(endpoint, requests, options, probe);
            // the ceiling is measured on an idle machine once the STS is warm, right before and after the peak: a
            // shared host's speed drifts, and the better of the two is what a core can do
            Thread.sleep(2000);
            double ceilingBefore = SignatureCeiling.measure(5);
            ServerProbe.Reading before = probe.read();
            LoadRun.Result peak = LoadRun.run(endpoint, requests, options.clients, options.seconds, 0);
            ServerProbe.Reading after = probe.read();
            Thread.sleep(2000);
            double ceiling = Math.max(ceilingBefore, SignatureCeiling.measure(5));
            System.out.printf(Locale.ROOT, "signature ceiling       %.0f RSA-2048 SHA256withRSA signatures/s on one core (%s; %.0f "
                    + "before the peak)%n", ceiling, provider, ceilingBefore);
            double cpuMsPerToken = (after.cpuSeconds() - before.cpuSeconds()) * 1000 / Math.max(1, peak.requests());
            double gcShare = (after.gcSeconds() - before.gcSeconds()) / peak.seconds();
            double multiple = cpuMsPerToken * ceiling / 1000 / workload.privateKeyOperations();
            print("peak", peak);
            System.out.printf(Locale.ROOT, "server CPU per token    %.2f ms    signature multiple %.2f per private-key operation "
                    + "(%d per answer; 1.0 = only the signatures)%n", cpuMsPerToken, multiple, workload.privateKeyOperations());
            System.out.printf(Locale.ROOT, "GC share of wall time   %.1f %%      heap in use after the run %.0f MB%n",
                    gcShare * 100, after.heapBytes() / 1e6);

            double halfRate = peak.perSecond() / 2;
            LoadRun.Result half = LoadRun.run(endpoint, requests, options.clients, options.seconds, halfRate);
            print(String.format(Locale.ROOT, "half peak (%.0f/s)", halfRate), half);
            for (int minute = 1; minute <= options.soakMinutes; minute++) {
                LoadRun.Result soak = LoadRun.run(endpoint, requests, options.clients, 60, halfRate);
                System.out.printf(Locale.ROOT, "soak minute %-3d         %.0f tokens/s, p99 %.1f ms, errors %d, heap %.0f MB%n", minute,
                        soak.perSecond(), soak.percentileMillis(99), soak.errors(), probe.read().heapBytes() / 1e6);
            }
            RefusalCostRun.Outcome refusals = RefusalCostRun.run(endpoint, signer -> workload.requests(List.of(signer), 64),
                    demo.loadClientCredential(DemoClient.UNTRUSTED_FOCES), options.clients, Math.min(options.seconds, 15), probe);
            System.out.printf(Locale.ROOT, "refusal CPU             %.3f ms for a 3070-bit RSA exponent, %.3f ms for an untrusted "
                    + "signer: %.2f times (%d and %d requests)%n", refusals.hugeExponentMs(), refusals.ordinaryMs(), refusals.ratio(),
                    refusals.hugeExponentRequests(), refusals.ordinaryRequests());
            DatabaseOutageRun.Outcome outage = options.dbOutageSeconds > 0
                    ? databaseOutage(sts, endpoint, requests, options, halfRate, child, home) : null;
            Figures figures = new Figures(ceiling, peak, half, cpuMsPerToken, multiple, gcShare, after.heapBytes(), refusals, outage);
            printTargets(figures, workload.multipleTarget(), workload.privateKeyOperations());
            if (options.json != null) {
                Files.writeString(options.json, figures.json(options.clients));
                System.out.println("wrote " + options.json);
            }
        } finally {
            if (child != null) {
                child.destroy();
                child.waitFor();
            }
        }
    }

    /**
     * Loads the STS for at least {@code --warmup} seconds, then in 10-second rounds until the JIT has
     * settled (it compiled for under 1 % of each of two rounds in a row) or 5 minutes have passed. On 2
     * cores one C2 thread needs well over a minute under load to compile the token path; figures taken
     * before then measure the compiler, not the STS.
     */
    private static void warmUp(URI endpoint, List<byte[]> requests, Options options, ServerProbe probe) throws Exception {
        Instant start = Instant.now();
        LoadRun.run(endpoint, requests, options.clients, options.warmupSeconds, 0);
        double round = 10;
        int quietRounds = 0;
        double lastRoundJit = Double.NaN;
        while (quietRounds < 2 && Duration.between(start, Instant.now()).toSeconds() < 300) {
            double jitBefore = probe.read().jitSeconds();
            LoadRun.run(endpoint, requests, options.clients, round, 0);
            lastRoundJit = probe.read().jitSeconds() - jitBefore;
            quietRounds = lastRoundJit < 0.01 * round ? quietRounds + 1 : 0;
        }
        System.out.printf(Locale.ROOT, "warm-up                 %d s (%s; JIT compiled %.2f s in the last %.0f s)%n",
                Duration.between(start, Instant.now()).toSeconds(),
                quietRounds >= 2 ? "JIT compilation settled" : "JIT STILL COMPILING after 5 minutes", lastRoundJit, round);
    }

    private static void print(String label, LoadRun.Result result) {
        System.out.printf(Locale.ROOT, "%-23s %.0f tokens/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (%d requests)%n",
                label, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), result.maxMillis(),
                result.errors(), result.requests());
    }

    /** The STS's JVM: the recommended collector unless one is named, and the benchmark's own settings. */
    private static List<String> serverJvmArgs(Options options) {
        List<String> jvmArgs = new ArrayList<>(options.serverJvmArgs);
        if (jvmArgs.stream().noneMatch(arg -> arg.matches("-XX:\\+Use\\w+GC"))) {
            jvmArgs.add(RECOMMENDED_GC);
        }
        jvmArgs.add("-D" + CryptoProvider.SETTING + "=" + options.crypto);
        if (options.dbOutageSeconds > 0) {
            jvmArgs.add("-D" + StsEnvironment.CONFIG_REFRESH + "=5"); // so that reloads fail during the outage
        }
        return jvmArgs;
    }

    private static DatabaseOutageRun.Outcome databaseOutage(URI sts, URI endpoint, List<byte[]> requests, Options options,
            double rate, Process child, Path home) throws Exception {
        System.out.printf(Locale.ROOT, "database outage at half peak: the embedded MariaDB is killed, away %.0f s, started again%n",
                options.dbOutageSeconds);
        try (EmbeddedDatabaseProcess database = EmbeddedDatabaseProcess.of(child.toHandle(), Options.CHILD_DB_PORT)) {
            return new DatabaseOutageRun(sts, endpoint, requests, options.clients, rate).run(child.toHandle(), database,
                    Options.CHILD_DB_PORT, options.dbOutageSeconds, home.resolve("mariadb-restarted.log"));
        }
    }

    private static void printTargets(Figures figures, double multipleTarget, int operations) {
        System.out.println("targets:");
        target(String.format(Locale.ROOT, "signature multiple per private-key operation <= %.1f", multipleTarget),
                figures.multiple() <= multipleTarget);
        target("private-key operations/s >= single-core signature rate",
                figures.peak().perSecond() * operations >= figures.ceiling());
        target("p99 < 50 ms at half of peak", figures.half().percentileMillis(99) < 50);
        target("zero errors", figures.peak().errors() == 0 && figures.half().errors() == 0);
        target("heap after the run < 512 MB", figures.heapAfter() < 512e6);
        target("GC < 5 % of wall time", figures.gcShare() < 0.05);
        target("refusing a huge RSA exponent <= 2 x an ordinary refusal", figures.refusals().ratio() <= 2);
        DatabaseOutageRun.Outcome outage = figures.outage();
        if (outage != null) {
            target("database outage: no errors once it is back", outage.errorsAfter() == 0);
            target("database outage: /sts/status showed it", outage.statusSawOutage());
            target("database outage: recovered without restart", !Double.isNaN(outage.recoverySeconds()) && outage.sameProcess());
            target("database outage: configuration kept", outage.configurationKept());
        }
    }

    /** Immutable. The run's figures; {@code outage} is null without {@code --db-outage}. */
    private record Figures(double ceiling, LoadRun.Result peak, LoadRun.Result half, double cpuMsPerToken, double multiple,
            double gcShare, double heapAfter, RefusalCostRun.Outcome refusals, DatabaseOutageRun.Outcome outage) {

        String json(int clients) {
            String outageFields = outage == null ? "" : String.format(Locale.ROOT,
                    ",\"dbOutageErrorsDuring\":%d,\"dbOutageErrorsAfter\":%d,\"dbOutageRecoverySeconds\":%s,"
                            + "\"dbOutageConfigurationKept\":%b", outage.errorsDuring(), outage.errorsAfter(),
                    Double.isNaN(outage.recoverySeconds()) ? "null" : String.format(Locale.ROOT, "%.1f", outage.recoverySeconds()),
                    outage.configurationKept());
            return String.format(Locale.ROOT,
                    "{\"cores\":%d,\"clients\":%d,\"signaturesPerSecond\":%.1f,\"tokensPerSecond\":%.1f,\"p50Ms\":%.2f,"
                            + "\"p99Ms\":%.2f,\"maxMs\":%.2f,\"errors\":%d,\"serverCpuMsPerToken\":%.3f,\"signatureMultiple\":%.3f,"
                            + "\"gcShare\":%.4f,\"heapBytesAfter\":%.0f,\"halfPeakTokensPerSecond\":%.1f,\"halfPeakP99Ms\":%.2f,"
                            + "\"halfPeakErrors\":%d,\"refusalCpuMsOrdinary\":%.3f,\"refusalCpuMsHugeExponent\":%.3f%s}%n",
                    Runtime.getRuntime().availableProcessors(), clients, ceiling, peak.perSecond(), peak.percentileMillis(50),
                    peak.percentileMillis(99), peak.maxMillis(), peak.errors(), cpuMsPerToken, multiple, gcShare, heapAfter,
                    half.perSecond(), half.percentileMillis(99), half.errors(), refusals.ordinaryMs(), refusals.hugeExponentMs(),
                    outageFields);
        }
    }

    private static void target(String what, boolean met) {
        System.out.printf("  %-45s %s%n", what, met ? "met" : "MISSED");
    }

    private static Process startSts(Path war, Path home, List<String> jvmArgs) throws Exception {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-Dsts.embedded.dir=" + home, "-Dsts.port=" + Options.CHILD_PORT,
                "-Dsts.embedded.db.port=" + Options.CHILD_DB_PORT,
                "-cp", System.getProperty("java.class.path"), "dk.sosi.sts.demo.launcher.StsLauncher", war.toString()));
        System.out.println("starting the STS on its embedded defaults in " + home + " (log: launcher.log)");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("launcher.log").toFile()).start();
    }

    private static void awaitUp(URI sts, Process child) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (child != null && !child.isAlive()) {
                throw new IllegalStateException("The STS did not start; see .sts-bench/launcher.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(sts + "/status")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The STS at " + sts + " did not become healthy within 3 minutes");
    }

    /** Immutable. The command line. */
    private record Options(String endpoint, URI url, Path war, int clients, double seconds, double warmupSeconds, int soakMinutes,
            Path json, List<String> serverJvmArgs, String crypto, double dbOutageSeconds) {

        static final int CHILD_PORT = 8090;
        static final int CHILD_DB_PORT = 3309;

        static Options parse(String[] args) {
            String endpoint = "NewSecurityTokenService";
            URI url = null;
            Path war = Path.of("sts-web", "target", "sts.war");
            int clients = 8;
            double seconds = 30;
            double warmup = 60;
            int soak = 0;
            Path json = null;
            List<String> serverJvmArgs = new ArrayList<>();
            String crypto = "jdk";
            double dbOutage = 0;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--endpoint" -> endpoint = args[i + 1];
                    case "--url" -> url = URI.create(args[i + 1].replaceAll("/$", ""));
                    case "--war" -> war = Path.of(args[i + 1]);
                    case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                    case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                    case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                    case "--soak-minutes" -> soak = Integer.parseInt(args[i + 1]);
                    case "--json" -> json = Path.of(args[i + 1]);
                    case "--server-jvm-arg" -> serverJvmArgs.add(args[i + 1]);
                    case "--crypto" -> crypto = args[i + 1];
                    case "--db-outage" -> dbOutage = Double.parseDouble(args[i + 1]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (dbOutage > 0 && url != null) {
                throw new IllegalArgumentException("--db-outage needs the STS the benchmark starts itself (no --url)");
            }
            if (!List.of("NewSecurityTokenService", "Sosi2OIOSaml", "OIOSaml2Sosi", "BST2SOSI", "Bst2Idws", "JWT2Idws", "DKNCPBST2EHDSIIdws").contains(endpoint)) {
                throw new IllegalArgumentException("--endpoint must be NewSecurityTokenService, Sosi2OIOSaml, OIOSaml2Sosi, BST2SOSI, Bst2Idws, JWT2Idws or DKNCPBST2EHDSIIdws, was "
                        + endpoint);
            }
            return new Options(endpoint, url, war, clients, seconds, warmup, soak, json, serverJvmArgs, crypto, dbOutage);
        }
    }
}

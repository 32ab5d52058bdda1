package dk.sosi.sts.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Linux only. The MariaDB server process of an STS the benchmark started on its embedded defaults,
 * which the outage run kills outright (as a crashed or unplugged database) and later starts again with
 * the same command line, working directory and environment, so that its data and port are unchanged.
 */
final class EmbeddedDatabaseProcess implements AutoCloseable {

    private final List<String> command;
    private final Path directory;
    private final Map<String, String> environment;
    private ProcessHandle running;
    private Process restarted;

    private EmbeddedDatabaseProcess(ProcessHandle process) throws IOException {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        this.command = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
        this.directory = Files.readSymbolicLink(proc.resolve("cwd"));
        this.environment = new LinkedHashMap<>();
        for (String entry : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        this.running = process;
    }

    /** The database server among {@code sts}'s descendants that listens on {@code port}. */
    static EmbeddedDatabaseProcess of(ProcessHandle sts, int port) throws IOException {
        for (ProcessHandle candidate : sts.descendants().toList()) {
            List<String> arguments = nulSeparated(readOrEmpty(Path.of("/proc", Long.toString(candidate.pid()), "cmdline")));
            if (!arguments.isEmpty() && arguments.get(0).matches(".*(mysqld|mariadbd)$") && arguments.contains("--port=" + port)) {
                return new EmbeddedDatabaseProcess(candidate);
            }
        }
        throw new IllegalStateException("No MariaDB server on port " + port + " among the STS's child processes");
    }

    /** Kills the server at once (SIGKILL): open connections break, new ones are refused. */
    void kill() throws Exception {
        running.destroyForcibly();
        running.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Starts the server again as it was started before, its output going to {@code log}. */
    void restart(Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        restarted = builder.start();
        running = restarted.toHandle();
    }

    /** Stops a server this benchmark started (the STS's own stop no longer reaches it). */
    @Override
    public void close() throws Exception {
        if (restarted != null && restarted.isAlive()) {
            restarted.destroy();
            if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    private static byte[] readOrEmpty(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException gone) {
            return new byte[0];
        }
    }

    private static List<String> nulSeparated(byte[] bytes) {
        List<String> parts = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0")));
        parts.removeIf(String::isEmpty);
        return parts;
    }
}

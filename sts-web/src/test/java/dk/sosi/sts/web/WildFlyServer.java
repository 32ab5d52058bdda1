package dk.sosi.sts.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stock WildFly 39 as an operator runs one: a fresh server base folder copied from the unpacked
 * distribution, configured offline with the project's {@code docker/wildfly/configure-sts.cli}, started
 * with {@code bin/standalone.sh} and the STS settings as environment variables, the packaged
 * {@code sts.war} in its deployments folder. Ports are moved by a free port offset; the management
 * CLI and {@code jcmd} are run as an operator would.
 */
final class WildFlyServer implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Path base;
    private final int portOffset;
    private final Process process;
    private final long pid;

    private WildFlyServer(Path home, Path base, int portOffset, Process process, long pid) {
        this.home = home;
        this.base = base;
        this.portOffset = portOffset;
        this.process = process;
        this.pid = pid;
    }

    /**
     * Configures a fresh base folder in {@code base} with {@code cli}, puts {@code war} in its deployments,
     * boots with {@code environment} and waits until the server has started.
     *
     * @throws IllegalStateException if the server does not start, or starts with errors (server.log attached)
     */
    static WildFlyServer start(Path home, Path base, Path cli, Path war, Map<String, String> environment) throws Exception {
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("No WildFly at " + home + "; mvn verify unpacks org.wildfly:wildfly-dist there");
        }
        deleteRecursively(base);
        copyRecursively(home.resolve("standalone"), base);
        run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli), home,
                Map.of("JAVA_OPTS", "-Djboss.server.base.dir=" + base), Duration.ofMinutes(2));
        Files.copy(war, base.resolve("deployments/sts.war"), StandardCopyOption.REPLACE_EXISTING);

        int offset = freePortOffset();
        Path pidFile = base.resolve("wildfly.pid");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset)
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        Process process = builder.start();
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        String console = "";
        while (Instant.now().isBefore(deadline) && !console.contains("WFLYSRV0025") && !console.contains("WFLYSRV0026")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped while starting:\n" + read(base.resolve("console.log")));
            }
            Thread.sleep(200);
            console = read(base.resolve("console.log"));
        }
        long pid = Long.parseLong(read(pidFile).trim());
        WildFlyServer server = new WildFlyServer(home, base, offset, process, pid);
        if (!console.contains("WFLYSRV0025")) {
            server.close();
            throw new IllegalStateException("WildFly did not start cleanly:\n" + read(base.resolve("log/server.log")));
        }
        return server;
    }

    /** The base URL of the deployed STS, e.g. {@code http://127.0.0.1:18080/sts}. */
    URI sts() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/sts");
    }

    long pid() {
        return pid;
    }

    Path serverLog() {
        return base.resolve("log/server.log");
    }

    Path slaLog() {
        return base.resolve("log/sla.log");
    }

    /** Runs one management command with the CLI against the running server; returns what it printed. */
    String cli(String command) throws Exception {
        return run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "-c",
                "--controller=127.0.0.1:" + (9990 + portOffset), "--command=" + command), home, Map.of(), Duration.ofMinutes(2));
    }

    /** Runs {@code jcmd <server pid> <arguments>} with this JVM's jcmd; returns what it printed. */
    String jcmd(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        command.addAll(List.of(arguments));
        return run(command, home, Map.of(), Duration.ofMinutes(1));
    }

    @Override
    public void close() throws Exception {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws Exception {
        Path output = Files.createTempFile("wildfly-command", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n" + text);
        }
        return text;
    }

    /** An offset under which WildFly's HTTP (8080), HTTPS (8443) and management (9990, 9993) ports are all free. */
    private static int freePortOffset() throws IOException {
        for (int offset = 10_000; offset < 40_000; offset += 137) {
            if (free(8080 + offset) && free(8443 + offset) && free(9990 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IOException("No free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

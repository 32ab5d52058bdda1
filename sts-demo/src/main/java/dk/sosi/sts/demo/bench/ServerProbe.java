package dk.sosi.sts.demo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * What the benchmark reads off the server between runs: its CPU time (from /proc when it is our own
 * child process, else from /sts/metrics), GC pause time, heap in use and JIT compile time (from /sts/metrics).
 */
final class ServerProbe {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final URI metrics;
    private final OptionalLong pid;
    private final HttpClient http = HttpClient.newHttpClient();

    ServerProbe(URI sts, OptionalLong pid) {
        this.metrics = URI.create(sts + "/metrics");
        this.pid = pid;
    }

    /** Immutable. One reading. */
    record Reading(double cpuSeconds, double gcSeconds, double heapBytes, double jitSeconds) {
    }

    Reading read() throws Exception {
        String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double cpu = pid.isPresent() ? procCpuSeconds(pid.getAsLong()) : sum(body, "process_cpu_time_seconds_total", "");
        return new Reading(cpu, sum(body, "jvm_gc_pause_seconds_sum", ""), sum(body, "jvm_memory_used_bytes", "area=\"heap\""),
                sum(body, "jvm_compilation_time_ms_total", "") / 1000);
    }

    /** utime + stime of the process, fields 14 and 15 of /proc/[pid]/stat. */
    private static double procCpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    /** The sum of every series of {@code metric} whose labels contain {@code label} (label values may hold spaces). */
    private static double sum(String metrics, String metric, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " ")) && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}

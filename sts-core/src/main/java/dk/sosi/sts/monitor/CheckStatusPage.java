package dk.sosi.sts.monitor;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.trust.StsKeys;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. The old status page {@code /sts/checkstatus}, line for line in the format of the
 * guide's example ("Gammel statusside"), ending with {@code EOS}.
 */
public final class CheckStatusPage {

    /** As {@code java.util.Date#toString()}: {@code Tue Jan 04 13:50:45 CET 2022}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH);

    private final String version;
    private final Instant started;
    private final StsKeys keys;
    private final ServiceInfoCollector requests;
    private final List<ServiceLine> services;
    private final List<Check> checks;
    private final Clock clock;
    private final ZoneId zone;

    /** @param services reported after the response times, two lines each, in this order */
    public CheckStatusPage(String version, Instant started, StsKeys keys, ServiceInfoCollector requests,
            List<ServiceLine> services, List<Check> checks, Clock clock, ZoneId zone) {
        this.version = Objects.requireNonNull(version, "version");
        this.started = Objects.requireNonNull(started, "started");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.services = List.copyOf(services);
        this.checks = List.copyOf(checks);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The page as of now, and whether no check failed (200) or one did (500); a warning alone leaves it 200. */
    public Rendered render() {
        MonitorReport report = MonitorReport.run(checks);
        List<String> lines = new ArrayList<>();
        lines.add("Version: " + version);
        lines.add("Local time: " + date(clock.instant()));
        lines.add("Started: " + date(started));
        lines.add("Last transaction: " + date(latest(requests.latestSuccess(), requests.latestFailure())));
        lines.add("Last issued: " + date(requests.latestSuccess()));
        X509Certificate certificate = keys.current().certificate();
        lines.add("Sts certificate, valid from: " + date(certificate.getNotBefore().toInstant()));
        lines.add("Sts certificate, valid until: " + date(certificate.getNotAfter().toInstant()));
        report.results().stream().filter(r -> r.label().startsWith("Sts certificate")).forEach(r -> lines.add(r.line()));
        ServiceInfoCollector.Window window = requests.window();
        long hours = requests.windowLength().toHours();
        lines.add("Requests, " + hours + "h: " + window.calls());
        lines.add("Requests, total: " + requests.totalCalls());
        lines.add("Failed requests, " + hours + "h: " + window.failures());
        lines.add("Failed requests, total: " + requests.totalFailures());
        lines.add("Response time, avg " + hours + "h: " + window.averageMillis() + " ms");
        lines.add("Response time, max " + hours + "h: " + window.maxMillis() + " ms");
        for (ServiceLine service : services) {
            lines.add(service.name() + ", latest successful " + service.activity() + ": " + date(service.collector().latestSuccess()));
            lines.add(service.name() + ", latest failed " + service.activity() + ": " + date(service.collector().latestFailure()));
        }
        report.results().stream().filter(r -> !r.label().startsWith("Sts certificate")).forEach(r -> lines.addAll(r.checkStatusLines()));
        lines.add("EOS");
        return new Rendered(String.join("\n", lines) + "\n", report.healthy(Severity.FAILED));
    }

    /** Immutable. The page text and whether it reports healthy. */
    public record Rendered(String text, boolean healthy) {
    }

    private String date(Instant instant) {
        return DATE.format(instant.atZone(zone));
    }

    private String date(Optional<Instant> instant) {
        return instant.map(this::date).orElse("never");
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}

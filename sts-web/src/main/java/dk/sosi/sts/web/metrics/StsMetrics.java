package dk.sosi.sts.web.metrics;

import dk.sosi.sts.exchange.RequestListener;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.monitor.MonitoredService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dk.sosi.sts.monitor.inventory.CertificateInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Thread-safe. The STS's Prometheus metrics at {@code /sts/metrics}: requests and their latency per
 * endpoint and outcome ({@code ok} or the {@code wst:} fault code), calls and failures per backend,
 * days until each certificate expires, and the JVM's heap, GC, threads and CPU.
 */
public final class StsMetrics implements RequestListener, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge certificateExpiry = MultiGauge.builder("sts.certificate.days.to.expiry")
            .description("Days until a certificate the STS uses or trusts expires").register(registry);
    private volatile CertificateInventory inventory;
    private volatile Clock clock;

    /** With the JVM's heap, GC, threads, CPU and JIT compile time, which the benchmark and capacity planning read. */
    public StsMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmCompilationMetrics().bindTo(registry);
    }

    @Override
    public void completed(StsEndpoint endpoint, Optional<FaultCode> fault, Duration elapsed) {
        Timer.builder("sts.requests")
                .description("Token requests answered, by endpoint and outcome")
                .tag("endpoint", endpoint.path())
                .tag("outcome", fault.map(FaultCode::localName).orElse("ok"))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    /** Counts each backend's calls and failures from its own record. */
    public void bindBackends(List<MonitoredService> services) {
        for (MonitoredService service : services) {
            FunctionCounter.builder("sts.backend.calls", service, s -> s.serviceInfo().totalCalls())
                    .description("Calls to a backend service").tag("service", service.name()).register(registry);
            FunctionCounter.builder("sts.backend.failures", service, s -> s.serviceInfo().totalFailures())
                    .description("Failed calls to a backend service").tag("service", service.name()).register(registry);
        }
    }

    /**
     * Days until each certificate of {@code inventory} expires (negative once it has), labelled with
     * where it is configured and its subject serial number; re-read at every scrape, because database
     * certificates come and go with the admins' SQL.
     */
    public void bindCertificates(CertificateInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    /** The metrics in the Prometheus text format. */
    public String scrape() {
        if (inventory != null) {
            certificateExpiry.register(inventory.entries().stream().filter(e -> e.notAfter().isPresent())
                    .map(e -> MultiGauge.Row.of(Tags.of("certificate", e.location(), "subject", e.subject()),
                            Duration.between(clock.instant(), e.notAfter().get()).toSeconds() / 86400.0))
                    .toList(), true);
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

package dk.sosi.sts.backend.internal;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Thread-safe. What the {@code Monitored…} decorators do around each call: run it inside its SLA log
 * point, if the service has one, and record it in the service's {@link ServiceInfoCollector}; a call
 * that throws, for whatever reason, is a failed call.
 */
public final class CallRecorder {

    private final ServiceInfoCollector serviceInfo;
    private final Optional<SlaPoint> point;
    private final SlaLog sla;

    /** Records in {@code serviceInfo} and logs each call at {@code point} in {@code sla}. */
    public static CallRecorder withSlaPoint(ServiceInfoCollector serviceInfo, SlaLog sla, SlaPoint point) {
        return new CallRecorder(serviceInfo, Objects.requireNonNull(sla, "sla"), Optional.of(Objects.requireNonNull(point, "point")));
    }

    /** Records in {@code serviceInfo} only: for services without an SLA log point in the guide. */
    public static CallRecorder withoutSlaPoint(ServiceInfoCollector serviceInfo) {
        return new CallRecorder(serviceInfo, null, Optional.empty());
    }

    private CallRecorder(ServiceInfoCollector serviceInfo, SlaLog sla, Optional<SlaPoint> point) {
        this.serviceInfo = Objects.requireNonNull(serviceInfo, "serviceInfo");
        this.sla = sla;
        this.point = point;
    }

    public ServiceInfoCollector serviceInfo() {
        return serviceInfo;
    }

    /** Runs {@code call} for {@code request} and records it. */
    public <T> T record(RequestContext request, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T result = point.isPresent() ? sla.measure(point.get(), request, call::get) : call.get();
            serviceInfo.recordSuccess(Duration.ofNanos(System.nanoTime() - started));
            return result;
        } catch (RuntimeException | Error e) {
            serviceInfo.recordFailure(Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }
}

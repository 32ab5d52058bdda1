package dk.sosi.sts.backend.uuid2cpr;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.monitor.MonitoredService;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. Decorates a {@link Uuid2CprService}: each call is recorded, as success or failure with
 * its response time, in this service's own {@link ServiceInfoCollector}. The guide lists no SLA log
 * point for UUID2CPR, so none is written.
 */
public final class MonitoredUuid2CprService implements Uuid2CprService, MonitoredService {

    private final Uuid2CprService delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredUuid2CprService(Uuid2CprService delegate, ServiceInfoCollector serviceInfo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withoutSlaPoint(serviceInfo);
    }

    @Override
    public Optional<String> cprOf(String uuid, RequestContext request) {
        return recorder.record(request, () -> delegate.cprOf(uuid, request));
    }

    @Override
    public String name() {
        return SERVICE_NAME;
    }

    @Override
    public ServiceInfoCollector serviceInfo() {
        return recorder.serviceInfo();
    }
}

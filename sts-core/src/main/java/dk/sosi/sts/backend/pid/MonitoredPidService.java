package dk.sosi.sts.backend.pid;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.monitor.MonitoredService;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import java.util.Objects;

/**
 * Thread-safe. Decorates a {@link PidService}: each call runs inside SLA log point 221
 * ({@code WsOcesPidService.isRelated}) and is recorded, as success or failure with its response time,
 * in this service's own {@link ServiceInfoCollector}. The SLA line carries the message id of the
 * request the call is made for.
 */
public final class MonitoredPidService implements PidService, MonitoredService {

    private final PidService delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredPidService(PidService delegate, ServiceInfoCollector serviceInfo, SlaLog sla) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withSlaPoint(serviceInfo, sla, SlaPoint.PID_IS_RELATED);
    }

    @Override
    public boolean isRelated(String pid, String cpr, RequestContext request) {
        return recorder.record(request, () -> delegate.isRelated(pid, cpr, request));
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

package dk.sosi.sts.backend.cvrrid;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.monitor.MonitoredService;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. Decorates a {@link CvrRidService}: each call runs inside SLA log point 220
 * ({@code WsOcesCvrRidService.findRelatedCpr}) and is recorded, as success or failure with its response
 * time, in this service's own {@link ServiceInfoCollector}; the SLA line carries the request's message id.
 */
public final class MonitoredCvrRidService implements CvrRidService, MonitoredService {

    private final CvrRidService delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredCvrRidService(CvrRidService delegate, ServiceInfoCollector serviceInfo, SlaLog sla) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withSlaPoint(serviceInfo, sla, SlaPoint.CVR_RID_FIND_RELATED_CPR);
    }

    @Override
    public Optional<String> findRelatedCpr(String cvr, String rid, RequestContext request) {
        return recorder.record(request, () -> delegate.findRelatedCpr(cvr, rid, request));
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

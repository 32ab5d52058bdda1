package dk.sosi.sts.backend.cvrrid;

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
 * time, in this service's own {@link ServiceInfoCollector}. Calls made through {@link #forMessage}
 * carry the request's message id in the SLA log; direct calls log {@code messageId=-}.
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
    public Optional<String> findRelatedCpr(String cvr, String rid) {
        return findRelatedCpr("-", cvr, rid);
    }

    @Override
    public CvrRidService forMessage(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return new CvrRidService() {
            @Override
            public Optional<String> findRelatedCpr(String cvr, String rid) {
                return MonitoredCvrRidService.this.findRelatedCpr(messageId, cvr, rid);
            }

            @Override
            public CvrRidService forMessage(String other) {
                return MonitoredCvrRidService.this.forMessage(other);
            }
        };
    }

    @Override
    public String name() {
        return SERVICE_NAME;
    }

    @Override
    public ServiceInfoCollector serviceInfo() {
        return recorder.serviceInfo();
    }

    private Optional<String> findRelatedCpr(String messageId, String cvr, String rid) {
        return recorder.record(messageId, () -> delegate.forMessage(messageId).findRelatedCpr(cvr, rid));
    }
}

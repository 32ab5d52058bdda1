package dk.sosi.sts.backend.procuration;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.monitor.MonitoredService;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. Decorates a {@link ProcurationService}: each call runs inside SLA log point 222
 * ({@code ProcurationWebService.getProcurationPrivileges}) and is recorded, as success or failure with its response
 * time, in this service's own {@link ServiceInfoCollector}.
 */
public final class MonitoredProcurationService implements ProcurationService, MonitoredService {

    private final ProcurationService delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredProcurationService(ProcurationService delegate, ServiceInfoCollector serviceInfo, SlaLog sla) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withSlaPoint(serviceInfo, sla, SlaPoint.PROCURATION_PRIVILEGES);
    }

    @Override
    public List<String> getProcurationPrivileges(String grantorCpr, String granteeCpr, RequestContext request) {
        return recorder.record(request, () -> delegate.getProcurationPrivileges(grantorCpr, granteeCpr, request));
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

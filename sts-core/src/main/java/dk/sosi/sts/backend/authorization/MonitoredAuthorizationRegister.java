package dk.sosi.sts.backend.authorization;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.monitor.MonitoredService;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. Decorates an {@link AuthorizationRegister}: each call is recorded, as success or failure
 * with its response time, in this service's own {@link ServiceInfoCollector}. The guide has no SLA log
 * point for authorisation look-ups, so none is written.
 */
public final class MonitoredAuthorizationRegister implements AuthorizationRegister, MonitoredService {

    private final AuthorizationRegister delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredAuthorizationRegister(AuthorizationRegister delegate, ServiceInfoCollector serviceInfo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withoutSlaPoint(serviceInfo);
    }

    @Override
    public List<Authorization> authorizationsOf(String cpr, RequestContext request) {
        return recorder.record(request, () -> delegate.authorizationsOf(cpr, request));
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

package dk.sosi.sts.backend.roles;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.monitor.MonitoredService;
import java.util.Objects;
import java.util.Set;

/**
 * Thread-safe. Decorates a {@link UserRoleDirectory}: each call is recorded, as success or failure with
 * its response time, in this service's own {@link ServiceInfoCollector}. The guide has no SLA log
 * point for role look-ups, so none is written.
 */
public final class MonitoredUserRoleDirectory implements UserRoleDirectory, MonitoredService {

    private final UserRoleDirectory delegate;
    private final CallRecorder recorder;

    /**
     * @param serviceInfo a collector of its own (a new instance of the prototype bean {@code serviceInfoCollector})
     */
    public MonitoredUserRoleDirectory(UserRoleDirectory delegate, ServiceInfoCollector serviceInfo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withoutSlaPoint(serviceInfo);
    }

    @Override
    public Set<String> rolesOf(String cpr, String cvr, RequestContext request) {
        return recorder.record(request, () -> delegate.rolesOf(cpr, cvr, request));
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

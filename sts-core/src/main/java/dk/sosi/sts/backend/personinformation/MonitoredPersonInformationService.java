package dk.sosi.sts.backend.personinformation;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.monitor.MonitoredService;
import java.util.Objects;
import java.util.Set;

/**
 * Thread-safe. Decorates a {@link PersonInformationService}: each call is recorded, as success or failure with its
 * response time, in this service's own {@link ServiceInfoCollector} (the guide has no SLA log point for it).
 */
public final class MonitoredPersonInformationService implements PersonInformationService, MonitoredService {

    private final PersonInformationService delegate;
    private final CallRecorder recorder;

    public MonitoredPersonInformationService(PersonInformationService delegate, ServiceInfoCollector serviceInfo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withoutSlaPoint(serviceInfo);
    }

    @Override
    public Set<String> childrenInCustody(String cpr, RequestContext request) {
        return recorder.record(request, () -> delegate.childrenInCustody(cpr, request));
    }

    @Override
    public boolean isValid(String cpr, RequestContext request) {
        return recorder.record(request, () -> delegate.isValid(cpr, request));
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

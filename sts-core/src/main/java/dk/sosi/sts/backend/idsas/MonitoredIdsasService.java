package dk.sosi.sts.backend.idsas;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.internal.CallRecorder;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.monitor.MonitoredService;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. Decorates an {@link IdsasService}: each call is recorded, as success or failure with its response time,
 * in this service's own {@link ServiceInfoCollector} (the guide has no SLA log point for it).
 */
public final class MonitoredIdsasService implements IdsasService, MonitoredService {

    private final IdsasService delegate;
    private final CallRecorder recorder;

    public MonitoredIdsasService(IdsasService delegate, ServiceInfoCollector serviceInfo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = CallRecorder.withoutSlaPoint(serviceInfo);
    }

    @Override
    public List<String> blurredOrganisations(String cpr, RequestContext request) {
        return recorder.record(request, () -> delegate.blurredOrganisations(cpr, request));
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

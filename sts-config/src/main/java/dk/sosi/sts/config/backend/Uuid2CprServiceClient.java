package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.uuid2cpr.HttpUuid2CprService;
import dk.sosi.sts.backend.uuid2cpr.MonitoredUuid2CprService;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * UUID2CPR (bean {@code uuid2CprService} in interface.xml): the HTTP client of the backend contract,
 * monitored (its own {@code serviceInfoCollector}; the guide has no SLA log point for it). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/uuid/{uuid}}), {@code serviceInfoCollector}.
 */
public final class Uuid2CprServiceClient extends MonitoredBackendBean<MonitoredUuid2CprService> {

    public Uuid2CprServiceClient() {
        super(MonitoredUuid2CprService.class);
    }

    @Override
    MonitoredUuid2CprService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredUuid2CprService(new HttpUuid2CprService(endpoint, requestTimeout, httpClient), serviceInfo);
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.idsas.HttpIdsasService;
import dk.sosi.sts.backend.idsas.MonitoredIdsasService;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * IDSAS (bean {@code idsasService} in idsas.xml): the HTTP client of the backend contract, monitored (its own
 * {@code serviceInfoCollector}; the guide has no SLA log point for it). Properties: {@code serviceEndpoint} (the IDSAS
 * base URL; the STS calls {@code GET {serviceEndpoint}/idsas/20230601/lookup/{cpr}}), {@code backendClient} (timeouts,
 * TLS), {@code serviceInfoCollector}.
 */
public final class IdsasServiceClient extends MonitoredBackendBean<MonitoredIdsasService> {

    public IdsasServiceClient() {
        super(MonitoredIdsasService.class);
    }

    @Override
    MonitoredIdsasService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredIdsasService(new HttpIdsasService(endpoint, requestTimeout, httpClient), serviceInfo);
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.cvrrid.HttpCvrRidService;
import dk.sosi.sts.backend.cvrrid.MonitoredCvrRidService;
import dk.sosi.sts.sla.SlaLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The CVR-RID service (bean {@code cvrRidService} in cvr-rid.xml): the HTTP client of the backend
 * contract, monitored (SLA log point 220, its own {@code serviceInfoCollector}). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/cvr/{cvr}/rid/{rid}}), {@code serviceInfoCollector}, {@code slaLog}.
 */
public final class CvrRidServiceClient extends MonitoredBackendBean<MonitoredCvrRidService> {

    private SlaLog slaLog;

    public CvrRidServiceClient() {
        super(MonitoredCvrRidService.class);
    }

    public void setSlaLog(SlaLog slaLog) {
        this.slaLog = slaLog;
    }

    @Override
    MonitoredCvrRidService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredCvrRidService(new HttpCvrRidService(endpoint, requestTimeout, httpClient), serviceInfo,
                BackendSettings.required(slaLog, "slaLog"));
    }
}

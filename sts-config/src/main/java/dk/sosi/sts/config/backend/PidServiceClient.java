package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.pid.HttpPidService;
import dk.sosi.sts.backend.pid.MonitoredPidService;
import dk.sosi.sts.sla.SlaLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The PID service (bean {@code pidService} in cvr-rid.xml): the HTTP client of the backend contract,
 * monitored (SLA log point 221, its own {@code serviceInfoCollector}). Properties: {@code backendClient}
 * (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS calls
 * {@code GET {serviceEndpoint}/pid/{pid}/cpr/{cpr}}), {@code serviceInfoCollector}, {@code slaLog}.
 */
public final class PidServiceClient extends MonitoredBackendBean<MonitoredPidService> {

    private SlaLog slaLog;

    public PidServiceClient() {
        super(MonitoredPidService.class);
    }

    public void setSlaLog(SlaLog slaLog) {
        this.slaLog = slaLog;
    }

    @Override
    MonitoredPidService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredPidService(new HttpPidService(endpoint, requestTimeout, httpClient), serviceInfo,
                BackendSettings.required(slaLog, "slaLog"));
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.procuration.HttpProcurationService;
import dk.sosi.sts.backend.procuration.MonitoredProcurationService;
import dk.sosi.sts.sla.SlaLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The procuration service (bean {@code digstProcurationService} in cvr-rid.xml), V1 or V2 by the bean's class, as the
 * guide switches it: {@link ProcurationWebservice} or {@link ProcurationWebserviceV2}. Properties: {@code endpoint}
 * (the service's base URL; the STS calls {@code GET {endpoint}/grantors/{grantorCpr}/grantees/{granteeCpr}/privileges}),
 * {@code backendClient} (timeouts, TLS), {@code serviceInfoCollector}, {@code slaLog} (point 222).
 */
abstract class ProcurationBean extends MonitoredBackendBean<MonitoredProcurationService> {

    private final HttpProcurationService.Version version;
    private SlaLog slaLog;

    ProcurationBean(HttpProcurationService.Version version) {
        super(MonitoredProcurationService.class, "endpoint");
        this.version = version;
    }

    /** The guide's name for the service's base URL. */
    public void setEndpoint(String endpoint) {
        setServiceEndpoint(endpoint);
    }

    public void setSlaLog(SlaLog slaLog) {
        this.slaLog = slaLog;
    }

    @Override
    MonitoredProcurationService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredProcurationService(new HttpProcurationService(version, endpoint, requestTimeout, httpClient), serviceInfo,
                BackendSettings.required(slaLog, "slaLog"));
    }
}

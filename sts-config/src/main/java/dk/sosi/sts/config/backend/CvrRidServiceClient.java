package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.cvrrid.HttpCvrRidService;
import dk.sosi.sts.backend.cvrrid.MonitoredCvrRidService;
import dk.sosi.sts.sla.SlaLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The CVR-RID service (bean {@code cvrRidService} in cvr-rid.xml): the HTTP client of the backend
 * contract, monitored (SLA log point 220, its own {@code serviceInfoCollector}). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/cvr/{cvr}/rid/{rid}}), {@code serviceInfoCollector}, {@code slaLog}.
 */
public final class CvrRidServiceClient implements FactoryBean<MonitoredCvrRidService>, InitializingBean {

    private final BackendServiceBinding<MonitoredCvrRidService> binding = new BackendServiceBinding<>(this::assemble);
    private SlaLog slaLog;

    public void setBackendClient(BackendClient backendClient) {
        binding.setBackendClient(backendClient);
    }

    public void setServiceEndpoint(String serviceEndpoint) {
        binding.setServiceEndpoint(serviceEndpoint);
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        binding.setServiceInfoCollector(serviceInfoCollector);
    }

    public void setSlaLog(SlaLog slaLog) {
        this.slaLog = slaLog;
    }

    @Override
    public void afterPropertiesSet() {
        binding.service();
    }

    @Override
    public MonitoredCvrRidService getObject() {
        return binding.service();
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredCvrRidService.class;
    }

    private MonitoredCvrRidService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredCvrRidService(new HttpCvrRidService(endpoint, requestTimeout, httpClient), serviceInfo,
                BackendSettings.required(slaLog, "slaLog"));
    }
}

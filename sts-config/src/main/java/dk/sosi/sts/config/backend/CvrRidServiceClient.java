package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.cvrrid.HttpCvrRidService;
import dk.sosi.sts.backend.cvrrid.MonitoredCvrRidService;
import dk.sosi.sts.sla.SlaLog;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The CVR-RID service (bean {@code cvrRidService} in cvr-rid.xml): the HTTP client of the backend
 * contract, monitored (SLA log point 220, its own {@code serviceInfoCollector}). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/cvr/{cvr}/rid/{rid}}), {@code serviceInfoCollector}, {@code slaLog}.
 */
public final class CvrRidServiceClient implements FactoryBean<MonitoredCvrRidService>, InitializingBean {

    private BackendClient backendClient;
    private String serviceEndpoint;
    private ServiceInfoCollector serviceInfoCollector;
    private SlaLog slaLog;
    private MonitoredCvrRidService service;

    public void setBackendClient(BackendClient backendClient) {
        this.backendClient = backendClient;
    }

    public void setServiceEndpoint(String serviceEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        this.serviceInfoCollector = serviceInfoCollector;
    }

    public void setSlaLog(SlaLog slaLog) {
        this.slaLog = slaLog;
    }

    @Override
    public synchronized void afterPropertiesSet() {
        if (service != null) {
            return;
        }
        BackendClient client = BackendSettings.required(backendClient, "backendClient");
        service = new MonitoredCvrRidService(
                new HttpCvrRidService(BackendSettings.endpoint(serviceEndpoint), client.requestTimeout(), client.httpClient()),
                BackendSettings.required(serviceInfoCollector, "serviceInfoCollector"),
                BackendSettings.required(slaLog, "slaLog"));
    }

    @Override
    public synchronized MonitoredCvrRidService getObject() {
        afterPropertiesSet();
        return service;
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredCvrRidService.class;
    }
}

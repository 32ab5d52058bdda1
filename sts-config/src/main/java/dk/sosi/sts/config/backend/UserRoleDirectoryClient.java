package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.roles.HttpUserRoleDirectory;
import dk.sosi.sts.backend.roles.MonitoredUserRoleDirectory;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The national role directory (bean {@code userRoleDirectory} in interface.xml): the HTTP client of
 * the backend contract, monitored (its own {@code serviceInfoCollector}; the guide has no SLA log point
 * for it). Properties: {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's
 * base URL; the STS calls {@code GET {serviceEndpoint}/users/{cpr}/organisations/{cvr}/roles}),
 * {@code serviceInfoCollector}.
 */
public final class UserRoleDirectoryClient implements FactoryBean<MonitoredUserRoleDirectory>, InitializingBean {

    private BackendClient backendClient;
    private String serviceEndpoint;
    private ServiceInfoCollector serviceInfoCollector;
    private MonitoredUserRoleDirectory directory;

    public void setBackendClient(BackendClient backendClient) {
        this.backendClient = backendClient;
    }

    public void setServiceEndpoint(String serviceEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        this.serviceInfoCollector = serviceInfoCollector;
    }

    @Override
    public synchronized void afterPropertiesSet() {
        if (directory != null) {
            return;
        }
        BackendClient client = BackendSettings.required(backendClient, "backendClient");
        directory = new MonitoredUserRoleDirectory(
                new HttpUserRoleDirectory(BackendSettings.endpoint(serviceEndpoint), client.requestTimeout(), client.httpClient()),
                BackendSettings.required(serviceInfoCollector, "serviceInfoCollector"));
    }

    @Override
    public synchronized MonitoredUserRoleDirectory getObject() {
        afterPropertiesSet();
        return directory;
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredUserRoleDirectory.class;
    }
}

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

    private final BackendServiceBinding<MonitoredUserRoleDirectory> binding = new BackendServiceBinding<>(
            (endpoint, requestTimeout, httpClient, serviceInfo) ->
                    new MonitoredUserRoleDirectory(new HttpUserRoleDirectory(endpoint, requestTimeout, httpClient), serviceInfo));

    public void setBackendClient(BackendClient backendClient) {
        binding.setBackendClient(backendClient);
    }

    public void setServiceEndpoint(String serviceEndpoint) {
        binding.setServiceEndpoint(serviceEndpoint);
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        binding.setServiceInfoCollector(serviceInfoCollector);
    }

    @Override
    public void afterPropertiesSet() {
        binding.service();
    }

    @Override
    public MonitoredUserRoleDirectory getObject() {
        return binding.service();
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredUserRoleDirectory.class;
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.authorization.HttpAuthorizationRegister;
import dk.sosi.sts.backend.authorization.MonitoredAuthorizationRegister;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The authorisation register, Autorisationsregister (bean {@code authorizationRegister} in
 * interface.xml): the HTTP client of the backend contract, monitored (its own
 * {@code serviceInfoCollector}; the guide has no SLA log point for it). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/authorizations/{cpr}}), {@code serviceInfoCollector}.
 */
public final class AuthorizationRegisterClient implements FactoryBean<MonitoredAuthorizationRegister>, InitializingBean {

    private final BackendServiceBinding<MonitoredAuthorizationRegister> binding = new BackendServiceBinding<>(
            (endpoint, requestTimeout, httpClient, serviceInfo) ->
                    new MonitoredAuthorizationRegister(new HttpAuthorizationRegister(endpoint, requestTimeout, httpClient), serviceInfo));

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
    public MonitoredAuthorizationRegister getObject() {
        return binding.service();
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredAuthorizationRegister.class;
    }
}

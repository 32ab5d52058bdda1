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

    private BackendClient backendClient;
    private String serviceEndpoint;
    private ServiceInfoCollector serviceInfoCollector;
    private MonitoredAuthorizationRegister register;

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
        if (register != null) {
            return;
        }
        BackendClient client = BackendSettings.required(backendClient, "backendClient");
        register = new MonitoredAuthorizationRegister(
                new HttpAuthorizationRegister(BackendSettings.endpoint(serviceEndpoint), client.requestTimeout(), client.httpClient()),
                BackendSettings.required(serviceInfoCollector, "serviceInfoCollector"));
    }

    @Override
    public synchronized MonitoredAuthorizationRegister getObject() {
        afterPropertiesSet();
        return register;
    }

    @Override
    public Class<?> getObjectType() {
        return MonitoredAuthorizationRegister.class;
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The properties every backend bean shares ({@code backendClient}, {@code serviceEndpoint},
 * {@code serviceInfoCollector}), their checks at start-up, and the one-time build of the monitored
 * service; each backend bean says only how its service is assembled. Thread-safe once built: the
 * service is built at most once, later calls return the same one.
 *
 * @param <S> the monitored service the bean produces
 */
abstract class MonitoredBackendBean<S> implements FactoryBean<S>, InitializingBean {

    private final Class<S> type;
    private final String endpointProperty;
    private BackendClient backendClient;
    private String serviceEndpoint;
    private ServiceInfoCollector serviceInfoCollector;
    private S service;

    MonitoredBackendBean(Class<S> type) {
        this(type, "serviceEndpoint");
    }

    /** @param endpointProperty the name the operator gives the endpoint property, for messages */
    MonitoredBackendBean(Class<S> type, String endpointProperty) {
        this.type = type;
        this.endpointProperty = endpointProperty;
    }

    public void setBackendClient(BackendClient backendClient) {
        this.backendClient = backendClient;
    }

    public void setServiceEndpoint(String serviceEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        this.serviceInfoCollector = serviceInfoCollector;
    }

    /** Builds the monitored service from the checked settings. */
    abstract S assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo);

    /** @throws dk.sosi.sts.config.StartupException naming the property that is missing or wrong */
    @Override
    public void afterPropertiesSet() {
        getObject();
    }

    @Override
    public synchronized S getObject() {
        if (service == null) {
            BackendClient client = BackendSettings.required(backendClient, "backendClient");
            service = assemble(BackendSettings.endpoint(serviceEndpoint, endpointProperty), client.requestTimeout(), client.httpClient(),
                    BackendSettings.required(serviceInfoCollector, "serviceInfoCollector"));
        }
        return service;
    }

    @Override
    public Class<?> getObjectType() {
        return type;
    }
}

package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The properties every backend bean shares ({@code backendClient}, {@code serviceEndpoint},
 * {@code serviceInfoCollector}), their checks, and the one-time build of the monitored service. Each
 * backend FactoryBean owns one, forwards those setters to it and says how to assemble its service;
 * composition rather than a base class, so each bean keeps its own setters, as Spring and the XML files
 * see them. Thread-safe once built: the service is built at most once, later calls return the same one.
 *
 * @param <S> the monitored service the bean produces
 */
final class BackendServiceBinding<S> {

    /** Builds the monitored service from the checked settings. */
    @FunctionalInterface
    interface Assembly<S> {
        S assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo);
    }

    private final Assembly<S> assembly;
    private BackendClient backendClient;
    private String serviceEndpoint;
    private ServiceInfoCollector serviceInfoCollector;
    private S service;

    BackendServiceBinding(Assembly<S> assembly) {
        this.assembly = assembly;
    }

    void setBackendClient(BackendClient backendClient) {
        this.backendClient = backendClient;
    }

    void setServiceEndpoint(String serviceEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
    }

    void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        this.serviceInfoCollector = serviceInfoCollector;
    }

    /**
     * The service; the first call checks the settings and builds it.
     *
     * @throws dk.sosi.sts.config.StartupException naming the property that is missing or wrong
     */
    synchronized S service() {
        if (service == null) {
            BackendClient client = BackendSettings.required(backendClient, "backendClient");
            service = assembly.assemble(BackendSettings.endpoint(serviceEndpoint), client.requestTimeout(), client.httpClient(),
                    BackendSettings.required(serviceInfoCollector, "serviceInfoCollector"));
        }
        return service;
    }
}

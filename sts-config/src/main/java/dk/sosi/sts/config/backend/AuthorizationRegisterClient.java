package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.authorization.HttpAuthorizationRegister;
import dk.sosi.sts.backend.authorization.MonitoredAuthorizationRegister;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The authorisation register, Autorisationsregister (bean {@code authorizationRegister} in
 * interface.xml): the HTTP client of the backend contract, monitored (its own
 * {@code serviceInfoCollector}; the guide has no SLA log point for it). Properties:
 * {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's base URL; the STS
 * calls {@code GET {serviceEndpoint}/authorizations/{cpr}}), {@code serviceInfoCollector}.
 */
public final class AuthorizationRegisterClient extends MonitoredBackendBean<MonitoredAuthorizationRegister> {

    public AuthorizationRegisterClient() {
        super(MonitoredAuthorizationRegister.class);
    }

    @Override
    MonitoredAuthorizationRegister assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredAuthorizationRegister(new HttpAuthorizationRegister(endpoint, requestTimeout, httpClient), serviceInfo);
    }
}

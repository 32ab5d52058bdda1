package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.roles.HttpUserRoleDirectory;
import dk.sosi.sts.backend.roles.MonitoredUserRoleDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The national role directory (bean {@code userRoleDirectory} in interface.xml): the HTTP client of
 * the backend contract, monitored (its own {@code serviceInfoCollector}; the guide has no SLA log point
 * for it). Properties: {@code backendClient} (timeouts, TLS), {@code serviceEndpoint} (the service's
 * base URL; the STS calls {@code GET {serviceEndpoint}/users/{cpr}/organisations/{cvr}/roles}),
 * {@code serviceInfoCollector}.
 */
public final class UserRoleDirectoryClient extends MonitoredBackendBean<MonitoredUserRoleDirectory> {

    public UserRoleDirectoryClient() {
        super(MonitoredUserRoleDirectory.class);
    }

    @Override
    MonitoredUserRoleDirectory assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient, ServiceInfoCollector serviceInfo) {
        return new MonitoredUserRoleDirectory(new HttpUserRoleDirectory(endpoint, requestTimeout, httpClient), serviceInfo);
    }
}

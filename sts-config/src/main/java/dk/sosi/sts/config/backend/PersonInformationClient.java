package dk.sosi.sts.config.backend;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.personinformation.HttpPersonInformationService;
import dk.sosi.sts.backend.personinformation.MonitoredPersonInformationService;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Person information (bean {@code personInformationClient} in services.xml): the HTTP client of the backend contract,
 * monitored (its own {@code serviceInfoCollector}; the guide has no SLA log point for it). Properties:
 * {@code serviceEndpoint} (the service's base URL; the STS calls {@code GET {serviceEndpoint}/persons/{cpr}/custody} and
 * {@code …/persons/{cpr}/valid}), {@code backendClient} (timeouts, TLS), {@code serviceInfoCollector}.
 */
public final class PersonInformationClient extends MonitoredBackendBean<MonitoredPersonInformationService> {

    public PersonInformationClient() {
        super(MonitoredPersonInformationService.class);
    }

    @Override
    MonitoredPersonInformationService assemble(URI endpoint, Duration requestTimeout, HttpClient httpClient,
            ServiceInfoCollector serviceInfo) {
        return new MonitoredPersonInformationService(new HttpPersonInformationService(endpoint, requestTimeout, httpClient), serviceInfo);
    }
}

package dk.sosi.sts.backend.procuration;

import dk.sosi.sts.backend.internal.RestClient;
import dk.sosi.sts.exchange.RequestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Thread-safe. The procuration service, V1 or V2, over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/grantors/{grantorCpr}/grantees/{granteeCpr}/privileges
 *   200  text/plain: one privilege URN per line; no lines: no procuration
 * </pre>
 * Both versions speak this contract; the version only names the national service the adapter behind {@code endpoint}
 * fronts, and appears in log lines and the caller's fault string. Any other status or answer, no connection or no answer
 * within the timeout is a {@link dk.sosi.sts.backend.BackendUnavailableException}.
 */
public final class HttpProcurationService implements ProcurationService {

    static final String OPERATION = "getProcurationPrivileges";

    /** Immutable. The version of the national procuration service behind the endpoint. */
    public enum Version {
        V1, V2;

        /** e.g. {@code Procuration service V2}. */
        public String serviceName() {
            return SERVICE_NAME + " " + name();
        }
    }

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL (property {@code endpoint} of bean {@code digstProcurationService})
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpProcurationService(Version version, URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(version.serviceName(), endpoint, timeout, client);
    }

    @Override
    public List<String> getProcurationPrivileges(String grantorCpr, String granteeCpr, RequestContext request) {
        String path = "/grantors/" + RestClient.segment("grantorCpr", grantorCpr)
                + "/grantees/" + RestClient.segment("granteeCpr", granteeCpr) + "/privileges";
        return List.copyOf(rest.get(OPERATION, path, Set.of(200)).lines());
    }
}

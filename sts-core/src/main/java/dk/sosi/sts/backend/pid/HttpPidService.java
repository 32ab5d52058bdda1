package dk.sosi.sts.backend.pid;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.backend.internal.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * Thread-safe. The PID service over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/pid/{pid}/cpr/{cpr}
 *   200  text/plain: true or false
 * </pre>
 * Any other status or answer, no connection or no answer within the timeout is a
 * {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value PidService#SERVICE_NAME}.
 */
public final class HttpPidService implements PidService {

    static final String OPERATION = "isRelated";

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpPidService(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public boolean isRelated(String pid, String cpr, RequestContext request) {
        String path = "/pid/" + RestClient.segment("pid", pid) + "/cpr/" + RestClient.segment("cpr", cpr);
        String answer = rest.get(OPERATION, path, Set.of(200)).body().strip();
        return switch (answer) {
            case "true" -> true;
            case "false" -> false;
            default -> throw rest.unusable(OPERATION, "answered neither true nor false (" + answer.length() + " characters)");
        };
    }
}

package dk.sosi.sts.backend.authorization;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.backend.internal.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Thread-safe. The authorisation register over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/authorizations/{cpr}
 *   200  text/plain: one entry per line, authorizationCode;educationCode (e.g. J0184;7170); no lines when none
 * </pre>
 * Any other status, a line that is not two non-blank fields, no connection or no answer within the
 * timeout is a {@link dk.sosi.sts.backend.BackendUnavailableException} naming
 * {@value AuthorizationRegister#SERVICE_NAME}.
 */
public final class HttpAuthorizationRegister implements AuthorizationRegister {

    static final String OPERATION = "authorizationsOf";

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpAuthorizationRegister(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public List<Authorization> authorizationsOf(String cpr, RequestContext request) {
        String path = "/authorizations/" + RestClient.segment("cpr", cpr);
        List<String> lines = rest.get(OPERATION, path, Set.of(200)).lines();
        List<Authorization> authorizations = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(";", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw rest.unusable(OPERATION, "answered line " + (i + 1) + " that is not authorizationCode;educationCode");
            }
            authorizations.add(new Authorization(fields[0].strip(), fields[1].strip()));
        }
        return List.copyOf(authorizations);
    }
}

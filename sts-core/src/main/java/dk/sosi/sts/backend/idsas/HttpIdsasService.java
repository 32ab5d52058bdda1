package dk.sosi.sts.backend.idsas;

import dk.sosi.sts.backend.internal.RestClient;
import dk.sosi.sts.exchange.RequestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Thread-safe. The IDSAS lookup over the STS's backend REST contract (see {@link dk.sosi.sts.backend}), at the versioned
 * path the national service has ({@value #LOOKUP}):
 * <pre>
 * GET {endpoint}/idsas/20230601/lookup/{cpr}
 *   200  text/plain: one blurred organisation identifier per line (e.g. SOR:…, CVR:…); no lines: none
 * </pre>
 * Any other status or answer, no connection or no answer within the timeout is a
 * {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value IdsasService#SERVICE_NAME}.
 */
public final class HttpIdsasService implements IdsasService {

    /** The lookup below the service's base URL. */
    public static final String LOOKUP = "/idsas/20230601/lookup";
    static final String OPERATION = "GetBlurredOrganisations";

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL (property {@code serviceEndpoint} of bean {@code idsasService} in idsas.xml)
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpIdsasService(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public List<String> blurredOrganisations(String cpr, RequestContext request) {
        return List.copyOf(rest.get(OPERATION, LOOKUP + "/" + RestClient.segment("cpr", cpr), Set.of(200)).lines());
    }
}

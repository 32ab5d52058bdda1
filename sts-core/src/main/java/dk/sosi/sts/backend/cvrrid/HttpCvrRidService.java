package dk.sosi.sts.backend.cvrrid;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.backend.internal.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe. The CVR-RID register over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/cvr/{cvr}/rid/{rid}
 *   200  text/plain: the CPR number (10 digits) of the employee
 *   404  the register has no employee with this RID at this CVR
 * </pre>
 * Any other status, an answer that is not a CPR number, no connection or no answer within the
 * timeout is a {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value CvrRidService#SERVICE_NAME}.
 */
public final class HttpCvrRidService implements CvrRidService {

    static final String OPERATION = "findRelatedCpr";
    private static final Pattern CPR = Pattern.compile("\\d{10}");

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL, e.g. {@code https://cvr-rid.example/api}
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpCvrRidService(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public Optional<String> findRelatedCpr(String cvr, String rid, RequestContext request) {
        String path = "/cvr/" + RestClient.segment("cvr", cvr) + "/rid/" + RestClient.segment("rid", rid);
        RestClient.Answer answer = rest.get(OPERATION, path, Set.of(200, 404));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        String cpr = answer.body().strip();
        if (!CPR.matcher(cpr).matches()) {
            throw rest.unusable(OPERATION, "answered something that is not a CPR number (" + cpr.length() + " characters)");
        }
        return Optional.of(cpr);
    }
}

package dk.sosi.sts.backend.uuid2cpr;

import dk.sosi.sts.backend.internal.RestClient;
import dk.sosi.sts.exchange.RequestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe. UUID2CPR over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/uuid/{uuid}
 *   200  text/plain: the CPR number (10 digits) of the person
 *   404  the service knows no person with this UUID
 * </pre>
 * Any other status, an answer that is not a CPR number, no connection or no answer within the
 * timeout is a {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value Uuid2CprService#SERVICE_NAME}.
 */
public final class HttpUuid2CprService implements Uuid2CprService {

    static final String OPERATION = "cprOf";
    private static final Pattern CPR = Pattern.compile("\\d{10}");

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL, e.g. {@code https://uuid2cpr.example/api}
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpUuid2CprService(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public Optional<String> cprOf(String uuid, RequestContext request) {
        RestClient.Answer answer = rest.get(OPERATION, "/uuid/" + RestClient.segment("uuid", uuid), Set.of(200, 404));
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

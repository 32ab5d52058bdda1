package dk.sosi.sts.backend.personinformation;

import dk.sosi.sts.backend.internal.RestClient;
import dk.sosi.sts.exchange.RequestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe. The person information service over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/persons/{cpr}/custody
 *   200  text/plain: the CPR number of each child in the person's parental custody, one per line; no lines: none
 * GET {endpoint}/persons/{cpr}/valid
 *   200  text/plain: true or false
 * </pre>
 * Any other status or answer (a custody line that is no CPR number), no connection or no answer within the timeout is a
 * {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value PersonInformationService#SERVICE_NAME}.
 */
public final class HttpPersonInformationService implements PersonInformationService {

    static final String CUSTODY = "childrenInCustody";
    static final String VALID = "isValid";
    private static final Pattern CPR = Pattern.compile("\\d{10}");

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL (property {@code serviceEndpoint} of bean {@code personInformationClient})
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpPersonInformationService(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public Set<String> childrenInCustody(String cpr, RequestContext request) {
        Set<String> children = new LinkedHashSet<>();
        for (String line : rest.get(CUSTODY, "/persons/" + RestClient.segment("cpr", cpr) + "/custody", Set.of(200)).lines()) {
            if (!CPR.matcher(line).matches()) {
                throw rest.unusable(CUSTODY, "answered a line that is no CPR number (" + line.length() + " characters)");
            }
            children.add(line);
        }
        return Set.copyOf(children);
    }

    @Override
    public boolean isValid(String cpr, RequestContext request) {
        String answer = rest.get(VALID, "/persons/" + RestClient.segment("cpr", cpr) + "/valid", Set.of(200)).body().strip();
        return switch (answer) {
            case "true" -> true;
            case "false" -> false;
            default -> throw rest.unusable(VALID, "answered neither true nor false (" + answer.length() + " characters)");
        };
    }
}

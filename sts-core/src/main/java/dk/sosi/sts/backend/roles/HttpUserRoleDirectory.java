package dk.sosi.sts.backend.roles;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.backend.internal.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Thread-safe. The national role directory over the STS's backend REST contract (see {@link dk.sosi.sts.backend}):
 * <pre>
 * GET {endpoint}/users/{cpr}/organisations/{cvr}/roles
 *   200  text/plain: one role externalName (e.g. nspLaegesekretaer) per line; no lines when none
 * </pre>
 * Any other status, a line with white space inside, no connection or no answer within the timeout is
 * a {@link dk.sosi.sts.backend.BackendUnavailableException} naming {@value UserRoleDirectory#SERVICE_NAME}.
 */
public final class HttpUserRoleDirectory implements UserRoleDirectory {

    static final String OPERATION = "rolesOf";

    private final RestClient rest;

    /**
     * @param endpoint the service's base URL
     * @param timeout  the longest wait for a complete answer
     * @param client   carries the connect timeout and, for https, the TLS identity and trust
     */
    public HttpUserRoleDirectory(URI endpoint, Duration timeout, HttpClient client) {
        this.rest = new RestClient(SERVICE_NAME, endpoint, timeout, client);
    }

    @Override
    public Set<String> rolesOf(String cpr, String cvr, RequestContext request) {
        String path = "/users/" + RestClient.segment("cpr", cpr) + "/organisations/" + RestClient.segment("cvr", cvr) + "/roles";
        Set<String> roles = new LinkedHashSet<>();
        for (String line : rest.get(OPERATION, path, Set.of(200)).lines()) {
            if (line.chars().anyMatch(Character::isWhitespace)) {
                throw rest.unusable(OPERATION, "answered a role name with white space in it");
            }
            roles.add(line);
        }
        return Collections.unmodifiableSet(roles);
    }
}

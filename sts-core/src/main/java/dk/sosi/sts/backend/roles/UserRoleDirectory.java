package dk.sosi.sts.backend.roles;

import dk.sosi.sts.exchange.RequestContext;
import java.util.Set;

/** Thread-safe. The national role directory: which national roles a user holds at an organisation. */
@FunctionalInterface
public interface UserRoleDirectory {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "User role directory";

    /**
     * The national roles (their externalName, e.g. "nspLaegesekretaer") the user holds at the organisation.
     *
     * @return an unmodifiable set, empty when the user holds none there
     * @param request the request the call is made for: its SLA lines carry the request's message id
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the directory gives no usable answer
     */
    Set<String> rolesOf(String cpr, String cvr, RequestContext request);
}

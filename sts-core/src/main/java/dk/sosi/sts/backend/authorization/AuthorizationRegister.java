package dk.sosi.sts.backend.authorization;

import dk.sosi.sts.exchange.RequestContext;
import java.util.List;

/** Thread-safe. The authorisation register (Autorisationsregister): the authorisations a person holds. */
@FunctionalInterface
public interface AuthorizationRegister {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "Authorization register";

    /**
     * The user's entries in the authorisation register (Autorisationsregister).
     *
     * @return an unmodifiable list in the register's order, empty when the person has none
     * @param request the request the call is made for: its SLA lines carry the request's message id
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the register gives no usable answer
     */
    List<Authorization> authorizationsOf(String cpr, RequestContext request);
}

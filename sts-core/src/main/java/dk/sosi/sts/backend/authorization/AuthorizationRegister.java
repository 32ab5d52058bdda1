package dk.sosi.sts.backend.authorization;

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
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the register gives no usable answer
     */
    List<Authorization> authorizationsOf(String cpr);

    /**
     * This register for the calls of one request. It has no SLA log point in the guide, so every
     * implementation so far returns itself; the method is here so that the exchange can treat all
     * backends alike.
     */
    default AuthorizationRegister forMessage(String messageId) {
        return this;
    }
}

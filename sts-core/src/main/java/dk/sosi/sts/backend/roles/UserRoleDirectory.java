package dk.sosi.sts.backend.roles;

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
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the directory gives no usable answer
     */
    Set<String> rolesOf(String cpr, String cvr);

    /**
     * This directory for the calls of one request. It has no SLA log point in the guide, so every
     * implementation so far returns itself; the method is here so that the exchange can treat all
     * backends alike.
     */
    default UserRoleDirectory forMessage(String messageId) {
        return this;
    }
}

package dk.sosi.sts.backend;

import dk.sosi.sts.fault.DependencyUnavailable;
import java.util.Objects;

/**
 * Immutable. A backend outside the STS (CVR-RID, UUID2CPR, PID, roles, authorisation register) did
 * not give a usable answer: no connection, no answer in time, an HTTP status the contract does not
 * have, or an answer that does not parse. It is the STS's failure, not the caller's, so it is not an
 * {@link dk.sosi.sts.fault.StsFault}: the fault mapper turns it into {@code wst:RequestFailed} with
 * {@link #callerMessage()}, and the operator reads {@link #getMessage()} and the cause in the log.
 * The message never holds the call's path parameters (CPR numbers), only the service's endpoint.
 */
public final class BackendUnavailableException extends RuntimeException implements DependencyUnavailable {

    private static final long serialVersionUID = 1L;

    /** The text the caller gets, with the service name for {@code %s}. */
    public static final String CALLER_MESSAGE = "%s did not answer; try again later";

    private final String serviceName;
    private final String reason;

    /**
     * @param serviceName the service as an operator knows it, e.g. {@code CVR-RID service}
     * @param reason      what went wrong, for the log, e.g. {@code no answer within 2000 ms from http://…/cvr-rid}
     * @param cause       the underlying failure, if any
     */
    public BackendUnavailableException(String serviceName, String reason, Throwable cause) {
        super(Objects.requireNonNull(serviceName, "serviceName") + " is unavailable: "
                + Objects.requireNonNull(reason, "reason"), cause);
        this.serviceName = serviceName;
        this.reason = reason;
    }

    /** The service that failed, e.g. {@code CVR-RID service}. */
    public String serviceName() {
        return serviceName;
    }

    /** What went wrong, without the service name. */
    public String reason() {
        return reason;
    }

    /** The fault string for the caller: {@code <service name> did not answer; try again later}. */
    @Override
    public String callerMessage() {
        return String.format(CALLER_MESSAGE, serviceName);
    }
}

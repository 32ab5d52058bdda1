package dk.sosi.sts.fault;

/**
 * Something the STS depends on (a backend, its configuration database) could not serve a request. It is
 * the STS's failure, not the caller's: the fault mapper answers {@link FaultCode#REQUEST_FAILED} with
 * {@link #callerMessage()} and logs the exception's own message, without a stack trace.
 */
public interface DependencyUnavailable {

    /** The fault string for the caller: what is unavailable, never the request's data. */
    String callerMessage();
}

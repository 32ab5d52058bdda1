package dk.sosi.sts.backend.pid;

import dk.sosi.sts.exchange.RequestContext;
/** Thread-safe. The PID service: whether a personal certificate ({@code PID:<pid>}) belongs to a person (CPR). */
@FunctionalInterface
public interface PidService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "PID service";

    /**
     * Whether the personal certificate PID belongs to CPR.
     *
     * @param pid the PID as the certificate's serialNumber carries it after {@code PID:}
     * @param request the request the call is made for: its SLA lines carry the request's message id
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    boolean isRelated(String pid, String cpr, RequestContext request);
}

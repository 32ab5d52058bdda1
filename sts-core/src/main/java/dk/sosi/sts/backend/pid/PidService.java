package dk.sosi.sts.backend.pid;

/** Thread-safe. The PID service: whether a personal certificate ({@code PID:<pid>}) belongs to a person (CPR). */
@FunctionalInterface
public interface PidService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "PID service";

    /**
     * Whether the personal certificate PID belongs to CPR.
     *
     * @param pid the PID as the certificate's serialNumber carries it after {@code PID:}
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    boolean isRelated(String pid, String cpr);

    /**
     * This service for the calls of one request: the SLA log lines of the calls made through the
     * view carry {@code messageId}. Only the monitored decorator logs; other implementations return themselves.
     */
    default PidService forMessage(String messageId) {
        return this;
    }
}

package dk.sosi.sts.backend.cvrrid;

import java.util.Optional;

/**
 * Thread-safe. The CVR-RID register: which person (CPR) an employee certificate
 * ({@code CVR:<cvr>-RID:<rid>}) was issued to.
 */
@FunctionalInterface
public interface CvrRidService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "CVR-RID service";

    /**
     * CPR of the employee with this RID at this CVR; empty when the register has none.
     *
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the register gives no usable answer
     */
    Optional<String> findRelatedCpr(String cvr, String rid);

    /**
     * This service for the calls of one request: the SLA log lines of the calls made through the
     * view carry {@code messageId}, so they can be matched with the request's own line (log point
     * 200). Only the monitored decorator logs; other implementations return themselves.
     */
    default CvrRidService forMessage(String messageId) {
        return this;
    }
}

package dk.sosi.sts.backend.cvrrid;

import dk.sosi.sts.exchange.RequestContext;
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
     * @param request the request the call is made for: its SLA lines carry the request's message id
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the register gives no usable answer
     */
    Optional<String> findRelatedCpr(String cvr, String rid, RequestContext request);
}

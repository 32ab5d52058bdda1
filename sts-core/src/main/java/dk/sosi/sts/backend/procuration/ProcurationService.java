package dk.sosi.sts.backend.procuration;

import dk.sosi.sts.exchange.RequestContext;
import java.util.List;

/** Thread-safe. The procuration service (fuldmagt): what a citizen (grantor) has allowed another citizen (grantee) to do for them. */
@FunctionalInterface
public interface ProcurationService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "Procuration service";

    /**
     * The privileges {@code grantorCpr} has granted {@code granteeCpr} by procuration, in the service's order.
     *
     * @return the privilege URNs; empty when there is no procuration between the two
     * @param request the request the call is made for: its SLA lines carry the request's message id
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    List<String> getProcurationPrivileges(String grantorCpr, String granteeCpr, RequestContext request);
}

package dk.sosi.sts.backend.uuid2cpr;

import dk.sosi.sts.exchange.RequestContext;
import java.util.Optional;

/**
 * Thread-safe. UUID2CPR: which person (CPR) an OCES3 employee certificate
 * ({@code UI:DK-E:G:<uuid>}) was issued to, the OCES3 counterpart of CVR-RID.
 */
@FunctionalInterface
public interface Uuid2CprService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "UUID2CPR service";

    /**
     * CPR of the person with this UUID; empty when the service knows none.
     *
     * @param uuid    the UUID as the certificate's serialNumber carries it after {@code UI:DK-E:G:} (or {@code UI:DK-E:C:})
     * @param request the request the call is made for
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    Optional<String> cprOf(String uuid, RequestContext request);
}

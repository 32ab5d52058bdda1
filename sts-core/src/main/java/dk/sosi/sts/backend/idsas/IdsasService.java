package dk.sosi.sts.backend.idsas;

import dk.sosi.sts.exchange.RequestContext;
import java.util.List;

/**
 * Thread-safe. IDSAS (Identitetssløring af Ansatte i Sundhedsvæsenet), its lookup: the organisations whose employees'
 * identities are to be blurred when a citizen's data is viewed.
 */
@FunctionalInterface
public interface IdsasService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "IDSAS";

    /**
     * The organisations blurred for {@code cpr}, the citizen whose data is viewed, in the service's order; empty when none.
     *
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    List<String> blurredOrganisations(String cpr, RequestContext request);
}

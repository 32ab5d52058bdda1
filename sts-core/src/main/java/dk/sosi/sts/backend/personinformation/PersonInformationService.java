package dk.sosi.sts.backend.personinformation;

import dk.sosi.sts.exchange.RequestContext;
import java.util.Set;

/** Thread-safe. The person information service (stamdata-personinformation on NSP): facts the CPR register holds about a person. */
public interface PersonInformationService {

    /** The name in log lines, monitoring and the caller's fault string. */
    String SERVICE_NAME = "Person information service";

    /**
     * The children (CPR numbers) in {@code cpr}'s parental custody (forældremyndighed); empty when none.
     *
     * @param request the request the call is made for
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    Set<String> childrenInCustody(String cpr, RequestContext request);

    /**
     * Whether {@code cpr} is a valid CPR number of a person the register knows.
     *
     * @throws dk.sosi.sts.backend.BackendUnavailableException when the service gives no usable answer
     */
    boolean isValid(String cpr, RequestContext request);
}

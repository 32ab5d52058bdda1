package dk.sosi.sts.fault;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The one place where any failure of a request becomes the {@link StsFault} the caller
 * sees: the caller's errors keep their code and text, the STS's own failures become
 * {@link FaultCode#REQUEST_FAILED} with a reference that finds the stack trace in the server log.
 */
public final class FaultMapper {

    private static final Logger LOG = LoggerFactory.getLogger(FaultMapper.class);

    public static final String CONFIGURATION_UNAVAILABLE =
            "The STS configuration database is unavailable; try again later";

    /** Maps {@code failure} of a request to {@code endpoint} and logs it once. */
    public StsFault toFault(String endpoint, Throwable failure) {
        if (failure instanceof StsFault fault) {
            LOG.info("Refused request to {}: {} {}", endpoint, fault.code().localName(), fault.getMessage());
            return fault;
        }
        if (failure instanceof BackendUnavailableException backend) {
            LOG.warn("Request to {} failed: {}", endpoint, backend.getMessage());
            return new StsFault(FaultCode.REQUEST_FAILED, backend.callerMessage());
        }
        if (failure instanceof ConfigurationUnavailableException) {
            LOG.warn("Request to {} failed: {}", endpoint, failure.getMessage());
            return new StsFault(FaultCode.REQUEST_FAILED, CONFIGURATION_UNAVAILABLE);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Request to {} failed, reference {}", endpoint, reference, failure);
        return new StsFault(FaultCode.REQUEST_FAILED,
                "The STS could not process the request; reference " + reference);
    }
}

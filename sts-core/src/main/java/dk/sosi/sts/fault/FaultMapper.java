package dk.sosi.sts.fault;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The one place where any failure of a request becomes the {@link StsFault} the caller
 * sees: the caller's errors keep their code and text, an unavailable dependency becomes
 * {@link FaultCode#REQUEST_FAILED} naming it, and any other failure of the STS becomes
 * {@link FaultCode#REQUEST_FAILED} with a reference that finds the stack trace in the server log.
 */
public final class FaultMapper {

    private static final Logger LOG = LoggerFactory.getLogger(FaultMapper.class);

    /** Maps {@code failure} of a request to {@code endpoint} and logs it once. */
    public StsFault toFault(String endpoint, Throwable failure) {
        if (failure instanceof StsFault fault) {
            LOG.info("Refused request to {}: {} {}", endpoint, fault.code().localName(), fault.getMessage());
            return fault;
        }
        if (failure instanceof DependencyUnavailable unavailable) {
            LOG.warn("Request to {} failed: {}", endpoint, failure.getMessage());
            return new StsFault(FaultCode.REQUEST_FAILED, unavailable.callerMessage());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Request to {} failed, reference {}", endpoint, reference, failure);
        return new StsFault(FaultCode.REQUEST_FAILED,
                "The STS could not process the request; reference " + reference);
    }
}

package dk.sosi.sts.exchange;

import dk.sosi.sts.fault.FaultCode;
import java.time.Duration;
import java.util.Optional;

/** Thread-safe. Told of every answered request, for metrics; must return quickly and never throw. */
@FunctionalInterface
public interface RequestListener {

    /** Listens to nothing. */
    RequestListener NONE = (endpoint, fault, elapsed) -> { };

    /** {@code endpoint} answered after {@code elapsed}, with {@code fault} when the answer was a SOAP fault. */
    void completed(StsEndpoint endpoint, Optional<FaultCode> fault, Duration elapsed);
}

package dk.sosi.sts.exchange;

/**
 * Thread-safe. One token exchange behind one endpoint: takes the checked request and returns what it
 * issued, or throws {@link dk.sosi.sts.fault.StsFault} when the caller's request is refused. It never
 * writes SOAP: the shared front answers in the endpoint's family envelope.
 */
@FunctionalInterface
public interface Exchange {

    IssuedToken exchange(IncomingRequest request);
}

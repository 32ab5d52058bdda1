package dk.sosi.sts.exchange;

import dk.sosi.sts.soap.SoapEnvelope;
import java.util.Objects;

/**
 * Immutable. A request as an exchange receives it: its context and its checked SOAP envelope. No
 * transport types: SOAPAction and content type are deliberately absent, because clients vary them
 * freely (protocol.md 4.1, exchanges.md C-T3).
 */
public record IncomingRequest(RequestContext context, SoapEnvelope envelope) {

    public IncomingRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(envelope, "envelope");
    }
}

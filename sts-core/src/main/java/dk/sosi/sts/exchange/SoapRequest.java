package dk.sosi.sts.exchange;

import dk.sosi.sts.soap.SoapEnvelope;
import java.time.Instant;
import java.util.Objects;

/**
 * Immutable. A request as an exchange sees it: the endpoint it came to, the checked envelope, the
 * message id used in the SLA log, and when it arrived. No transport types: SOAPAction and content
 * type are deliberately absent, because clients vary them freely (protocol.md 4.1).
 */
public record SoapRequest(String endpoint, SoapEnvelope envelope, String messageId, Instant receivedAt) {

    public SoapRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

package dk.sosi.sts.exchange;

import dk.sosi.sts.soap.SoapEnvelope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. What every step of one request knows about it, and what its SLA lines, backend calls and
 * fault carry: the endpoint it came to, when it arrived, its WS-Addressing headers, the message id a
 * caller matches our answer with, and, once the caller step has checked it, the caller.
 *
 * @param messageId the request's {@code wsa:MessageID} (OIO), else its {@code wsse:Security/@id} (DGWS), else {@code -}
 */
public record RequestContext(StsEndpoint endpoint, Instant receivedAt, WsAddressing addressing, String messageId,
        Optional<Caller> caller) {

    public RequestContext {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(caller, "caller");
    }

    /** The context of {@code envelope}, arrived at {@code endpoint} at {@code receivedAt}; no caller checked yet. */
    public static RequestContext of(StsEndpoint endpoint, SoapEnvelope envelope, Instant receivedAt) {
        return new RequestContext(endpoint, receivedAt, WsAddressing.of(envelope), envelope.messageId().orElse("-"),
                Optional.empty());
    }

    /** A context with no request behind it, for work that is not on behalf of a caller. */
    public static RequestContext none(StsEndpoint endpoint, Instant at) {
        return new RequestContext(endpoint, at, WsAddressing.NONE, "-", Optional.empty());
    }

    /** This context once {@code checked} has passed the caller step. */
    public RequestContext withCaller(Caller checked) {
        return new RequestContext(endpoint, receivedAt, addressing, messageId, Optional.of(checked));
    }
}

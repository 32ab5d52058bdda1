package dk.sosi.sts.exchange;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapEnvelope;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. The WS-Addressing 1.0 headers of a request (exchanges.md 2.3), each trimmed, absent when
 * missing or empty. DGWS requests carry none.
 */
public record WsAddressing(Optional<String> action, Optional<String> messageId, Optional<String> to,
        Optional<String> relatesTo) {

    public static final WsAddressing NONE = new WsAddressing(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public WsAddressing {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(relatesTo, "relatesTo");
    }

    /** The headers of {@code envelope}; the first of each counts. */
    public static WsAddressing of(SoapEnvelope envelope) {
        return new WsAddressing(text(envelope, "Action"), text(envelope, "MessageID"), text(envelope, "To"),
                text(envelope, "RelatesTo"));
    }

    private static Optional<String> text(SoapEnvelope envelope, String localName) {
        return envelope.header(Namespaces.WSA, localName).map(Element::getTextContent).map(String::strip)
                .filter(text -> !text.isEmpty());
    }
}

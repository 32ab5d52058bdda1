package dk.sosi.sts.soap;

import dk.sosi.sts.fault.StsFault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import dk.sosi.sts.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Writes the SOAP 1.1 fault envelope every endpoint answers with: a {@code wsse:Security}
 * header holding only {@code wsu:Timestamp/wsu:Created} (the Seal.Java schema demands it, protocol.md 2)
 * and echoing the request's message id, and a {@code soap:Fault} with {@code faultcode},
 * {@code faultstring} and {@code faultactor}, all three always present.
 */
public final class SoapFaultWriter {

    /** DGWS 1.0.1 and OIO times: UTC, whole seconds, trailing Z. */
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public SoapFaultWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The fault envelope for {@code fault}; {@code trustNamespace} is the WS-Trust version of the
     * endpoint (it qualifies the {@code wst:} fault code), {@code inResponseTo} the request's message id.
     */
    public Document write(StsFault fault, String trustNamespace, Optional<String> inResponseTo) {
        Document doc = SecureXml.newDocument();
        Element envelope = doc.createElementNS(Namespaces.SOAP11, "soap:Envelope");
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:soap", Namespaces.SOAP11);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wsse", Namespaces.WSSE);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wsu", Namespaces.WSU);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wst", trustNamespace);
        doc.appendChild(envelope);

        Element header = append(envelope, Namespaces.SOAP11, "soap:Header");
        Element security = append(header, Namespaces.WSSE, "wsse:Security");
        inResponseTo.ifPresent(id -> security.setAttribute("id", id));
        Element timestamp = append(security, Namespaces.WSU, "wsu:Timestamp");
        append(timestamp, Namespaces.WSU, "wsu:Created")
                .setTextContent(CREATED.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)));

        Element soapFault = append(append(envelope, Namespaces.SOAP11, "soap:Body"), Namespaces.SOAP11, "soap:Fault");
        appendUnqualified(soapFault, "faultcode").setTextContent("wst:" + fault.code().localName());
        appendUnqualified(soapFault, "faultstring").setTextContent(fault.getMessage());
        appendUnqualified(soapFault, "faultactor").setTextContent(fault.actor());
        return doc;
    }

    private static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element appendUnqualified(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(null, name);
        parent.appendChild(child);
        return child;
    }
}

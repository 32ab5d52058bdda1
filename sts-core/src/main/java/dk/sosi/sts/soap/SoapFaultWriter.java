package dk.sosi.sts.soap;

import dk.sosi.sts.fault.StsFault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Writes the SOAP 1.1 fault envelope every endpoint answers with: a {@code wsse:Security}
 * header holding only {@code wsu:Timestamp/wsu:Created} (the Seal.Java schema demands it, protocol.md 2)
 * and echoing the request's message id, and a {@code soap:Fault} with {@code faultcode},
 * {@code faultstring} and {@code faultactor}, all three always present. {@code Created} is written in
 * the DGWS version of the request, as Seal infers a message's version from it: UTC with {@code Z}
 * (1.0.1 and OIO), or local time without a zone (1.0).
 */
public final class SoapFaultWriter {

    /** DGWS 1.0.1 and OIO times: UTC, whole seconds, trailing Z. */
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** DGWS 1.0 times: local, whole seconds, no zone. */
    static final DateTimeFormatter CREATED_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Clock clock;
    private final ZoneId dgws10Zone;

    /** @param dgws10Zone the zone of DGWS 1.0 local times (Europe/Copenhagen in production) */
    public SoapFaultWriter(Clock clock, ZoneId dgws10Zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
    }

    /** {@link #write(StsFault, String, Optional, DgwsVersion)} for a DGWS 1.0.1 or OIO request. */
    public Document write(StsFault fault, String trustNamespace, Optional<String> inResponseTo) {
        return write(fault, trustNamespace, inResponseTo, DgwsVersion.V1_0_1);
    }

    /**
     * The fault envelope for {@code fault}; {@code trustNamespace} is the WS-Trust version of the
     * endpoint (it qualifies the {@code wst:} fault code), {@code inResponseTo} the request's message id,
     * {@code version} the DGWS version whose time form {@code Created} takes.
     */
    public Document write(StsFault fault, String trustNamespace, Optional<String> inResponseTo, DgwsVersion version) {
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
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        append(timestamp, Namespaces.WSU, "wsu:Created").setTextContent(
                version == DgwsVersion.V1_0 ? CREATED_LOCAL.format(now.atZone(dgws10Zone)) : CREATED.format(now));

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

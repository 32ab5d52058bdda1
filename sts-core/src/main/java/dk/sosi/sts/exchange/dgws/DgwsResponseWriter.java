package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.xml.SecureXml;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Writes the DGWS token response exactly as the Seal.Java client validates it
 * (protocol.md 2 and 4.2): the request's {@code wsse:Security/@id} echoed, a timestamp with only
 * {@code wsu:Created}, and {@code wst:RequestSecurityTokenResponse} with TokenType, RequestedSecurityToken,
 * Status and Issuer in that order.
 */
public final class DgwsResponseWriter {

    static final String TOKEN_TYPE = "urn:oasis:names:tc:SAML:2.0:assertion:";
    static final String STATUS_VALID = "http://schemas.xmlsoap.org/ws/2005/02/trust/status/valid";
    static final String CONTEXT = "www.sosi.dk";

    private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final String issuer;
    private final ZoneId dgws10Zone;
    private final Clock clock;

    public DgwsResponseWriter(String issuer, ZoneId dgws10Zone, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An empty response: its document, and the {@code wst:RequestedSecurityToken} the card goes into. */
    public record Response(Document document, Element requestedSecurityToken) {
    }

    /** Context is always {@value #CONTEXT}: the Seal.Java schema types it as anyURI, so a client's odd value is not echoed. */
    public Response start(Optional<String> securityId, DgwsVersion version) {
        Document doc = SecureXml.newDocument();
        Element envelope = doc.createElementNS(Namespaces.SOAP11, "soapenv:Envelope");
        declare(envelope, "soapenv", Namespaces.SOAP11);
        declare(envelope, "ds", Namespaces.DS);
        declare(envelope, "medcom", Namespaces.MEDCOM);
        declare(envelope, "saml", Namespaces.SAML);
        declare(envelope, "sosi", Namespaces.SOSI);
        declare(envelope, "wsa", Namespaces.WSA_2004_08);
        declare(envelope, "wsse", Namespaces.WSSE);
        declare(envelope, "wst", Namespaces.WST_2005_02);
        declare(envelope, "wsu", Namespaces.WSU);
        declare(envelope, "xsd", "http://www.w3.org/2001/XMLSchema");
        declare(envelope, "xsi", "http://www.w3.org/2001/XMLSchema-instance");
        envelope.setAttribute("id", "Envelope");
        doc.appendChild(envelope);

        Element security = append(append(envelope, Namespaces.SOAP11, "soapenv:Header"), Namespaces.WSSE, "wsse:Security");
        securityId.ifPresent(id -> security.setAttribute("id", id));
        append(append(security, Namespaces.WSU, "wsu:Timestamp"), Namespaces.WSU, "wsu:Created")
                .setTextContent(created(version));

        Element rstr = append(append(envelope, Namespaces.SOAP11, "soapenv:Body"),
                Namespaces.WST_2005_02, "wst:RequestSecurityTokenResponse");
        rstr.setAttribute("Context", CONTEXT);
        append(rstr, Namespaces.WST_2005_02, "wst:TokenType").setTextContent(TOKEN_TYPE);
        Element token = append(rstr, Namespaces.WST_2005_02, "wst:RequestedSecurityToken");
        append(append(rstr, Namespaces.WST_2005_02, "wst:Status"), Namespaces.WST_2005_02, "wst:Code").setTextContent(STATUS_VALID);
        append(append(rstr, Namespaces.WST_2005_02, "wst:Issuer"), Namespaces.WSA_2004_08, "wsa:Address").setTextContent(issuer);
        return new Response(doc, token);
    }

    /** DGWS 1.0.1 times are UTC with Z; DGWS 1.0 times are local without zone (protocol.md 3.5). */
    private String created(DgwsVersion version) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return version == DgwsVersion.V1_0 ? LOCAL.format(now.atZone(dgws10Zone)) : ZULU.format(now);
    }

    private static void declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(Namespaces.XMLNS, "xmlns:" + prefix, namespace);
    }

    private static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }
}

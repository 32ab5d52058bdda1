package dk.sosi.sts.soap;

import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.xml.XmlTimes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. The envelopes of the DGWS endpoints ({@code SecurityTokenService}, {@code NewSecurityTokenService})
 * exactly as the Seal.Java client validates them (protocol.md 2 and 4.2). Both carry a {@code wsse:Security}
 * header echoing the request's message id, with a timestamp holding only {@code wsu:Created}, written in the
 * DGWS version of the request, as Seal infers a message's version from it: UTC with {@code Z} (1.0.1), or local
 * time without a zone (1.0).
 * <ul>
 * <li>answer: {@code wst:RequestSecurityTokenResponse} with TokenType, RequestedSecurityToken (the id-card),
 * Status and Issuer, in that order;</li>
 * <li>fault: {@code soap:Fault} with {@code faultcode}, {@code faultstring} and {@code faultactor}.</li>
 * </ul>
 */
public final class DgwsEnvelopeWriter implements EnvelopeWriter {

    static final String TOKEN_TYPE = "urn:oasis:names:tc:SAML:2.0:assertion:";
    static final String STATUS_VALID = "http://schemas.xmlsoap.org/ws/2005/02/trust/status/valid";
    /** Always this: the Seal.Java schema types Context as anyURI, so a client's odd value is not echoed. */
    static final String CONTEXT = "www.sosi.dk";
    /** The actor of the DGWS STS's own faults. */
    public static final String ACTOR = "http://www.sosists.dk/sts";

    private final String issuer;
    private final ZoneId dgws10Zone;
    private final Clock clock;

    /**
     * @param issuer     the STS's name in {@code wst:Issuer}, as in the id-cards it issues
     * @param dgws10Zone the zone of DGWS 1.0 local times (Europe/Copenhagen in production)
     */
    public DgwsEnvelopeWriter(String issuer, ZoneId dgws10Zone, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Document answer(IncomingRequest request, IssuedToken token) {
        Element envelope = EnvelopeDom.envelope("soapenv",
                "soapenv", Namespaces.SOAP11, "ds", Namespaces.DS, "medcom", Namespaces.MEDCOM, "saml", Namespaces.SAML,
                "sosi", Namespaces.SOSI, "wsa", Namespaces.WSA_2004_08, "wsse", Namespaces.WSSE,
                "wst", Namespaces.WST_2005_02, "wsu", Namespaces.WSU, "xsd", Namespaces.XS, "xsi", Namespaces.XSI);
        envelope.setAttribute("id", "Envelope");
        security(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soapenv:Header"), securityId(request.envelope()), request.envelope());

        Element rstr = EnvelopeDom.append(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soapenv:Body"),
                Namespaces.WST_2005_02, "wst:RequestSecurityTokenResponse");
        rstr.setAttribute("Context", CONTEXT);
        EnvelopeDom.append(rstr, Namespaces.WST_2005_02, "wst:TokenType", TOKEN_TYPE);
        Element requested = EnvelopeDom.append(rstr, Namespaces.WST_2005_02, "wst:RequestedSecurityToken");
        requested.appendChild(envelope.getOwnerDocument().adoptNode(token.token()));
        EnvelopeDom.append(EnvelopeDom.append(rstr, Namespaces.WST_2005_02, "wst:Status"), Namespaces.WST_2005_02,
                "wst:Code", STATUS_VALID);
        EnvelopeDom.append(EnvelopeDom.append(rstr, Namespaces.WST_2005_02, "wst:Issuer"), Namespaces.WSA_2004_08,
                "wsa:Address", issuer);
        return envelope.getOwnerDocument();
    }

    /** The Seal.Java schema demands the Security header with its Created even in a fault (protocol.md 2). */
    @Override
    public Document fault(StsFault fault, Optional<SoapEnvelope> request) {
        Element envelope = EnvelopeDom.envelope("soap", "soap", Namespaces.SOAP11, "wsse", Namespaces.WSSE,
                "wsu", Namespaces.WSU, "wst", Namespaces.WST_2005_02);
        security(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soap:Header"),
                request.flatMap(SoapEnvelope::messageId), request.orElse(null));
        EnvelopeDom.fault(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soap:Body"), "soap", fault, ACTOR);
        return envelope.getOwnerDocument();
    }

    /** The Security header echoing {@code id}, with a Created in the form of the request's (1.0.1 without one). */
    private void security(Element header, Optional<String> id, SoapEnvelope request) {
        Element security = EnvelopeDom.append(header, Namespaces.WSSE, "wsse:Security");
        id.ifPresent(value -> security.setAttribute("id", value));
        DgwsVersion version = request == null ? DgwsVersion.V1_0_1
                : request.created().map(DgwsVersion::ofCreated).orElse(DgwsVersion.V1_0_1);
        Instant now = clock.instant();
        EnvelopeDom.append(EnvelopeDom.append(security, Namespaces.WSU, "wsu:Timestamp"), Namespaces.WSU, "wsu:Created",
                version == DgwsVersion.V1_0 ? XmlTimes.local(now, dgws10Zone) : XmlTimes.zulu(now));
    }

    private static Optional<String> securityId(SoapEnvelope request) {
        return request.security().map(s -> s.getAttribute("id")).filter(id -> !id.isEmpty());
    }
}

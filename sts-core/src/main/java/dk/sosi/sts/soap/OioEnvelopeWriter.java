package dk.sosi.sts.soap;

import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.WsAddressing;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. The envelopes of the OIO WS-Trust endpoints, in the shape of the national STS's answers
 * (exchanges.md 2.6 and 2.7).
 * <ul>
 * <li>answer: {@code wsa:Action} (RST/Issue, as the real STS answers), a new {@code wsa:MessageID},
 * {@code wsa:RelatesTo} echoing the request's (or WS-Addressing's {@code unspecified}), {@code wsse:Security}
 * with an unqualified {@code mustUnderstand="1"}, a Created-only timestamp and the STS's message signature
 * over MessageID, Action, RelatesTo, Timestamp and Body, each by its {@code wsu:Id}; the body holds
 * RSTRC/RSTR with the request's Context echoed, TokenType {@value #TOKEN_TYPE} always, the token, the
 * references to an id-card, AppliesTo and Lifetime;</li>
 * <li>fault: the same addressing headers and {@code soap:Fault} with {@code faultcode}, {@code faultstring}
 * and {@code faultactor}. Faults are not signed: a refusal must stay cheap, and a signature would let anyone
 * make the STS spend a private-key operation per junk message (clients that verify answers, such as Seal,
 * check the fault before any signature).</li>
 * </ul>
 */
public final class OioEnvelopeWriter implements EnvelopeWriter {

    /** The {@code wsa:Action} of requests and answers alike. */
    public static final String ACTION_ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
    public static final String TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    /** RelatesTo when the request had no MessageID (exchanges.md 2.6 R3a). */
    public static final String UNSPECIFIED = "http://www.w3.org/2005/08/addressing/unspecified";
    /** The actor of the OIO STS's own faults. */
    public static final String ACTOR = "http://sosi.dk/sts";

    private final XmlSigner signer;
    private final StsKeys keys;
    private final Clock clock;

    /** @param signer signs the answers with the current key of {@code keys}, the key the issued tokens are signed with too (R1) */
    public OioEnvelopeWriter(XmlSigner signer, StsKeys keys, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Document answer(IncomingRequest request, IssuedToken token) {
        Element envelope = EnvelopeDom.envelope("soapenv", "soapenv", Namespaces.SOAP11, "ds", Namespaces.DS,
                "saml", Namespaces.SAML, "wsa", Namespaces.WSA, "wsp", Namespaces.WSP, "wsse", Namespaces.WSSE,
                "wst", Namespaces.WST_1_3, "wsu", Namespaces.WSU);
        Element header = EnvelopeDom.append(envelope, Namespaces.SOAP11, "soapenv:Header");
        Element action = identified(EnvelopeDom.append(header, Namespaces.WSA, "wsa:Action", ACTION_ISSUE), "action");
        Element messageId = identified(EnvelopeDom.append(header, Namespaces.WSA, "wsa:MessageID", newMessageId()),
                "messageID");
        Element relatesTo = identified(EnvelopeDom.append(header, Namespaces.WSA, "wsa:RelatesTo",
                request.context().addressing().messageId().orElse(UNSPECIFIED)), "relatesTo");
        Element security = identified(EnvelopeDom.append(header, Namespaces.WSSE, "wsse:Security"), "security");
        security.setAttributeNS(null, "mustUnderstand", "1");
        Element timestamp = identified(EnvelopeDom.append(security, Namespaces.WSU, "wsu:Timestamp"), "ts");
        EnvelopeDom.append(timestamp, Namespaces.WSU, "wsu:Created", XmlTimes.zulu(clock.instant()));

        Element body = identified(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soapenv:Body"), "body");
        Element rstr = EnvelopeDom.append(EnvelopeDom.append(body, Namespaces.WST_1_3,
                "wst:RequestSecurityTokenResponseCollection"), Namespaces.WST_1_3, "wst:RequestSecurityTokenResponse");
        context(request.envelope()).ifPresent(context -> rstr.setAttributeNS(null, "Context", context));
        EnvelopeDom.append(rstr, Namespaces.WST_1_3, "wst:TokenType", TOKEN_TYPE);
        EnvelopeDom.append(rstr, Namespaces.WST_1_3, "wst:RequestedSecurityToken")
                .appendChild(envelope.getOwnerDocument().adoptNode(token.token()));
        token.referenceId().ifPresent(id -> {
            reference(EnvelopeDom.append(rstr, Namespaces.WST_1_3, "wst:RequestedAttachedReference"), id);
            reference(EnvelopeDom.append(rstr, Namespaces.WST_1_3, "wst:RequestedUnattachedReference"), id);
        });
        token.appliesTo().ifPresent(audience -> EnvelopeDom.append(EnvelopeDom.append(EnvelopeDom.append(rstr,
                Namespaces.WSP, "wsp:AppliesTo"), Namespaces.WSA, "wsa:EndpointReference"), Namespaces.WSA, "wsa:Address",
                audience));
        Element lifetime = EnvelopeDom.append(rstr, Namespaces.WST_1_3, "wst:Lifetime");
        EnvelopeDom.append(lifetime, Namespaces.WSU, "wsu:Created", XmlTimes.zulu(token.created()));
        EnvelopeDom.append(lifetime, Namespaces.WSU, "wsu:Expires", XmlTimes.zulu(token.expires()));

        signer.signDetached(security, List.of(messageId, action, relatesTo, timestamp, body),
                keys.at(request.context().receivedAt()), request.context());
        return envelope.getOwnerDocument();
    }

    @Override
    public Document fault(StsFault fault, Optional<SoapEnvelope> request) {
        Element envelope = EnvelopeDom.envelope("soap", "soap", Namespaces.SOAP11, "wsa", Namespaces.WSA,
                "wst", Namespaces.WST_1_3);
        Element header = EnvelopeDom.append(envelope, Namespaces.SOAP11, "soap:Header");
        EnvelopeDom.append(header, Namespaces.WSA, "wsa:Action", ACTION_ISSUE);
        EnvelopeDom.append(header, Namespaces.WSA, "wsa:MessageID", newMessageId());
        EnvelopeDom.append(header, Namespaces.WSA, "wsa:RelatesTo",
                request.map(WsAddressing::of).flatMap(WsAddressing::messageId).orElse(UNSPECIFIED));
        EnvelopeDom.fault(EnvelopeDom.append(envelope, Namespaces.SOAP11, "soap:Body"), "soap", fault, ACTOR);
        return envelope.getOwnerDocument();
    }

    private static String newMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static Element identified(Element element, String id) {
        element.setAttributeNS(Namespaces.WSU, "wsu:Id", id);
        return element;
    }

    /** The request's {@code wst:RequestSecurityToken/@Context}; an answer to a request without one has none (R3). */
    private static Optional<String> context(SoapEnvelope request) {
        return SoapEnvelope.childElements(request.body()).stream().findFirst()
                .map(rst -> rst.getAttributeNS(null, "Context")).filter(context -> !context.isEmpty());
    }

    /** {@code wsse:SecurityTokenReference/wsse:Reference URI="#id"}, pointing at the issued id-card. */
    private static void reference(Element parent, String id) {
        Element str = EnvelopeDom.append(parent, Namespaces.WSSE, "wsse:SecurityTokenReference");
        EnvelopeDom.append(str, Namespaces.WSSE, "wsse:Reference").setAttributeNS(null, "URI", "#" + id);
    }
}

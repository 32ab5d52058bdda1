package dk.sosi.sts.demo.client;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Not thread-safe: one builder per request. Builds an OIO WS-Trust 1.3 token request the way the deployed
 * Java clients send one (exchanges.md 2.3): WS-Addressing Action and MessageID, a {@code wst:RequestSecurityToken}
 * with Context, TokenType, RequestType, ActAs tokens, AppliesTo and Claims, and, when a signer is given, a
 * {@code wsse:Security} header with a timestamp and the caller's message signature over MessageID, Action,
 * Timestamp and Body. Used by the demo clients, the benchmark and tests as a client would.
 */
public final class OioRequestBuilder {

    public static final String ACTION_ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
    public static final String TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    public static final String REQUEST_TYPE_ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue";
    public static final String CLAIMS_DIALECT = "http://docs.oasis-open.org/wsfed/authorization/200706/authclaims";

    private final Document document = SecureXml.newDocument();
    private final Element envelope;
    private final Element header;
    private final Element body;
    private final Element rst;
    private final Element action;
    private final Element messageId;
    private Element actAs;
    private Element claims;
    private Element security;

    /** A request with a new {@code urn:uuid:} MessageID. */
    public OioRequestBuilder() {
        this("urn:uuid:" + UUID.randomUUID());
    }

    public OioRequestBuilder(String messageId) {
        envelope = document.createElementNS(Namespaces.SOAP11, "soap:Envelope");
        declare(envelope, "soap", Namespaces.SOAP11);
        declare(envelope, "wsa", Namespaces.WSA);
        declare(envelope, "wsse", Namespaces.WSSE);
        declare(envelope, "wsu", Namespaces.WSU);
        declare(envelope, "wst", Namespaces.WST_1_3);
        declare(envelope, "wst14", Namespaces.WST_1_4);
        declare(envelope, "wsp", Namespaces.WSP);
        document.appendChild(envelope);
        header = append(envelope, Namespaces.SOAP11, "soap:Header");
        action = identified(append(header, Namespaces.WSA, "wsa:Action", ACTION_ISSUE), "action");
        this.messageId = identified(append(header, Namespaces.WSA, "wsa:MessageID", Objects.requireNonNull(messageId)),
                "messageID");
        body = identified(append(envelope, Namespaces.SOAP11, "soap:Body"), "body");
        rst = append(body, Namespaces.WST_1_3, "wst:RequestSecurityToken");
        rst.setAttributeNS(null, "Context", "urn:uuid:" + UUID.randomUUID());
        append(rst, Namespaces.WST_1_3, "wst:TokenType", TOKEN_TYPE);
        append(rst, Namespaces.WST_1_3, "wst:RequestType", REQUEST_TYPE_ISSUE);
    }

    /** Puts a copy of {@code token} (unchanged, so its signature still verifies) in {@code wst14:ActAs}. */
    public OioRequestBuilder actAs(Element token) {
        actAs().appendChild(document.importNode(token, true));
        return this;
    }

    /**
     * Puts a copy of {@code token} in the {@code wsse:Security} header and a {@code wsse:SecurityTokenReference}
     * to its {@code id} in {@code wst14:ActAs}, as Seal sends an id-card.
     */
    public OioRequestBuilder actAsFromHeader(Element token) {
        security().appendChild(document.importNode(token, true));
        Element reference = append(actAs(), Namespaces.WSSE, "wsse:SecurityTokenReference");
        append(reference, Namespaces.WSSE, "wsse:Reference").setAttributeNS(null, "URI", "#" + token.getAttributeNS(null, "id"));
        return this;
    }

    public OioRequestBuilder appliesTo(String audience) {
        append(append(append(rst, Namespaces.WSP, "wsp:AppliesTo"), Namespaces.WSA, "wsa:EndpointReference"),
                Namespaces.WSA, "wsa:Address", audience);
        return this;
    }

    /** Adds {@code auth:ClaimType Uri="uri"} with {@code value} to {@code wst:Claims} (authclaims dialect), e.g. {@code medcom:ITSystemName}. */
    public OioRequestBuilder claim(String uri, String value) {
        if (claims == null) {
            claims = append(rst, Namespaces.WST_1_3, "wst:Claims");
            claims.setAttributeNS(null, "Dialect", CLAIMS_DIALECT);
            declare(claims, "auth", Namespaces.AUTH);
        }
        Element claim = append(claims, Namespaces.AUTH, "auth:ClaimType");
        claim.setAttributeNS(null, "Uri", uri);
        append(claim, Namespaces.AUTH, "auth:Value", value);
        return this;
    }

    /**
     * Signs the message with {@code key}: a timestamp created at {@code now} and a signature over MessageID,
     * Action, Timestamp and Body, the certificate in its KeyInfo. Call last.
     */
    public Document signed(PrivateKey key, X509Certificate certificate, SignatureAlgorithm algorithm, Instant now) {
        Element timestamp = identified(append(security(), Namespaces.WSU, "wsu:Timestamp"), "ts");
        append(timestamp, Namespaces.WSU, "wsu:Created", XmlTimes.zulu(now));
        List<Element> parts = new ArrayList<>(List.of(messageId, action, timestamp, body));
        new XmlSigner(algorithm, SlaLog.NONE).signDetached(security(), parts, key, certificate);
        return document;
    }

    /** The message without a signature (unsealed sends Sosi2OIOSaml requests so). */
    public Document unsigned() {
        return document;
    }

    private Element actAs() {
        if (actAs == null) {
            actAs = append(rst, Namespaces.WST_1_4, "wst14:ActAs");
        }
        return actAs;
    }

    private Element security() {
        if (security == null) {
            security = identified(document.createElementNS(Namespaces.WSSE, "wsse:Security"), "security");
            security.setAttributeNS(null, "mustUnderstand", "1");
            header.appendChild(security);
        }
        return security;
    }

    private static Element identified(Element element, String id) {
        element.setAttributeNS(Namespaces.WSU, "wsu:Id", id);
        return element;
    }

    private static void declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(Namespaces.XMLNS, "xmlns:" + prefix, namespace);
    }

    private static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element append(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }
}

package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. An OIO WS-Trust 1.3 {@code wst:RequestSecurityToken} (exchanges.md 2.3), read as leniently as
 * the deployed clients need: Context, TokenType and RequestType are whatever the client sent and never
 * refused (L3, L4); AppliesTo and Claims in any order (L5); ActAs tokens either inline or behind a
 * {@code wsse:SecurityTokenReference} to a token in the {@code wsse:Security} header (Seal's card in the
 * header).
 *
 * @param actAs      the tokens the caller acts as, resolved
 * @param appliesTo  the audience, {@code wsp:AppliesTo/wsa:EndpointReference/wsa:Address}, trimmed
 * @param claims     the {@code auth:ClaimType} elements of {@code wst:Claims}, in order
 */
public record RequestSecurityToken(Optional<String> context, Optional<String> tokenType, Optional<String> requestType,
        List<Element> actAs, Optional<String> appliesTo, List<Claim> claims) {

    static final String NOT_RST = "The SOAP Body must hold a wst:RequestSecurityToken (WS-Trust 1.3, "
            + Namespaces.WST_1_3 + ")";
    static final String TWICE = "The wst:RequestSecurityToken holds more than one %s";
    static final String UNRESOLVED_REFERENCE =
            "The wsse:SecurityTokenReference in wst14:ActAs refers to %s, which is no token in the wsse:Security header";

    /** One {@code auth:ClaimType Uri="…"} with its {@code auth:Value}, trimmed (L6). */
    public record Claim(String uri, String value) {

        public Claim {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(value, "value");
        }
    }

    public RequestSecurityToken {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(requestType, "requestType");
        actAs = List.copyOf(actAs);
        Objects.requireNonNull(appliesTo, "appliesTo");
        claims = List.copyOf(claims);
    }

    /** The value of the first claim {@code uri}, if the request has it. */
    public Optional<String> claim(String uri) {
        return claims.stream().filter(claim -> claim.uri().equals(uri)).map(Claim::value).findFirst();
    }

    /** Reads the request of {@code envelope}; throws {@link StsFault} {@code wst:InvalidRequest} when it is none. */
    public static RequestSecurityToken read(SoapEnvelope envelope) {
        Element rst = envelope.request();
        if (!"RequestSecurityToken".equals(rst.getLocalName()) || !Namespaces.WST_1_3.equals(rst.getNamespaceURI())) {
            throw invalid(NOT_RST);
        }
        Element tokenType = null;
        Element requestType = null;
        Element actAs = null;
        Element appliesTo = null;
        Element claims = null;
        for (Element child : SoapEnvelope.childElements(rst)) {
            switch (child.getLocalName()) {
                case "TokenType" -> tokenType = once(tokenType, child);
                case "RequestType" -> requestType = once(requestType, child);
                case "ActAs" -> actAs = once(actAs, child);
                case "AppliesTo" -> appliesTo = once(appliesTo, child);
                case "Claims" -> claims = once(claims, child);
                default -> {
                    // Lifetime, KeyType, extensions: the STS decides these itself
                }
            }
        }
        return new RequestSecurityToken(attribute(rst, "Context"), text(tokenType), text(requestType),
                actAs == null ? List.of() : actAsTokens(actAs, envelope), address(appliesTo),
                claims == null ? List.of() : claims(claims));
    }

    private static Element once(Element found, Element child) {
        if (found != null) {
            throw invalid(String.format(TWICE, CallerText.limit(child.getNodeName(), CallerText.MAX_VALUE)));
        }
        return child;
    }

    /** Each token element of ActAs, with a SecurityTokenReference replaced by the header token it names. */
    private static List<Element> actAsTokens(Element actAs, SoapEnvelope envelope) {
        List<Element> tokens = new ArrayList<>();
        for (Element token : SoapEnvelope.childElements(actAs)) {
            if (is(token, Namespaces.WSSE, "SecurityTokenReference")) {
                tokens.add(referenced(token, envelope));
            } else {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Element referenced(Element reference, SoapEnvelope envelope) {
        String uri = SoapEnvelope.childElements(reference).stream().filter(e -> is(e, Namespaces.WSSE, "Reference"))
                .map(e -> e.getAttributeNS(null, "URI")).findFirst().orElse("");
        Optional<Element> security = envelope.security();
        if (uri.startsWith("#") && security.isPresent()) {
            String id = uri.substring(1);
            for (Element token : SoapEnvelope.childElements(security.get())) {
                if (id.equals(token.getAttributeNS(null, "id")) || id.equals(token.getAttributeNS(null, "ID"))
                        || id.equals(token.getAttributeNS(Namespaces.WSU, "Id"))) {
                    return token;
                }
            }
        }
        throw invalid(String.format(UNRESOLVED_REFERENCE, CallerText.quote(uri)));
    }

    /** {@code wsa:EndpointReference/wsa:Address} inside AppliesTo, whichever WS-Addressing version (or a bare Address). */
    private static Optional<String> address(Element appliesTo) {
        if (appliesTo == null) {
            return Optional.empty();
        }
        for (Element child : SoapEnvelope.childElements(appliesTo)) {
            if ("Address".equals(child.getLocalName())) {
                return text(child);
            }
            if ("EndpointReference".equals(child.getLocalName())) {
                return SoapEnvelope.childElements(child).stream().filter(e -> "Address".equals(e.getLocalName()))
                        .findFirst().flatMap(RequestSecurityToken::text);
            }
        }
        return Optional.empty();
    }

    private static List<Claim> claims(Element claims) {
        List<Claim> read = new ArrayList<>();
        for (Element claimType : SoapEnvelope.childElements(claims)) {
            if (!"ClaimType".equals(claimType.getLocalName())) {
                continue;
            }
            String value = SoapEnvelope.childElements(claimType).stream().filter(e -> "Value".equals(e.getLocalName()))
                    .findFirst().map(e -> e.getTextContent().strip()).orElse("");
            read.add(new Claim(claimType.getAttributeNS(null, "Uri"), value));
        }
        return read;
    }

    private static Optional<String> attribute(Element element, String name) {
        String value = element.getAttributeNS(null, name);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> text(Element element) {
        return element == null ? Optional.empty()
                : Optional.of(element.getTextContent().strip()).filter(text -> !text.isEmpty());
    }

    private static boolean is(Element element, String namespace, String localName) {
        return localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    private static StsFault invalid(String message) {
        return new StsFault(FaultCode.INVALID_REQUEST, message);
    }
}

package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapEnvelope;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.ParsedIdCard;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Immutable. A DGWS {@code wst:RequestSecurityToken} (protocol.md 4.1): the self-signed id-card in
 * {@code wst:Claims}. Read leniently: TokenType with
 * or without its trailing colon, {@code wst:Issuer} and {@code RequestType} may be left out.
 */
public record DgwsRequest(ParsedIdCard card) {

    static final String NOT_RST = "The SOAP Body must hold a wst:RequestSecurityToken (WS-Trust 2005/02)";
    static final String NOT_ISSUE = "Only wst:RequestType http://schemas.xmlsoap.org/ws/2005/02/trust/Issue is supported";
    static final String NO_CARD = "The wst:RequestSecurityToken carries no id-card (saml:Assertion) in wst:Claims";
    static final String WRONG_TOKEN_TYPE = "Only wst:TokenType urn:oasis:names:tc:SAML:2.0:assertion: is supported";

    private static final String ISSUE = "http://schemas.xmlsoap.org/ws/2005/02/trust/Issue";
    private static final String SAML_TOKEN_TYPE = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** Reads the request from {@code envelope}; throws {@link StsFault} when it is not a DGWS id-card request. */
    public static DgwsRequest read(SoapEnvelope envelope, IdCardParser parser) {
        Element rst = envelope.request();
        if (!"RequestSecurityToken".equals(rst.getLocalName()) || !Namespaces.WST_2005_02.equals(rst.getNamespaceURI())) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NOT_RST);
        }
        Element claims = null;
        for (Element child : SoapEnvelope.childElements(rst)) {
            String text = child.getTextContent().trim();
            switch (child.getLocalName()) {
                case "RequestType" -> {
                    if (!ISSUE.equals(text)) {
                        throw new StsFault(FaultCode.BAD_REQUEST, NOT_ISSUE);
                    }
                }
                case "TokenType" -> {
                    if (!SAML_TOKEN_TYPE.equals(text) && !(SAML_TOKEN_TYPE + ":").equals(text)) {
                        throw new StsFault(FaultCode.BAD_REQUEST, WRONG_TOKEN_TYPE);
                    }
                }
                case "Claims" -> claims = child;
                default -> {
                    // wst:Issuer and extensions are not needed to issue the card
                }
            }
        }
        List<Element> assertions = claims == null ? List.of() : SoapEnvelope.childElements(claims).stream()
                .filter(e -> "Assertion".equals(e.getLocalName()) && Namespaces.SAML.equals(e.getNamespaceURI()))
                .toList();
        if (assertions.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_CARD);
        }
        return new DgwsRequest(parser.parse(assertions.get(0)));
    }
}

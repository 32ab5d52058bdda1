package dk.sosi.sts.soap;

/** The namespace URIs of the STS's messages (protocol.md 3.1 and 7.1). */
public final class Namespaces {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    /** WS-Trust 2005/02, used by DGWS. */
    public static final String WST_2005_02 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    /** WS-Trust 1.3, used by the OIO WS-Trust exchanges. */
    public static final String WST_1_3 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** SAML 2.0 assertions: DGWS id-cards and OIOSAML. */
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** XML-DSig. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** SOSI; DGWS id-card attribute names carry its prefix {@code sosi:} as literal text. */
    public static final String SOSI = "http://www.sosi.dk/sosi/2006/04/sosi-1.0.xsd";
    /** DGWS (MedCom); id-card attribute names and NameID formats carry its prefix {@code medcom:} as literal text. */
    public static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";
    /** WS-Addressing 2004/08, used by DGWS ({@code wst:Issuer/wsa:Address}). */
    public static final String WSA_2004_08 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    /** WS-Addressing 1.0, used by the OIO WS-Trust exchanges. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** WS-Trust 1.4, whose {@code ActAs} carries the incoming token of the OIO exchanges. */
    public static final String WST_1_4 = "http://docs.oasis-open.org/ws-sx/ws-trust/200802";
    /** WS-Policy 2004/09, whose {@code AppliesTo} names the audience. */
    public static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    /** XML Encryption 1.0. */
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** XML Schema, for {@code xs:string} attribute values. */
    public static final String XS = "http://www.w3.org/2001/XMLSchema";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** WS-Federation authorization claims, the dialect of {@code wst:Claims} in OIO requests. */
    public static final String AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706";

    private Namespaces() {
    }
}

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

    private Namespaces() {
    }
}

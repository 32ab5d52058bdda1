package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a SOAP fault answer the way a Seal.Java client does: all of faultcode, faultstring and faultactor,
 * and what ties it to the request, in its family's form: a DGWS fault echoes the request's id in
 * {@code wsse:Security/@id} beside a Created timestamp, an OIO fault names it in {@code wsa:RelatesTo}.
 */
record SoapFaults(String faultcode, String faultstring, String faultactor, String inResponseTo, String trustNamespace) {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    static SoapFaults of(HttpResponse<String> response) throws Exception {
        Document doc = StsTestServer.xml(response.body());
        Element fault = (Element) doc.getElementsByTagNameNS(SOAP, "Fault").item(0);
        String code = text(fault, null, "faultcode");
        String prefix = code.substring(0, code.indexOf(':'));
        String namespace = fault.lookupNamespaceURI(prefix);
        Element security = (Element) doc.getElementsByTagNameNS(WSSE, "Security").item(0);
        String inResponseTo;
        if (security != null) {
            inResponseTo = security.getAttribute("id");
            assertEquals(1, doc.getElementsByTagNameNS(WSU, "Created").getLength());
        } else {
            inResponseTo = text(doc.getDocumentElement(), WSA, "RelatesTo");
            assertFalse(text(doc.getDocumentElement(), WSA, "MessageID").isBlank(), "MessageID");
        }
        SoapFaults faults = new SoapFaults(code, text(fault, null, "faultstring"), text(fault, null, "faultactor"),
                inResponseTo, namespace);
        assertFalse(faults.faultstring().isBlank(), "faultstring");
        assertFalse(faults.faultactor().isBlank(), "faultactor");
        return faults;
    }

    private static String text(Element parent, String namespace, String name) {
        return parent.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}

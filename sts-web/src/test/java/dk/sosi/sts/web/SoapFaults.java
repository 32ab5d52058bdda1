package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads a SOAP fault answer the way a Seal.Java client does: all of faultcode, faultstring and faultactor. */
record SoapFaults(String faultcode, String faultstring, String faultactor, String securityId, String trustNamespace) {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    static SoapFaults of(HttpResponse<String> response) throws Exception {
        Document doc = StsTestServer.xml(response.body());
        Element fault = (Element) doc.getElementsByTagNameNS(SOAP, "Fault").item(0);
        Element security = (Element) doc.getElementsByTagNameNS(WSSE, "Security").item(0);
        String code = text(fault, "faultcode");
        String prefix = code.substring(0, code.indexOf(':'));
        String namespace = fault.lookupNamespaceURI(prefix);
        SoapFaults faults = new SoapFaults(code, text(fault, "faultstring"), text(fault, "faultactor"),
                security.getAttribute("id"), namespace);
        assertFalse(faults.faultstring().isBlank(), "faultstring");
        assertFalse(faults.faultactor().isBlank(), "faultactor");
        assertEquals(1, doc.getElementsByTagNameNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Created").getLength());
        return faults;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(null, name).item(0).getTextContent();
    }
}

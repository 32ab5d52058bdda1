package dk.sosi.sts.demo.client;

import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What the demo clients share: one SOAP call over HTTP, as the deployed clients make it, and printing XML for a person. */
final class SoapCall {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapCall() {
    }

    /** POSTs {@code request} to {@code endpoint} with {@code soapAction}, prints the HTTP status, returns the parsed answer. */
    static Document post(URI endpoint, Document request, String soapAction) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SecureXml.toBytes(request))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.println("HTTP " + response.statusCode() + " from " + endpoint);
        return SecureXml.parse(new ByteArrayInputStream(response.body()));
    }

    /** The answer's {@code soap:Fault}, if it is one. */
    static Element fault(Document answer) {
        return (Element) answer.getElementsByTagNameNS(SOAP11, "Fault").item(0);
    }

    /** {@code node} indented, for reading. */
    static String indent(Node node) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(node), new StreamResult(out));
        return out.toString();
    }
}

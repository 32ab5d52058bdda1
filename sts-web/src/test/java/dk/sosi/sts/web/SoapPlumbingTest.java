package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared SOAP plumbing over HTTP: envelope parsing, hostile XML and the one fault shape of every endpoint. */
class SoapPlumbingTest {

    private static final String WST_2005_02 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    private static final String WST_1_3 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    static String envelope(String securityId, String body) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
                    xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
                  <soapenv:Header>
                    <wsse:Security id="%s"><wsu:Timestamp><wsu:Created>2026-11-23T10:00:00Z</wsu:Created></wsu:Timestamp></wsse:Security>
                  </soapenv:Header>
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>""".formatted(securityId, body);
    }

    @Test
    void postWhenBodyIsNotXmlThenInvalidRequestFaultWithActor() throws Exception {
        HttpResponse<String> response = sts.post("/services/NewSecurityTokenService", "this is not xml", "text/xml; charset=utf-8");

        assertEquals(200, response.statusCode());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals(WST_2005_02, fault.trustNamespace());
        assertEquals("http://www.sosists.dk/sts", fault.faultactor());
        assertTrue(fault.faultstring().startsWith("The request is not a well-formed SOAP message"), fault.faultstring());
    }

    @Test
    void postWhenDoctypeWithExternalEntityThenFaultAndNoFileContent() throws Exception {
        Path secret = Files.createTempFile("sts-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + envelope("xxe", "<a>&x;</a>").substring(0);

        HttpResponse<String> response = sts.post("/services/SecurityTokenService", xxe, "text/xml");

        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertFalse(response.body().contains("TOP-SECRET-CONTENT"));
    }

    @Test
    void postWhenEntityExpansionThenFaultQuickly() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        laughs.append("]>").append(envelope("laughs", "<a>&" + previous + ";</a>"));
        Instant start = Instant.now();

        HttpResponse<String> response = sts.post("/services/Bst2Idws", laughs.toString(), "application/soap+xml");

        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5);
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals(WST_1_3, fault.trustNamespace());
    }

    @Test
    void postWhenSoap12EnvelopeThenInvalidRequestNamingSoap11() throws Exception {
        String soap12 = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><a/></env:Body></env:Envelope>";

        SoapFaults fault = SoapFaults.of(sts.post("/services/SecurityTokenService", soap12, "application/soap+xml"));

        assertEquals("wst:InvalidRequest", fault.faultcode());
    }

    @Test
    void postWhenOioBodyHoldsNoRequestSecurityTokenThenOioFaultRelatingToTheMessageIdAndSlaLine() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        String request = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing">
                  <soap:Header><wsa:MessageID>%s</wsa:MessageID></soap:Header>
                  <soap:Body><rst/></soap:Body>
                </soap:Envelope>""".formatted(messageId);

        HttpResponse<String> response = sts.post("/services/DKNCPBST2EHDSIIdws", request, "text/xml");

        assertEquals(200, response.statusCode());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The SOAP Body must hold a wst:RequestSecurityToken (WS-Trust 1.3, http://docs.oasis-open.org/ws-sx/ws-trust/200512)",
                fault.faultstring());
        assertEquals("http://sosi.dk/sts", fault.faultactor());
        assertEquals(messageId, fault.inResponseTo());
        List<String> sla = SlaLogFile.linesOf(messageId, 1);
        assertTrue(sla.stream().anyMatch(line -> line.startsWith("id=200 name=AbstractStsRequestHandler.request messageId="
                + messageId + " start=") && line.endsWith("outcome=fault:InvalidRequest")), sla.toString());
    }

    @Test
    void getWhenNotAskingForWsdlThenTheStsFaultShape() throws Exception {
        HttpResponse<String> response = sts.get("/services/NewSecurityTokenService");

        assertEquals(200, response.statusCode(), response.body());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("Send the SOAP request as an HTTP POST; this was GET", fault.faultstring());
    }
}

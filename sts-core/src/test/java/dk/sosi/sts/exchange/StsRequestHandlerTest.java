package dk.sosi.sts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.FaultMapper;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapFaultWriter;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class StsRequestHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30.456Z"), ZoneOffset.UTC);
    private static final String REQUEST = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:wsse=\"" + Namespaces.WSSE + "\"><s:Header><wsse:Security id=\"m1\"/></s:Header>"
            + "<s:Body><rst/></s:Body></s:Envelope>";

    private final ServiceInfoCollector requests = new ServiceInfoCollector(24, CLOCK);

    private StsRequestHandler handler(Exchange exchange) {
        return new StsRequestHandler(Map.of(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, exchange), new FaultMapper(),
                new SoapFaultWriter(CLOCK, ZoneOffset.UTC), new SlaLog(CLOCK), requests, RequestListener.NONE, CLOCK);
    }

    private static Document request() throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String name) {
        return doc.getElementsByTagNameNS(null, name).item(0).getTextContent();
    }

    @Test
    void handleWhenExchangeAnswersThenItsEnvelopeAndCountedAsSuccess() throws Exception {
        Document answer = SecureXml.newDocument();

        StsResponse response = handler(r -> {
            assertEquals("m1", r.messageId());
            assertEquals("rst", r.envelope().request().getLocalName());
            return answer;
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, request());

        assertFalse(response.fault());
        assertSame(answer, response.envelope());
        assertEquals(1, requests.window().calls());
        assertEquals(0, requests.window().failures());
    }

    @Test
    void handleWhenExchangeRefusesThenFaultWithCodeTextActorAndEchoedId() throws Exception {
        StsResponse response = handler(r -> {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, "Authentication failed: authorization not found",
                    FaultCode.AUTHORIZATION_ACTOR);
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, request());

        assertTrue(response.fault());
        Document fault = response.envelope();
        assertEquals("wst:FailedAuthentication", text(fault, "faultcode"));
        assertEquals("Authentication failed: authorization not found", text(fault, "faultstring"));
        assertEquals("dk:sosi:sts:autorisation", text(fault, "faultactor"));
        assertEquals(Namespaces.WST_2005_02, fault.getDocumentElement().getAttribute("xmlns:wst"));
        Element security = (Element) fault.getElementsByTagNameNS(Namespaces.WSSE, "Security").item(0);
        assertEquals("m1", security.getAttribute("id"));
        assertEquals("2026-11-23T10:15:30Z", fault.getElementsByTagNameNS(Namespaces.WSU, "Created").item(0).getTextContent());
        assertEquals(0, fault.getElementsByTagNameNS(Namespaces.WSU, "Expires").getLength());
        assertEquals(1, requests.window().failures());
    }

    @Test
    void handleWhenExchangeFailsWithBugThenRequestFailedWithReferenceAndNoStackTrace() throws Exception {
        StsResponse response = handler(r -> {
            throw new IllegalStateException("secret internal detail");
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, request());

        String faultstring = text(response.envelope(), "faultstring");
        assertEquals("wst:RequestFailed", text(response.envelope(), "faultcode"));
        assertTrue(faultstring.startsWith("The STS could not process the request; reference "), faultstring);
        assertFalse(faultstring.contains("secret"));
    }

    @Test
    void handleWhenConfigurationUnavailableThenRequestFailedSayingTryAgain() throws Exception {
        StsResponse response = handler(r -> {
            throw new ConfigurationUnavailableException("down");
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, request());

        assertEquals(FaultMapper.CONFIGURATION_UNAVAILABLE, text(response.envelope(), "faultstring"));
    }

    @Test
    void handleWhenEndpointHasNoExchangeThenRequestFailedNamingIt() throws Exception {
        StsResponse response = handler(r -> null).handle(StsEndpoint.BST2SOSI, request());

        assertEquals("The BST2SOSI exchange is not available in this version of the STS", text(response.envelope(), "faultstring"));
        assertEquals(Namespaces.WST_1_3, response.envelope().getDocumentElement().getAttribute("xmlns:wst"));
    }
}

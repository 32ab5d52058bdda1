package dk.sosi.sts.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoapEnvelopeTest {

    private static final String NS = "xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\" "
            + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"";

    private static Document xml(String text) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ofWhenDgwsRequestThenMessageIdIsSecurityId() throws Exception {
        SoapEnvelope envelope = SoapEnvelope.of(xml("<s:Envelope " + NS + "><s:Header><wsse:Security id=\"AAABcUSVr0hCh7tm8QcFy1NPU0k=\"/>"
                + "</s:Header><s:Body><rst/></s:Body></s:Envelope>"));

        assertEquals(Optional.of("AAABcUSVr0hCh7tm8QcFy1NPU0k="), envelope.messageId());
        assertEquals("rst", envelope.request().getLocalName());
    }

    @Test
    void ofWhenOioRequestThenMessageIdIsWsAddressingMessageId() throws Exception {
        SoapEnvelope envelope = SoapEnvelope.of(xml("<s:Envelope " + NS + "><s:Header><wsa:MessageID>urn:uuid:1</wsa:MessageID>"
                + "<wsse:Security/></s:Header><s:Body><rst/></s:Body></s:Envelope>"));

        assertEquals(Optional.of("urn:uuid:1"), envelope.messageId());
    }

    @Test
    void ofWhenNotSoapThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> SoapEnvelope.of(xml("<Envelope><Body/></Envelope>")));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals(SoapEnvelope.NOT_AN_ENVELOPE, fault.getMessage());
    }

    @Test
    void ofWhenSoap12ThenInvalidRequestAskingForSoap11() {
        StsFault fault = assertThrows(StsFault.class, () -> SoapEnvelope.of(xml(
                "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body/></e:Envelope>")));

        assertEquals(SoapEnvelope.SOAP12_NOT_SUPPORTED, fault.getMessage());
    }

    @Test
    void ofWhenNoBodyThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> SoapEnvelope.of(xml("<s:Envelope " + NS + "><s:Header/></s:Envelope>")));

        assertEquals(SoapEnvelope.NO_BODY, fault.getMessage());
    }

    @Test
    void securityWhenTwoSecurityHeadersThenInvalidRequest() throws Exception {
        SoapEnvelope envelope = SoapEnvelope.of(xml("<s:Envelope " + NS + "><s:Header><wsse:Security/><wsse:Security/>"
                + "</s:Header><s:Body><rst/></s:Body></s:Envelope>"));

        StsFault fault = assertThrows(StsFault.class, envelope::security);
        assertEquals(SoapEnvelope.DUPLICATE_SECURITY, fault.getMessage());
    }

    @Test
    void requestWhenBodyHoldsTwoElementsThenInvalidRequest() throws Exception {
        SoapEnvelope envelope = SoapEnvelope.of(xml("<s:Envelope " + NS + "><s:Body><a/><b/></s:Body></s:Envelope>"));

        StsFault fault = assertThrows(StsFault.class, envelope::request);
        assertEquals(SoapEnvelope.EMPTY_BODY, fault.getMessage());
    }
}

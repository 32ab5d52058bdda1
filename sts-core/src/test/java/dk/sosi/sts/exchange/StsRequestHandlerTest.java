package dk.sosi.sts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.FaultMapper;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.DgwsEnvelopeWriter;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.OioEnvelopeWriter;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class StsRequestHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30.456Z"), ZoneOffset.UTC);
    private static final String DGWS_REQUEST = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:wsse=\"" + Namespaces.WSSE + "\"><s:Header><wsse:Security id=\"m1\"/></s:Header>"
            + "<s:Body><rst/></s:Body></s:Envelope>";
    private static final String OIO_REQUEST = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:wsa=\"" + Namespaces.WSA + "\"><s:Header><wsa:MessageID>urn:uuid:m2</wsa:MessageID></s:Header>"
            + "<s:Body><rst Context=\"urn:uuid:c1\"/></s:Body></s:Envelope>";

    private final ServiceInfoCollector requests = new ServiceInfoCollector(24, CLOCK);

    /** A handler whose every endpoint runs {@code exchange}. */
    private StsRequestHandler handler(Exchange exchange) {
        Map<StsEndpoint, Exchange> exchanges = new EnumMap<>(StsEndpoint.class);
        for (StsEndpoint each : StsEndpoint.values()) {
            exchanges.put(each, exchange);
        }
        return handler(exchanges);
    }

    private StsRequestHandler handler(Map<StsEndpoint, Exchange> exchanges) {
        IssuedCredential sts = TestSigningKeys.other();
        StsCredential credential = new StsCredential(sts.privateKey(), List.of(sts.certificate()));
        return new StsRequestHandler(exchanges,
                Map.of(StsEndpoint.Family.DGWS, new DgwsEnvelopeWriter("SOSI-STS", ZoneOffset.UTC, CLOCK),
                        StsEndpoint.Family.OIO, new OioEnvelopeWriter(new XmlSigner(SignatureAlgorithm.RSA_SHA256,
                                SlaLog.NONE), credential, CLOCK)),
                new FaultMapper(), new SlaLog(CLOCK), requests, RequestListener.NONE, CLOCK);
    }

    private static Document parse(String xml) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String namespace, String name) {
        return doc.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    private static IssuedToken token(String name) {
        Document document = SecureXml.newDocument();
        Element token = document.createElementNS("urn:test", "t:" + name);
        document.appendChild(token);
        return new IssuedToken(token, Optional.of("https://sp.example/"), Instant.parse("2026-11-23T10:10:30Z"),
                Instant.parse("2026-11-23T11:10:30Z"), Optional.empty());
    }

    @Test
    void handleWhenDgwsExchangeIssuesThenTokenInDgwsAnswerEchoingTheSecurityIdAndCountedAsSuccess() throws Exception {
        StsResponse response = handler(r -> {
            assertEquals("m1", r.context().messageId());
            assertEquals(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, r.context().endpoint());
            assertEquals("rst", r.envelope().request().getLocalName());
            return token("Card");
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, parse(DGWS_REQUEST));

        assertFalse(response.fault());
        Document answer = response.envelope();
        Element requested = (Element) answer.getElementsByTagNameNS(Namespaces.WST_2005_02, "RequestedSecurityToken").item(0);
        assertEquals("Card", requested.getFirstChild().getLocalName());
        assertEquals("m1", ((Element) answer.getElementsByTagNameNS(Namespaces.WSSE, "Security").item(0)).getAttribute("id"));
        assertEquals("SOSI-STS", text(answer, Namespaces.WSA_2004_08, "Address"));
        assertEquals(1, requests.window().calls());
        assertEquals(0, requests.window().failures());
    }

    @Test
    void handleWhenOioExchangeIssuesThenSignedOioAnswerRelatingToTheRequestWithContextAudienceAndLifetime() throws Exception {
        StsResponse response = handler(r -> {
            assertEquals(Optional.of("urn:uuid:m2"), r.context().addressing().messageId());
            return token("Assertion");
        }).handle(StsEndpoint.SOSI2OIOSAML, parse(OIO_REQUEST));

        assertFalse(response.fault());
        Document answer = response.envelope();
        assertEquals("urn:uuid:m2", text(answer, Namespaces.WSA, "RelatesTo"));
        assertEquals(OioEnvelopeWriter.ACTION_ISSUE, text(answer, Namespaces.WSA, "Action"));
        Element rstr = (Element) answer.getElementsByTagNameNS(Namespaces.WST_1_3, "RequestSecurityTokenResponse").item(0);
        assertEquals("urn:uuid:c1", rstr.getAttribute("Context"));
        assertEquals(OioEnvelopeWriter.TOKEN_TYPE, text(answer, Namespaces.WST_1_3, "TokenType"));
        assertEquals("https://sp.example/", text(answer, Namespaces.WSA, "Address"));
        assertEquals("2026-11-23T10:10:30Z", ((Element) answer.getElementsByTagNameNS(Namespaces.WST_1_3, "Lifetime").item(0))
                .getElementsByTagNameNS(Namespaces.WSU, "Created").item(0).getTextContent());
        assertEquals(5, answer.getElementsByTagNameNS(Namespaces.DS, "Reference").getLength());
    }

    @Test
    void handleWhenExchangeRefusesThenFaultWithCodeTextActorAndEchoedId() throws Exception {
        StsResponse response = handler(r -> {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, "Authentication failed: authorization not found",
                    FaultCode.AUTHORIZATION_ACTOR);
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, parse(DGWS_REQUEST));

        assertTrue(response.fault());
        Document fault = response.envelope();
        assertEquals("wst:FailedAuthentication", text(fault, null, "faultcode"));
        assertEquals("Authentication failed: authorization not found", text(fault, null, "faultstring"));
        assertEquals("dk:sosi:sts:autorisation", text(fault, null, "faultactor"));
        assertEquals(Namespaces.WST_2005_02, fault.getDocumentElement().getAttribute("xmlns:wst"));
        Element security = (Element) fault.getElementsByTagNameNS(Namespaces.WSSE, "Security").item(0);
        assertEquals("m1", security.getAttribute("id"));
        assertEquals("2026-11-23T10:15:30Z", text(fault, Namespaces.WSU, "Created"));
        assertEquals(0, fault.getElementsByTagNameNS(Namespaces.WSU, "Expires").getLength());
        assertEquals(1, requests.window().failures());
    }

    @Test
    void handleWhenOioExchangeRefusesThenUnsignedOioFaultRelatingToTheRequestWithTheOioActor() throws Exception {
        StsResponse response = handler(r -> {
            throw new StsFault(FaultCode.INVALID_SCOPE, "Audience not configured: x");
        }).handle(StsEndpoint.SOSI2OIOSAML, parse(OIO_REQUEST));

        Document fault = response.envelope();
        assertEquals("wst:InvalidScope", text(fault, null, "faultcode"));
        assertEquals(OioEnvelopeWriter.ACTOR, text(fault, null, "faultactor"));
        assertEquals("urn:uuid:m2", text(fault, Namespaces.WSA, "RelatesTo"));
        assertEquals(Namespaces.WST_1_3, fault.getDocumentElement().getAttribute("xmlns:wst"));
        assertEquals(0, fault.getElementsByTagNameNS(Namespaces.DS, "Signature").getLength());
    }

    @Test
    void handleWhenExchangeFailsWithBugThenRequestFailedWithReferenceAndNoStackTrace() throws Exception {
        StsResponse response = handler(r -> {
            throw new IllegalStateException("secret internal detail");
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, parse(DGWS_REQUEST));

        String faultstring = text(response.envelope(), null, "faultstring");
        assertEquals("wst:RequestFailed", text(response.envelope(), null, "faultcode"));
        assertTrue(faultstring.startsWith("The STS could not process the request; reference "), faultstring);
        assertFalse(faultstring.contains("secret"));
    }

    @Test
    void handleWhenConfigurationUnavailableThenRequestFailedSayingTryAgain() throws Exception {
        StsResponse response = handler(r -> {
            throw new ConfigurationUnavailableException("down");
        }).handle(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, parse(DGWS_REQUEST));

        assertEquals(ConfigurationUnavailableException.CALLER_MESSAGE, text(response.envelope(), null, "faultstring"));
    }

    @Test
    void constructWhenAnEndpointHasNoExchangeThenRefusedNamingIt() {
        Map<StsEndpoint, Exchange> exchanges = new EnumMap<>(StsEndpoint.class);
        for (StsEndpoint endpoint : StsEndpoint.values()) {
            exchanges.put(endpoint, r -> null);
        }
        exchanges.remove(StsEndpoint.BST2SOSI);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> handler(exchanges));

        assertEquals("No exchange for BST2SOSI", refused.getMessage());
    }
}

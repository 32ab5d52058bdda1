package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed HTTP-level input, as a scanner or a broken client sends it: each gets a precise SOAP fault
 * or a plain HTTP 4xx, never a stack trace in the answer, and at most one log line without a stack
 * trace. The endpoints' own refusals of bad SOAP are in {@link SoapPlumbingTest} and {@link HostileInputTest}.
 */
class MalformedHttpTest {

    private static final String ENDPOINT = "/sts/services/NewSecurityTokenService";
    private static StsTestServer sts;
    private static IssuedCredential system;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
    }

    private static String validRequest() {
        return DgwsClientFixture.systemRequest(system, "malformed-http");
    }

    /** The answer to {@code send}, checked for stack traces in it and in the log. */
    private static <T> T quietly(ThrowingSupplier<T> send) throws Exception {
        try (LogCapture log = new LogCapture()) {
            T answer = send.get();
            Thread.sleep(100); // a line logged after the answer was written
            String text = log.requestText();
            assertTrue(log.requestEvents().size() <= 1, text);
            assertFalse(text.contains("stack trace"), text);
            assertFalse(answer.toString().contains("Exception") || answer.toString().contains("\tat ")
                    || answer.toString().contains("dk.sosi.sts."), answer.toString());
            return answer;
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(String request) throws IOException {
        URI base = sts.uri("");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void postWhenCharsetIsUnknownThen415AndFaultNamingTheCharset() throws Exception {
        HttpResponse<String> response = quietly(() -> send(HttpRequest.newBuilder(sts.uri("/services/NewSecurityTokenService"))
                .header("Content-Type", "text/xml; charset=bogus").POST(HttpRequest.BodyPublishers.ofString(validRequest()))));

        assertEquals(415, response.statusCode());
        SoapFaults fault = SoapFaults.of(response);
        assertEquals("wst:InvalidRequest", fault.faultcode());
        assertEquals("The Content-Type names a charset the STS cannot read; send UTF-8", fault.faultstring());
    }

    @Test
    void postWhenCharsetIsQuotedThenTheCardIsIssued() throws Exception {
        HttpResponse<String> response = quietly(() -> send(HttpRequest.newBuilder(sts.uri("/services/NewSecurityTokenService"))
                .header("Content-Type", "text/xml; charset=\"UTF-8\"").POST(HttpRequest.BodyPublishers.ofString(validRequest()))));

        assertTrue(response.body().contains("RequestSecurityTokenResponse"), response.body());
    }

    @Test
    void getWhenWsdlQueryIsMalformedThenFaultAndNoStackTraceInTheLog() throws Exception {
        String answer = quietly(() -> raw("GET " + ENDPOINT + "?wsdl=%zz HTTP/1.1\r\nHost: sts\r\nConnection: close\r\n\r\n"));

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("<faultcode>wst:InvalidRequest</faultcode><faultstring>A GET to an STS endpoint serves only "
                + "its WSDL (?wsdl); send SOAP requests as an HTTP POST</faultstring>"), answer);
    }

    @Test
    void getWhenWsdlIsAskedForThenWsdl() throws Exception {
        HttpResponse<String> response = quietly(() -> sts.get("/services/NewSecurityTokenService?wsdl"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("definitions"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/WEB-INF/web.xml", "/services/../WEB-INF/web.xml", "/nothing-here"})
    void getWhenAddressIsNotAnStsPageThenPlain404WithoutListing(String path) throws Exception {
        HttpResponse<String> response = quietly(() -> sts.get(path));

        assertEquals(404, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), response.body());
        assertFalse(response.body().contains("Directory") || response.body().contains("<web-app"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/services/", "/services/Unknown", "/services/newsecuritytokenservice"})
    void postWhenNoEndpointHasThatNameThen404AndFaultListingTheEndpoints(String path) throws Exception {
        HttpResponse<String> response = quietly(() -> sts.post(path, validRequest(), "text/xml"));

        assertEquals(404, response.statusCode());
        assertTrue(SoapFaults.of(response).faultstring().startsWith("No STS endpoint at this address"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "OPTIONS", "PATCH", "FOO"})
    void requestWhenMethodIsNotPostThenFault(String method) throws Exception {
        HttpResponse<String> response = quietly(() -> send(HttpRequest.newBuilder(sts.uri("/services/NewSecurityTokenService"))
                .method(method, HttpRequest.BodyPublishers.ofString(validRequest()))));

        assertEquals("Send the SOAP request as an HTTP POST; this was " + method, SoapFaults.of(response).faultstring());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /sts/services/%zz HTTP/1.1\r\nHost: sts\r\nConnection: close\r\n\r\n",
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nContent-Length: abc\r\nConnection: close\r\n\r\n<a/>",
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nThis is no header\r\nConnection: close\r\n\r\n",
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n<a/>\r\n0\r\n\r\n",
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n<soapenv:Envelope",
        "\u0000\u0001\u0002 garbage\r\n\r\n",
    })
    void sendWhenHttpIsMalformedThenA4xxOrFaultAndNoStackTrace(String request) throws Exception {
        String answer = quietly(() -> raw(request));

        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n<a/>\r\n0\r\n\r\n",
        "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n<soapenv:Envelope",
    })
    void sendWhenBodyIsCutOrBadlyChunkedThen400AndFault(String request) throws Exception {
        String answer = quietly(() -> raw(request));

        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("<faultstring>The request body could not be read"), answer);
    }

    @Test
    void sendWhenHttpVersionIsUnknownThen505() throws Exception {
        String answer = quietly(() -> raw("POST " + ENDPOINT + " HTTP/7.0\r\nHost: sts\r\n\r\n"));

        assertTrue(answer.startsWith("HTTP/1.1 505"), answer);
    }

    @Test
    void sendWhenUriIsHugeThen414() throws Exception {
        String answer = quietly(() -> raw("GET /sts/services/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: sts\r\n\r\n"));

        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
    }

    @Test
    void sendWhenHeadersAreHugeThen431() throws Exception {
        String answer = quietly(() -> raw("POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nX-Big: " + "b".repeat(20_000)
                + "\r\n\r\n"));

        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }
}

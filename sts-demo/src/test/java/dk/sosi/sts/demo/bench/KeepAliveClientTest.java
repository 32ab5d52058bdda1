package dk.sosi.sts.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark counts errors from what this client reports, so it must read every answer right. */
class KeepAliveClientTest {

    private HttpServer server;
    private final Set<Object> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sts/services/NewSecurityTokenService", exchange -> {
            connections.add(exchange.getRemoteAddress());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = (body.contains("bad") ? "<soap:Fault>no</soap:Fault>" : "<wst:RequestSecurityTokenResponse/>")
                    .getBytes(StandardCharsets.UTF_8);
            if (body.contains("close")) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.sendResponseHeaders(body.contains("bad") ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sts/services/NewSecurityTokenService");
    }

    @Test
    void postWhenTokenThen200WithoutFaultOverOneConnection() throws Exception {
        try (KeepAliveClient client = new KeepAliveClient(endpoint())) {
            for (int i = 0; i < 5; i++) {
                KeepAliveClient.Answer answer = client.post("<ok/>".getBytes(StandardCharsets.UTF_8));
                assertEquals(200, answer.status());
                assertFalse(answer.fault());
            }
        }
        assertEquals(1, connections.size());
    }

    @Test
    void postWhenFaultThenStatusAndFaultReported() throws Exception {
        try (KeepAliveClient client = new KeepAliveClient(endpoint())) {
            KeepAliveClient.Answer answer = client.post("<bad/>".getBytes(StandardCharsets.UTF_8));

            assertEquals(500, answer.status());
            assertTrue(answer.fault());
        }
    }

    @Test
    void postWhenServerClosesTheConnectionThenNextRequestReconnects() throws Exception {
        try (KeepAliveClient client = new KeepAliveClient(endpoint())) {
            assertEquals(200, client.post("<close/>".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(200, client.post("<ok/>".getBytes(StandardCharsets.UTF_8)).status());
        }
        assertEquals(2, connections.size());
    }
}

package dk.sosi.sts.backend;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A backend as the client tests see it: one WireMock server on a free port, started on first use and
 * shared by every test class of the JVM (stubs are cleared with {@link #reset()} before each test).
 */
public final class BackendStub {

    /** The request timeout of the clients under test. */
    public static final Duration TIMEOUT = Duration.ofMillis(500);

    private static WireMockServer server;

    private BackendStub() {
    }

    /** The shared server, as the last test left it. */
    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    /** Clears the stubs and recorded requests of the shared server. */
    public static void reset() {
        server().resetAll();
    }

    public static void stub(MappingBuilder mapping) {
        server().stubFor(mapping);
    }

    /** {@code http://127.0.0.1:<port><path>} of the shared server. */
    public static URI endpoint(String path) {
        return URI.create("http://127.0.0.1:" + server().port() + path);
    }

    /** An endpoint where nothing listens: a connection there is refused. */
    public static URI refusedEndpoint(String path) {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP client as sts-config builds one: HTTP/1.1, a short connect timeout, no redirects. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}

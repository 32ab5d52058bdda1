package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers that send slowly over raw sockets hold connections, never the threads that issue tokens:
 * while hundreds of them trickle, other callers get their id-cards in normal time; a body trickler is
 * refused with 408 once it falls below the minimum data rate or the arrival timeout, and a header
 * trickler's connection is closed at the launcher's header deadline.
 */
class SlowClientTest {

    private static final String ENDPOINT = "/sts/services/NewSecurityTokenService";
    private static StsTestServer sts;
    private static IssuedCredential system;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
    }

    @Test
    void postWhenThreeHundredCallersTrickleBodiesAndHeadersThenOthersGetCardsAndTricklersGet408() throws Exception {
        URI base = sts.uri("");
        List<Socket> bodies = new ArrayList<>();
        List<Socket> headers = new ArrayList<>();
        Instant opened = Instant.now();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 300; i++) {
                bodies.add(open(base, "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nContent-Type: text/xml\r\n"
                        + "Content-Length: 10000\r\n\r\n<"));
                headers.add(open(base, "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nX-Slow: a"));
            }
            // one more body byte after 5 s, too slow for 1024 bytes/s (a later one could reset the closed connection
            // before its 408 is read); header bytes every 5 s throughout
            trickle.schedule(() -> bodies.forEach(socket -> send(socket, "s")), 5, TimeUnit.SECONDS);
            trickle.scheduleAtFixedRate(() -> headers.forEach(socket -> send(socket, "a")), 5, 5, TimeUnit.SECONDS);

            for (int i = 0; i < 20; i++) {
                Instant sent = Instant.now();
                HttpResponse<String> response = sts.post("/services/NewSecurityTokenService", DgwsClientFixture.systemRequest(system, "during-trickle-" + i),
                        "text/xml; charset=utf-8");
                assertTrue(response.body().contains("RequestSecurityTokenResponse"), response.body());
                assertTrue(Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0,
                        "a valid request waited " + Duration.between(sent, Instant.now()));
                Thread.sleep(300);
            }

            for (Socket socket : bodies) {
                String answer = readAnswer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("The request arrived slower than the 1024 bytes per second the STS accepts"), answer);
            }
            for (Socket socket : headers) {
                assertTrue(closedByServer(socket), "headers not complete within 10 s: the connection is closed");
            }
            assertTrue(Duration.between(opened, Instant.now()).compareTo(Duration.ofSeconds(25)) < 0,
                    "closed by the header deadline, not the 30-second idle timeout that each trickled byte resets");
        } finally {
            trickle.shutdownNow();
            for (Socket socket : bodies) {
                socket.close();
            }
            for (Socket socket : headers) {
                socket.close();
            }
        }
    }

    @Test
    void postWhenBodyKeepsComingButNotWithinTheArrivalTimeoutThen408(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        Files.writeString(services, Files.readString(services)
                .replace("<constructor-arg value=\"30000\"/>", "<constructor-arg value=\"2000\"/>")
                .replace("<constructor-arg value=\"1024\"/>", "<constructor-arg value=\"0\"/>"));
        try (StsServer strict = StsTestServer.startAnother(folder)) {
            Socket socket = open(strict.baseUri(), "POST " + ENDPOINT + " HTTP/1.1\r\nHost: sts\r\nContent-Type: text/xml\r\n"
                    + "Content-Length: 10000\r\n\r\n<");
            Instant opened = Instant.now();
            while (Duration.between(opened, Instant.now()).toMillis() < 3000 && send(socket, "s")) {
                Thread.sleep(100);
            }

            String answer = readAnswer(socket);

            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("The request did not arrive completely within 2 seconds"), answer);
            assertTrue(answer.contains("<faultcode>wst:InvalidRequest</faultcode>"), answer);
            socket.close();
        }
    }

    private static Socket open(URI base, String start) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** False once the server has closed the connection. */
    private static boolean send(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True once the server has closed the connection, whatever it wrote first; false if it stays open for the socket's timeout. */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.getInputStream().readAllBytes();
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** What the server wrote before closing the connection. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}

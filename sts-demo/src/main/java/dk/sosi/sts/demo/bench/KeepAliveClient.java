package dk.sosi.sts.demo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * Not thread-safe; one per load thread. Posts SOAP requests over one persistent HTTP/1.1 connection,
 * as a load generator like wrk does. The JDK's HttpClient costs about as much CPU per request as the
 * server's whole HTTP handling, and the load generator shares the machine with the STS, so every
 * millisecond it spends is one the STS cannot use.
 */
final class KeepAliveClient implements AutoCloseable {

    /** Immutable. One answer: its HTTP status and whether its body is a SOAP fault. */
    record Answer(int status, boolean fault) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final byte[] FAULT = ":Fault>".getBytes(StandardCharsets.US_ASCII);

    private final URI endpoint;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(URI endpoint) {
        this.endpoint = endpoint;
        String path = endpoint.getRawPath() + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + port(endpoint)
                + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"\"\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts {@code body}; reconnects once if the server closed the idle connection. */
    Answer post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return exchange(body);
        } catch (IOException closed) {
            close();
            connect();
            return exchange(body);
        }
    }

    private Answer exchange(byte[] body) throws IOException {
        out.write(head);
        out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("The STS answered without Content-Length (" + header + ")");
            }
        }
        byte[] answer = length < 0 ? in.readAllBytes() : in.readNBytes(length);
        if (close || length < 0) {
            close();
        }
        return new Answer(status, contains(answer, FAULT));
    }

    private void connect() throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        plain.connect(new InetSocketAddress(endpoint.getHost(), port(endpoint)), TIMEOUT_MILLIS);
        socket = "https".equals(endpoint.getScheme())
                ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, endpoint.getHost(), port(endpoint), true)
                : plain;
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = new BufferedOutputStream(socket.getOutputStream(), 16384);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The STS closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use
            }
            socket = null;
        }
    }
}

package dk.sosi.sts.demo.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** Embedded Jetty serving the STS web application at {@code /sts}, from the built WAR or its exploded folder. */
public final class StsServer implements AutoCloseable {

    private final Server server;

    private StsServer(Server server) {
        this.server = server;
    }

    /** {@link #start(Path, String, int, ConnectionLimits, ContextHandler...)} with the {@link ConnectionLimits#DEFAULTS}. */
    public static StsServer start(Path webapp, String host, int port, ContextHandler... besides) throws Exception {
        return start(webapp, host, port, ConnectionLimits.DEFAULTS, besides);
    }

    /**
     * Starts Jetty on {@code host:port} (port 0 picks a free one) with the web application at
     * {@code webapp}: the built {@code sts.war}, or the exploded folder the build makes beside it (with its
     * own {@code WEB-INF/classes} and {@code WEB-INF/lib}, loaded apart from this JVM's class path);
     * {@code besides} are served next to it (the demo backends).
     * Request headers are read without a thread; a connection that sends nothing for the idle timeout,
     * or not its request's headers within the header timeout, is closed. Request bodies are bounded by
     * the STS's own request limits. Throws when the STS itself fails to start.
     */
    public static StsServer start(Path webapp, String host, int port, ConnectionLimits limits, ContextHandler... besides)
            throws Exception {
        Objects.requireNonNull(webapp, "webapp");
        if (!Files.exists(webapp)) {
            throw new IllegalArgumentException("No web application at " + webapp + "; build it with mvn package");
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        WebAppContext context = new WebAppContext();
        context.setContextPath("/sts");
        context.setWar(webapp.toAbsolutePath().toString());
        if (!Files.isDirectory(webapp)) {
            context.setTempDirectory(Files.createTempDirectory("sts-war").toFile());
        }
        context.setThrowUnavailableOnStartupException(true);
        ContextHandlerCollection contexts = new ContextHandlerCollection(besides);
        contexts.addHandler(context);
        RequestHeaderDeadline headerDeadline = new RequestHeaderDeadline(limits.requestHeaderTimeout(), contexts);
        connector.addBean(headerDeadline); // told of every connection
        server.setHandler(headerDeadline);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new StsServer(server);
    }

    /** The base URL of the STS, e.g. {@code http://127.0.0.1:8080/sts}. */
    public URI baseUri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null || "0.0.0.0".equals(connector.getHost()) ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/sts");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

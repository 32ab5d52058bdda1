package dk.sosi.sts.demo.launcher;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Immutable. How long Jetty keeps a connection that sends too little: {@code idleTimeout} silent, or
 * {@code requestHeaderTimeout} before a request's headers are complete. Request bodies are bounded by
 * the STS itself (services.xml), on any server.
 *
 * @param idleTimeout          setting {@value #IDLE_TIMEOUT} (milliseconds, default 30000)
 * @param requestHeaderTimeout setting {@value #REQUEST_HEADER_TIMEOUT} (milliseconds, default 10000)
 */
public record ConnectionLimits(Duration idleTimeout, Duration requestHeaderTimeout) {

    public static final String IDLE_TIMEOUT = "sts.http.idleTimeoutMillis";
    public static final String REQUEST_HEADER_TIMEOUT = "sts.http.requestHeaderTimeoutMillis";
    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(30), Duration.ofSeconds(10));

    public ConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestHeaderTimeout, "requestHeaderTimeout");
        if (idleTimeout.toMillis() < 1000 || requestHeaderTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException(IDLE_TIMEOUT + " and " + REQUEST_HEADER_TIMEOUT + " must be at least 1000");
        }
    }

    /** The limits the settings name, the defaults for those left out. */
    public static ConnectionLimits from(UnaryOperator<String> settings) {
        return new ConnectionLimits(millis(settings, IDLE_TIMEOUT, DEFAULTS.idleTimeout),
                millis(settings, REQUEST_HEADER_TIMEOUT, DEFAULTS.requestHeaderTimeout));
    }

    private static Duration millis(UnaryOperator<String> settings, String key, Duration fallback) {
        String value = settings.apply(key);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value.trim()));
    }
}

package dk.sosi.sts.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable. How much, and how slowly, a caller may send to a SOAP endpoint before the STS refuses
 * the request, from the beans {@code maxRequestSizeBytes}, {@code requestArrivalTimeoutMillis} and
 * {@code minRequestDataRate} of services.xml. A request body is read without holding a server thread,
 * so a slow sender costs a connection, and these limits bound how long it keeps even that.
 *
 * @param maxRequestSizeBytes the largest body read; a larger one gets HTTP 413
 * @param arrivalTimeout      the longest a body may take to arrive completely; after it, HTTP 408
 * @param minDataRate         bytes per second a body must arrive at once {@link #GRACE} has passed
 *                            (0: no minimum); a slower one gets HTTP 408
 */
public record RequestLimits(long maxRequestSizeBytes, Duration arrivalTimeout, long minDataRate) {

    /** How long a body may arrive at any rate before {@code minDataRate} applies: a connection's first round trips. */
    public static final Duration GRACE = Duration.ofSeconds(2);

    public static final long DEFAULT_MAX_REQUEST_SIZE_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_ARRIVAL_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MIN_DATA_RATE = 1024;

    public RequestLimits {
        Objects.requireNonNull(arrivalTimeout, "arrivalTimeout");
        if (maxRequestSizeBytes < 1024) {
            throw new IllegalArgumentException(BeanNames.MAX_REQUEST_SIZE_BYTES + " must be at least 1024, was " + maxRequestSizeBytes);
        }
        if (arrivalTimeout.compareTo(Duration.ofSeconds(1)) < 0 || arrivalTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(BeanNames.REQUEST_ARRIVAL_TIMEOUT_MILLIS + " must be between 1000 and 600000, was "
                    + arrivalTimeout.toMillis());
        }
        if (minDataRate < 0) {
            throw new IllegalArgumentException(BeanNames.MIN_REQUEST_DATA_RATE + " must not be negative, was " + minDataRate);
        }
    }

    /** True when {@code received} bytes after {@code elapsed} are fewer than the minimum rate demands. */
    public boolean tooSlow(long received, Duration elapsed) {
        if (minDataRate == 0 || elapsed.compareTo(GRACE) <= 0) {
            return false;
        }
        long demanded = minDataRate * elapsed.minus(GRACE).toMillis() / 1000;
        return received < demanded;
    }
}

package dk.sosi.sts.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable. How the CRL fetcher works (bean {@code crlFetcher} in services.xml).
 *
 * @param refreshInterval how often every source is downloaded; a round with a failed download is
 *     followed sooner, after {@link CrlFetcher#RETRY_AFTER_FAILURE} at the most
 * @param connectTimeout  the longest wait for a connection to a source
 * @param requestTimeout  the longest wait for a complete CRL, connecting included
 */
public record CrlFetcherSettings(Duration refreshInterval, Duration connectTimeout, Duration requestTimeout) {

    public CrlFetcherSettings {
        positive(refreshInterval, "refreshInterval");
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}

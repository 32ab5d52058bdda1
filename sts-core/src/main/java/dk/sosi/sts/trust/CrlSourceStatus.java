package dk.sosi.sts.trust;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. How the downloads from one CRL source have gone: when one last succeeded, when one last
 * failed, and why the latest one failed, if it did.
 *
 * @param failure why the latest download failed; empty when it succeeded (or none was made yet)
 */
public record CrlSourceStatus(String url, Optional<Instant> latestSuccess, Optional<Instant> latestFailure,
        Optional<String> failure) {

    public CrlSourceStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(latestSuccess, "latestSuccess");
        Objects.requireNonNull(latestFailure, "latestFailure");
        Objects.requireNonNull(failure, "failure");
        if (failure.isPresent() && latestFailure.isEmpty()) {
            throw new IllegalArgumentException("A failure needs the time it happened");
        }
    }

    /** A source nothing was downloaded from yet. */
    public static CrlSourceStatus untried(String url) {
        return new CrlSourceStatus(url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when the latest download from this source failed: {@link #failure()} says why. */
    public boolean failing() {
        return failure.isPresent();
    }

    CrlSourceStatus succeeded(Instant at) {
        return new CrlSourceStatus(url, Optional.of(at), latestFailure, Optional.empty());
    }

    CrlSourceStatus failed(Instant at, String why) {
        return new CrlSourceStatus(url, latestSuccess, Optional.of(at), Optional.of(why));
    }
}

package dk.sosi.sts.configuration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. How the last reloads of the database configuration went, for {@code /sts/status}.
 *
 * @param lastSuccessfulReload when a snapshot was last read; empty if never
 * @param lastFailureCause why the last failed reload failed; empty if none failed since start
 * @param lastFailure when a reload last failed; empty if none failed since start
 */
public record ReloadStatus(
        Optional<Instant> lastSuccessfulReload,
        Optional<String> lastFailureCause,
        Optional<Instant> lastFailure) {

    private static final ReloadStatus NEVER_RELOADED =
            new ReloadStatus(Optional.empty(), Optional.empty(), Optional.empty());

    public ReloadStatus {
        Objects.requireNonNull(lastSuccessfulReload, "lastSuccessfulReload");
        Objects.requireNonNull(lastFailureCause, "lastFailureCause");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    /** The status before the first attempt. */
    public static ReloadStatus neverReloaded() {
        return NEVER_RELOADED;
    }

    /** This status after a reload that succeeded at {@code at}; the last failure is kept for the record. */
    public ReloadStatus succeeded(Instant at) {
        return new ReloadStatus(Optional.of(at), lastFailureCause, lastFailure);
    }

    /** This status after a reload that failed at {@code at} because of {@code cause}. */
    public ReloadStatus failed(Instant at, String cause) {
        return new ReloadStatus(lastSuccessfulReload, Optional.of(cause), Optional.of(at));
    }

    /** Whether the most recent attempt failed. */
    public boolean failing() {
        return lastFailure.isPresent()
                && (lastSuccessfulReload.isEmpty() || lastFailure.get().isAfter(lastSuccessfulReload.get()));
    }
}

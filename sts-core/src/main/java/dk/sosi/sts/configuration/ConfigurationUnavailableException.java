package dk.sosi.sts.configuration;

import dk.sosi.sts.fault.DependencyUnavailable;

/**
 * Thrown by {@link StsConfiguration#current()} while no configuration has been read since start.
 * It is the STS's own failure, not the caller's: fault mapping turns it into
 * {@code wst:RequestFailed}.
 */
public final class ConfigurationUnavailableException extends RuntimeException implements DependencyUnavailable {

    private static final long serialVersionUID = 1L;

    /** What the caller reads. */
    public static final String CALLER_MESSAGE = "The STS configuration database is unavailable; try again later";

    static final String MESSAGE =
            "The STS database is unreachable and no configuration has been loaded yet";

    /**
     * @param lastFailureCause why the last attempt to read the configuration failed, or {@code null}
     *     when no attempt has finished yet
     */
    public ConfigurationUnavailableException(String lastFailureCause) {
        super(lastFailureCause == null ? MESSAGE : MESSAGE + ": " + lastFailureCause);
    }

    @Override
    public String callerMessage() {
        return CALLER_MESSAGE;
    }
}

package dk.sosi.sts.configuration;

/**
 * Thrown by {@link StsConfiguration#current()} while no configuration has been read since start.
 * It is the STS's own failure, not the caller's: fault mapping turns it into
 * {@code wst:RequestFailed}.
 */
public final class ConfigurationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE =
            "The STS database is unreachable and no configuration has been loaded yet";

    /**
     * @param lastFailureCause why the last attempt to read the configuration failed, or {@code null}
     *     when no attempt has finished yet
     */
    public ConfigurationUnavailableException(String lastFailureCause) {
        super(lastFailureCause == null ? MESSAGE : MESSAGE + ": " + lastFailureCause);
    }
}

package dk.sosi.sts.configuration;

/**
 * Thread-safe. The STS's database configuration as the exchanges see it: the latest snapshot that
 * could be read. Admins change the tables with plain SQL; the changes show up here within the
 * refresh interval, without a restart.
 */
public interface StsConfiguration {

    /**
     * The latest snapshot read from the database; the same object until the next successful reload.
     *
     * @throws ConfigurationUnavailableException when no snapshot has been read since start, typically
     *     because the database has been unreachable the whole time
     */
    ConfigurationSnapshot current();

    /** When the configuration was last read, and why the last attempt failed, if it did. */
    ReloadStatus status();
}

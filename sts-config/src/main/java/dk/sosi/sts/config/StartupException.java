package dk.sosi.sts.config;

/** The STS cannot start: a configuration file, keystore, setting or the schema is wrong. The message says which and how. */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

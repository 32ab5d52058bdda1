package dk.sosi.sts.db;

/** The STS databases could not be brought to the schema this version expects; the STS must not start. */
public final class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

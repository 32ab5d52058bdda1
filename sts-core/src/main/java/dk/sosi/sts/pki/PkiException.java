package dk.sosi.sts.pki;

/**
 * Immutable. A keystore could not be read as one (format, JCA support); the message names the file
 * and the cause holds the JCA exception.
 */
public final class PkiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }

    public PkiException(String message) {
        super(message);
    }
}

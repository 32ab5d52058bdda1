package dk.sosi.sts.pki;

/**
 * Immutable. A cryptographic operation of the test PKI failed (key generation, signing, keystore
 * format); the message names what was being done and the cause holds the JCA exception.
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

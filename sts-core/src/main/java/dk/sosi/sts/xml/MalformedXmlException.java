package dk.sosi.sts.xml;

/** The bytes are not XML the STS accepts: not well-formed, a DOCTYPE, or nested too deeply. */
public final class MalformedXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dk.sosi.sts.xmldsig;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Immutable and thread-safe. Verifies the enveloped XML signature of a DGWS id-card (protocol.md 3.6):
 * the {@link SignatureVerifier}'s enveloped mode with the id-card's wording, one Reference to the card's
 * own {@code id} (or {@code ID}), RSA keys of at least {@link SignaturePolicy#MIN_RSA_KEY_BITS} bits (or the
 * configured minimum) and a sane exponent, the signer's trust decided by the caller's {@link SignerCheck}
 * before anything is computed.
 */
public final class EnvelopedSignatureVerifier {

    /** The shortest RSA modulus accepted unless the constructor is told otherwise. */
    public static final int MIN_RSA_KEY_BITS = SignaturePolicy.MIN_RSA_KEY_BITS;
    /** The longest RSA public exponent accepted. */
    public static final int MAX_RSA_EXPONENT_BITS = SignaturePolicy.MAX_RSA_EXPONENT_BITS;

    private static final String SUBJECT = "id-card";

    static final String NOT_SIGNED = worded(SignatureVerifier.NOT_SIGNED);
    static final String MORE_THAN_ONE_SIGNATURE = worded(SignatureVerifier.MORE_THAN_ONE_SIGNATURE);
    static final String INVALID = worded(SignatureVerifier.INVALID);
    /** Algorithm URI. */
    static final String ALGORITHM_NOT_ACCEPTED = worded(SignatureVerifier.ALGORITHM_NOT_ACCEPTED);
    /** Algorithm URI. */
    static final String TRANSFORM_NOT_ACCEPTED = worded(SignatureVerifier.TRANSFORM_NOT_ACCEPTED);
    static final String TOO_MANY_TRANSFORMS = worded(SignatureVerifier.TOO_MANY_TRANSFORMS);
    /** Attribute name. */
    static final String NO_ID = worded(SignatureVerifier.NO_ID);
    /** Id value. */
    static final String DUPLICATE_ID = worded(SignatureVerifier.DUPLICATE_ID);
    static final String MALFORMED = worded(SignatureVerifier.MALFORMED);
    static final String MALFORMED_SIGNED_INFO = worded(SignatureVerifier.MALFORMED_SIGNED_INFO);
    static final String REFERENCE_COUNT = worded(SignatureVerifier.REFERENCE_COUNT);
    /** Id value. */
    static final String WRONG_REFERENCE = worded(worded(SignatureVerifier.WRONG_REFERENCE));
    static final String CERTIFICATE_COUNT = worded(SignatureVerifier.CERTIFICATE_COUNT);
    static final String UNREADABLE_CERTIFICATE = worded(SignatureVerifier.UNREADABLE_CERTIFICATE);
    static final String NOT_RSA = worded(SignatureVerifier.NOT_RSA);
    /** Actual bits, required bits. */
    static final String KEY_TOO_SHORT = worded(SignatureVerifier.KEY_TOO_SHORT);
    /** Actual bits, allowed bits. */
    static final String EXPONENT_NOT_ACCEPTED = worded(SignatureVerifier.EXPONENT_NOT_ACCEPTED);

    private final SignatureVerifier verifier;

    /** Accepts {@code accepted}, with RSA keys of at least {@link #MIN_RSA_KEY_BITS} bits. */
    public EnvelopedSignatureVerifier(Set<SignatureAlgorithm> accepted) {
        this(accepted, MIN_RSA_KEY_BITS);
    }

    /**
     * @param accepted      signature and digest methods accepted; at least one
     * @param minRsaKeyBits the shortest RSA modulus accepted; at least 1024
     */
    public EnvelopedSignatureVerifier(Set<SignatureAlgorithm> accepted, int minRsaKeyBits) {
        Objects.requireNonNull(accepted, "accepted");
        this.verifier = new SignatureVerifier(new SignaturePolicy(accepted, minRsaKeyBits, 1));
    }

    /**
     * Verifies the enveloped {@code ds:Signature} that is a direct child of {@code signedElement} and whose
     * single Reference points at {@code signedElement} through its attribute {@code idAttribute} ({@code id}
     * for DGWS cards, {@code ID} for Seal's message version 1.0_2); registers that attribute, and only that
     * one, as an XML ID. {@code signerCheck} is asked about the certificate after every cheap check and
     * before the signature is computed.
     *
     * @return the certificate from {@code KeyInfo/X509Data/X509Certificate} that verified the signature
     * @throws StsFault {@link FaultCode#FAILED_AUTHENTICATION} on any failure, or what {@code signerCheck} throws
     */
    public X509Certificate verify(Element signedElement, String idAttribute, SignerCheck signerCheck) {
        return verifier.verifyEnveloped(signedElement, idAttribute, SUBJECT, signerCheck).certificate();
    }

    /** A text of the kernel with its first {@code %s} (what was signed) filled in as the id-card. */
    private static String worded(String template) {
        return template.replaceFirst("%s", SUBJECT);
    }
}

package dk.sosi.sts.xmldsig;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable. What a verified signature may use: its signature and digest methods, its RSA key (modulus
 * at least {@code minRsaKeyBits}, public exponent odd and of at most {@link #MAX_RSA_EXPONENT_BITS} bits),
 * and at most {@code maxReferences} references. Canonicalisation and transforms are fixed by the
 * verifier's mode. There is no switch to turn any of it off.
 */
public record SignaturePolicy(Set<SignatureAlgorithm> algorithms, int minRsaKeyBits, int maxReferences) {

    /** The shortest RSA modulus accepted unless a policy says otherwise. */
    public static final int MIN_RSA_KEY_BITS = 2048;
    /** The longest RSA public exponent accepted; certificates use 65537 (17 bits). */
    public static final int MAX_RSA_EXPONENT_BITS = 32;
    /** A WS-Security message signature covers MessageID, Action, To, RelatesTo, Timestamp, Body and little more. */
    public static final int MAX_MESSAGE_REFERENCES = 10;

    public SignaturePolicy {
        Objects.requireNonNull(algorithms, "algorithms");
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one signature algorithm must be accepted");
        }
        algorithms = Set.copyOf(EnumSet.copyOf(algorithms));
        if (minRsaKeyBits < 1024) {
            throw new IllegalArgumentException("minRsaKeyBits must be at least 1024, was " + minRsaKeyBits);
        }
        if (maxReferences < 1 || maxReferences > 30) {
            throw new IllegalArgumentException("maxReferences must be between 1 and 30, was " + maxReferences);
        }
    }

    /** A token's enveloped signature: one reference, RSA keys of at least 2048 bits. */
    public static SignaturePolicy enveloped(Set<SignatureAlgorithm> algorithms) {
        return new SignaturePolicy(algorithms, MIN_RSA_KEY_BITS, 1);
    }

    /** A message signature: up to {@link #MAX_MESSAGE_REFERENCES} references, RSA keys of at least 2048 bits. */
    public static SignaturePolicy message(Set<SignatureAlgorithm> algorithms) {
        return new SignaturePolicy(algorithms, MIN_RSA_KEY_BITS, MAX_MESSAGE_REFERENCES);
    }
}

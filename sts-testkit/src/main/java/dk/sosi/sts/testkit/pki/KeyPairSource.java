package dk.sosi.sts.testkit.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * Thread-safe. Where the RSA key pairs of new certificates come from.
 *
 * <p>An RSA-2048 key costs 0.5–1.5 s on a small machine, so test suites share a
 * {@link #recycling(int) recycling} source instead of paying that for every certificate.
 */
@FunctionalInterface
public interface KeyPairSource {

    /** An RSA key pair whose modulus is {@code keySize} bits. */
    KeyPair rsa(int keySize);

    /** A new, never reused key pair per call: what real certificates need. */
    static KeyPairSource fresh() {
        return keySize -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(keySize);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK offers no RSA key pair generator", e);
            }
        };
    }

    /**
     * Key pairs from {@code generator}, already initialised by the caller (size, random source);
     * calls are serialised because a {@code KeyPairGenerator} is not thread-safe. Asking for
     * another size than the generator makes is refused rather than silently ignored.
     */
    static KeyPairSource shared(KeyPairGenerator generator) {
        Objects.requireNonNull(generator, "generator");
        return keySize -> {
            KeyPair keyPair;
            synchronized (generator) {
                keyPair = generator.generateKeyPair();
            }
            int actual = ((RSAPublicKey) keyPair.getPublic()).getModulus().bitLength();
            if (actual != keySize) {
                throw new IllegalArgumentException(
                        "the shared generator makes " + actual + "-bit keys, but " + keySize + " bits were asked for");
            }
            return keyPair;
        };
    }

    /**
     * For tests: makes at most {@code distinctKeysPerSize} fresh key pairs per key size, then hands
     * them out again in turn. Certificates then share keys, which is fine wherever a test does not
     * depend on two keys being different.
     */
    static KeyPairSource recycling(int distinctKeysPerSize) {
        return new RecyclingKeyPairSource(fresh(), distinctKeysPerSize);
    }
}

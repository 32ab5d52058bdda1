package dk.sosi.sts.xmlenc;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The XML-Enc block ciphers the STS encrypts assertions with and accepts in encrypted ones:
 * AES only (3DES, AES-192 and every non-AES cipher are refused unread). CBC has no integrity of its own;
 * GCM is preferred wherever the receiver can read it.
 */
public enum ContentEncryption {
    /** What the deployed clients decrypt (exchanges.md 2.8 S3) and the default. */
    AES128_CBC("aes128-cbc", "http://www.w3.org/2001/04/xmlenc#aes128-cbc", 16, Mode.CBC),
    /** Accepted because ADFS-style IdPs encrypt bootstrap tokens with it; selectable for symmetry. */
    AES256_CBC("aes256-cbc", "http://www.w3.org/2001/04/xmlenc#aes256-cbc", 32, Mode.CBC),
    AES128_GCM("aes128-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm", 16, Mode.GCM),
    AES256_GCM("aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm", 32, Mode.GCM);

    /** Where the IV and, for GCM, the tag sit in a CipherValue (XML-Enc 1.1, 5.2). */
    private enum Mode {
        CBC(16, 16),
        GCM(12, 16);

        private final int ivBytes;
        private final int minCipherBytes;

        Mode(int ivBytes, int minCipherBytes) {
            this.ivBytes = ivBytes;
            this.minCipherBytes = minCipherBytes;
        }
    }

    private final String shortName;
    private final String uri;
    private final int keyBytes;
    private final Mode mode;

    ContentEncryption(String shortName, String uri, int keyBytes, Mode mode) {
        this.shortName = shortName;
        this.uri = uri;
        this.keyBytes = keyBytes;
        this.mode = mode;
    }

    /** The configuration name, e.g. {@code aes128-cbc}. */
    public String shortName() {
        return shortName;
    }

    /** The {@code EncryptionMethod} Algorithm URI. */
    public String uri() {
        return uri;
    }

    /** The length of the content key in bytes. */
    public int keyBytes() {
        return keyBytes;
    }

    /**
     * Whether a CipherValue of {@code length} bytes can have come from this cipher: the IV and at least one
     * block (CBC, whose blocks are whole) or the tag (GCM).
     */
    boolean fits(int length) {
        if (length < mode.ivBytes + mode.minCipherBytes) {
            return false;
        }
        return mode != Mode.CBC || (length - mode.ivBytes) % 16 == 0;
    }

    /** The algorithm whose {@link #uri()} is exactly {@code uri}, if any. */
    public static Optional<ContentEncryption> byUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        for (ContentEncryption algorithm : values()) {
            if (algorithm.uri.equals(uri)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm named {@code name}: its {@link #shortName()} or its {@link #uri()}.
     *
     * @throws IllegalArgumentException if no algorithm has that name
     */
    public static ContentEncryption parse(String name) {
        Objects.requireNonNull(name, "name");
        for (ContentEncryption algorithm : values()) {
            if (algorithm.shortName.equals(name) || algorithm.uri.equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown content encryption \"" + name
                + "\"; the STS knows aes128-cbc, aes256-cbc, aes128-gcm and aes256-gcm");
    }
}

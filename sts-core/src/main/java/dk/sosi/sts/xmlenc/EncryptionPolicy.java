package dk.sosi.sts.xmlenc;

import java.util.Objects;

/**
 * Immutable. How an assertion is encrypted for one audience: the content cipher and the key transport.
 * Every pair is allowed; {@link #DEFAULT} is the only one the deployed clients read.
 *
 * @param content      the cipher of the assertion itself
 * @param keyTransport how the content key is wrapped for the recipient's RSA key
 */
public record EncryptionPolicy(ContentEncryption content, KeyTransport keyTransport) {

    /**
     * aes128-cbc with rsa-1_5: the only pair trifork/unsealed and Seal.Java 2.3.2 (xmlsec 1.4.5) decrypt
     * (exchanges.md 2.8 S3), so what every audience gets unless configured otherwise.
     */
    public static final EncryptionPolicy DEFAULT = new EncryptionPolicy(ContentEncryption.AES128_CBC, KeyTransport.RSA_1_5);

    public EncryptionPolicy {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(keyTransport, "keyTransport");
    }

    /**
     * The policy named in configuration, each part by short name ({@code aes256-gcm}, {@code rsa-oaep}) or
     * Algorithm URI.
     *
     * @throws IllegalArgumentException if either name is unknown
     */
    public static EncryptionPolicy of(String content, String keyTransport) {
        return new EncryptionPolicy(ContentEncryption.parse(content), KeyTransport.parse(keyTransport));
    }
}

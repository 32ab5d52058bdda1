package dk.sosi.sts.pki;

import dk.sosi.sts.xml.Base64Text;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Stateless, thread-safe. Reads bare public keys operators write where a certificate may stand
 * ({@code iboConfig.publicKey}): base64 DER SubjectPublicKeyInfo ({@code MIIBIjANBgkqhkiG9w0BAQEFAAOC…}, what
 * {@code openssl pkey -pubout -outform DER} writes), line breaks and blanks allowed.
 */
public final class PublicKeys {

    private static final List<String> ALGORITHMS = List.of("RSA", "EC");

    private PublicKeys() {
    }

    /** The RSA or EC public key {@code base64} holds, white space ignored; empty when it holds anything else. */
    public static Optional<PublicKey> fromBase64(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(Base64Text.compact(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String algorithm : ALGORITHMS) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                if (Arrays.equals(der, key.getEncoded())) {
                    return Optional.of(key);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not a key of this algorithm
            }
        }
        return Optional.empty();
    }

    /**
     * The SHA-256 of the key's DER SubjectPublicKeyInfo in lower-case hex, as
     * {@code openssl pkey -pubin -outform DER | sha256sum} prints it.
     */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

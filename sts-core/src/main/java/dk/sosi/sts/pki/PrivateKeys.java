package dk.sosi.sts.pki;

import dk.sosi.sts.xml.Base64Text;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe. Reads the RSA private keys operators write into the database ({@code encryptionKey.xxx} of
 * {@code trustedIdpConfiguration}): base64 PKCS#8 DER, line breaks and blanks allowed.
 */
public final class PrivateKeys {

    /** Keys already read, by their base64: every request would otherwise parse every configured key again. */
    private static final int MAX_CACHED = 256;
    private static final Map<String, PrivateKey> READ = new ConcurrentHashMap<>();

    private PrivateKeys() {
    }

    /** The RSA private key {@code base64} holds, white space ignored; empty when it is not base64 PKCS#8 of an RSA key. */
    public static Optional<PrivateKey> rsaFromPkcs8Base64(String base64) {
        String compact = Base64Text.compact(base64);
        PrivateKey known = READ.get(compact);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(compact)));
            if (READ.size() >= MAX_CACHED) {
                READ.clear();
            }
            READ.put(compact, key);
            return Optional.of(key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}

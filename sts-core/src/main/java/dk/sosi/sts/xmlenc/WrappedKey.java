package dk.sosi.sts.xmlenc;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable (the arrays are never handed out or changed) and thread-safe. One checked
 * {@code xenc:EncryptedKey}: how the content key was wrapped, and the wrapped bytes.
 *
 * @param transport   the key transport
 * @param digest      the OAEP digest; {@code null} for PKCS#1 v1.5
 * @param mgf         the OAEP MGF1 hash; {@code null} for PKCS#1 v1.5
 * @param oaepParams  the OAEP label; {@code null} when none was given
 * @param cipherValue the wrapped key
 */
record WrappedKey(KeyTransport transport, OaepDigest digest, OaepDigest mgf, byte[] oaepParams, byte[] cipherValue) {

    private static final Logger LOG = LoggerFactory.getLogger(WrappedKey.class);

    WrappedKey {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(cipherValue, "cipherValue");
        if (transport.isOaep()) {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(mgf, "mgf");
        }
    }

    /**
     * The content key of {@code keyBytes} bytes, unwrapped with {@code key}; when that fails in any way
     * (wrong key, bad padding, wrong length) a random key instead, without a word to the caller. So a
     * wrong key and a forged one both fail later, at the content, in the same way: the implicit rejection
     * that leaves Bleichenbacher's attack on PKCS#1 v1.5 no padding oracle. OAEP is treated the same,
     * so the two transports cannot be told apart either.
     */
    byte[] unwrap(PrivateKey key, int keyBytes, SecureRandom random) {
        byte[] substitute = new byte[keyBytes];
        random.nextBytes(substitute);
        try {
            byte[] unwrapped = cipher(key).doFinal(cipherValue);
            if (unwrapped.length == keyBytes) {
                return unwrapped;
            }
            LOG.debug("The {} content key has {} bytes, not {}", transport.shortName(), unwrapped.length, keyBytes);
        } catch (GeneralSecurityException | ProviderException e) {
            LOG.debug("The {} content key could not be unwrapped: {}", transport.shortName(), e.toString());
        }
        return substitute;
    }

    private Cipher cipher(PrivateKey key) throws GeneralSecurityException {
        if (!transport.isOaep()) {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            return rsa;
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        PSource label = oaepParams == null ? PSource.PSpecified.DEFAULT : new PSource.PSpecified(oaepParams);
        rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec(digest.jcaName(), "MGF1",
                new MGF1ParameterSpec(mgf.jcaName()), label));
        return rsa;
    }
}

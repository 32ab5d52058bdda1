package dk.sosi.sts.xmlenc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;

class WrappedKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] LABEL = {1, 2, 3};

    private static byte[] contentKey(int length) {
        byte[] key = new byte[length];
        RANDOM.nextBytes(key);
        return key;
    }

    private static PublicKey recipientKey() {
        return TestAssertions.recipient().certificate().getPublicKey();
    }

    private static PrivateKey recipientPrivateKey() {
        return TestAssertions.recipient().privateKey();
    }

    private static byte[] rsa15(byte[] contentKey) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, recipientKey());
        return rsa.doFinal(contentKey);
    }

    private static byte[] oaepSha256WithLabel(byte[] contentKey) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, recipientKey(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(LABEL)));
        return rsa.doFinal(contentKey);
    }

    @Test
    void unwrapWhenRightKeyThenTheContentKey() throws Exception {
        byte[] contentKey = contentKey(16);
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_1_5, null, null, null, rsa15(contentKey));

        assertArrayEquals(contentKey, wrapped.unwrap(recipientPrivateKey(), 16, RANDOM));
    }

    @Test
    void unwrapWhenWrongKeyThenAFreshRandomKeyOfTheRightLengthInsteadOfAFailure() throws Exception {
        byte[] contentKey = contentKey(16);
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_1_5, null, null, null, rsa15(contentKey));
        PrivateKey wrongKey = TestSigningKeys.other().privateKey();

        byte[] first = wrapped.unwrap(wrongKey, 16, RANDOM);
        byte[] second = wrapped.unwrap(wrongKey, 16, RANDOM);

        assertEquals(16, first.length);
        assertFalse(Arrays.equals(first, second), "random each time, so nothing about the padding shows");
        assertFalse(Arrays.equals(contentKey, first));
    }

    @Test
    void unwrapWhenWrappedKeyHasAnotherLengthThenARandomKeyOfTheExpectedLength() throws Exception {
        byte[] contentKey = contentKey(32);
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_1_5, null, null, null, rsa15(contentKey));

        byte[] unwrapped = wrapped.unwrap(recipientPrivateKey(), 16, RANDOM);

        assertEquals(16, unwrapped.length);
        assertFalse(Arrays.equals(Arrays.copyOf(contentKey, 16), unwrapped));
    }

    @Test
    void unwrapWhenCipherValueIsGarbageThenARandomKeyAndNoException() {
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_1_5, null, null, null, contentKey(300));

        assertEquals(32, wrapped.unwrap(recipientPrivateKey(), 32, RANDOM).length);
    }

    @Test
    void unwrapWhenOaepWithDigestMaskHashAndLabelThenTheContentKey() throws Exception {
        byte[] contentKey = contentKey(32);
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_OAEP, OaepDigest.SHA256, OaepDigest.SHA256, LABEL,
                oaepSha256WithLabel(contentKey));

        assertArrayEquals(contentKey, wrapped.unwrap(recipientPrivateKey(), 32, RANDOM));
    }

    @Test
    void unwrapWhenOaepLabelDiffersThenARandomKey() throws Exception {
        byte[] contentKey = contentKey(32);
        WrappedKey wrapped = new WrappedKey(KeyTransport.RSA_OAEP, OaepDigest.SHA256, OaepDigest.SHA256, null,
                oaepSha256WithLabel(contentKey));

        byte[] unwrapped = wrapped.unwrap(recipientPrivateKey(), 32, RANDOM);

        assertEquals(32, unwrapped.length);
        assertFalse(Arrays.equals(contentKey, unwrapped));
    }
}

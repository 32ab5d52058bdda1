package dk.sosi.sts.xmlenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncryptionPolicyTest {

    @Test
    void defaultWhenReadThenAes128CbcWithRsa15AsTheDeployedClientsDecrypt() {
        assertEquals("http://www.w3.org/2001/04/xmlenc#aes128-cbc", EncryptionPolicy.DEFAULT.content().uri());
        assertEquals("http://www.w3.org/2001/04/xmlenc#rsa-1_5", EncryptionPolicy.DEFAULT.keyTransport().uri());
    }

    @ParameterizedTest
    @CsvSource({
        "aes128-cbc, rsa-1_5,        AES128_CBC, RSA_1_5",
        "aes256-cbc, rsa-oaep-mgf1p, AES256_CBC, RSA_OAEP_MGF1P",
        "aes128-gcm, rsa-oaep,       AES128_GCM, RSA_OAEP",
        "aes256-gcm, rsa-oaep,       AES256_GCM, RSA_OAEP",
        "http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2009/xmlenc11#rsa-oaep, AES256_GCM, RSA_OAEP",
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc, http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p, AES128_CBC, RSA_OAEP_MGF1P",
    })
    void ofWhenShortNamesOrUrisThenThatPolicy(String content, String keyTransport, ContentEncryption expectedContent,
            KeyTransport expectedTransport) {
        assertEquals(new EncryptionPolicy(expectedContent, expectedTransport), EncryptionPolicy.of(content, keyTransport));
    }

    @Test
    void ofWhenContentUnknownThenIllegalArgumentNamingTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EncryptionPolicy.of("tripledes-cbc", "rsa-1_5"));

        assertEquals("Unknown content encryption \"tripledes-cbc\"; the STS knows aes128-cbc, aes256-cbc, aes128-gcm and aes256-gcm",
                refused.getMessage());
    }

    @Test
    void ofWhenKeyTransportUnknownThenIllegalArgumentNamingTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EncryptionPolicy.of("aes128-cbc", "kw-aes128"));

        assertEquals("Unknown key transport \"kw-aes128\"; the STS knows rsa-1_5, rsa-oaep-mgf1p and rsa-oaep",
                refused.getMessage());
    }

    @Test
    void ofWhenNameDiffersInCaseThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> EncryptionPolicy.of("AES128-CBC", "rsa-1_5"));
    }

    @Test
    void constructWhenPartMissingThenNullPointerNamingIt() {
        NullPointerException content = assertThrows(NullPointerException.class,
                () -> new EncryptionPolicy(null, KeyTransport.RSA_1_5));
        NullPointerException transport = assertThrows(NullPointerException.class,
                () -> new EncryptionPolicy(ContentEncryption.AES128_GCM, null));

        assertEquals("content", content.getMessage());
        assertEquals("keyTransport", transport.getMessage());
    }
}

package dk.sosi.sts.xmldsig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureAlgorithmTest {

    @Test
    void bySignatureUriWhenRsaThenFoundWithItsDigest() {
        assertEquals(Optional.of(SignatureAlgorithm.RSA_SHA1),
                SignatureAlgorithm.bySignatureUri("http://www.w3.org/2000/09/xmldsig#rsa-sha1"));
        assertEquals("http://www.w3.org/2000/09/xmldsig#sha1", SignatureAlgorithm.RSA_SHA1.digestUri());
        assertEquals(Optional.of(SignatureAlgorithm.RSA_SHA256),
                SignatureAlgorithm.bySignatureUri("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"));
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", SignatureAlgorithm.RSA_SHA256.digestUri());
    }

    @Test
    void bySignatureUriWhenHmacOrUnknownThenEmpty() {
        assertEquals(Optional.empty(), SignatureAlgorithm.bySignatureUri("http://www.w3.org/2000/09/xmldsig#hmac-sha1"));
        assertEquals(Optional.empty(), SignatureAlgorithm.bySignatureUri("http://www.w3.org/2000/09/xmldsig#sha1"));
    }

    @Test
    void byDigestUriWhenKnownThenItsAlgorithm() {
        assertEquals(Optional.of(SignatureAlgorithm.RSA_SHA256),
                SignatureAlgorithm.byDigestUri("http://www.w3.org/2001/04/xmlenc#sha256"));
        assertEquals(Optional.empty(), SignatureAlgorithm.byDigestUri("http://www.w3.org/2001/04/xmldsig-more#md5"));
    }
}

package dk.sosi.sts.xmlenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The EncryptedAssertion of the real Sosi2OIOSaml response in ../shared/spec/vectors/unsealed/sts-response-2.xml
 * (exchanges.md 2.8 S3), the shape the deployed clients decrypt; runs where that folder exists.
 */
class EncryptedAssertionVectorSpecTest {

    private static Element vector() throws Exception {
        Path file = Path.of(System.getProperty("sts.spec.dir"), "vectors", "unsealed", "sts-response-2.xml");
        try (InputStream in = Files.newInputStream(file)) {
            return (Element) SecureXml.parse(in).getElementsByTagNameNS(Namespaces.SAML, "EncryptedAssertion").item(0);
        }
    }

    @Test
    void encryptWhenDefaultPolicyThenSameShapeAndPrefixesAsTheNationalStsResponse() throws Exception {
        Element ours = new AssertionEncrypter().encrypt(TestAssertions.signedAssertion(),
                TestAssertions.recipient().certificate(), EncryptionPolicy.DEFAULT);

        assertEquals(AssertionEncrypterTest.shape(vector()), AssertionEncrypterTest.shape(ours));
        assertEquals(AssertionEncrypterTest.DEFAULT_SHAPE, AssertionEncrypterTest.shape(vector()));
    }

    @Test
    void decryptWhenTheNationalStsResponseThenItsStructurePassesEveryCheckAndReachesTheKey() throws Exception {
        TouchCountingKey notTheAudiencesKey = new TouchCountingKey((RSAPrivateCrtKey) TestAssertions.recipient().privateKey());

        assertThrows(StsFault.class, () -> new AssertionDecrypter().decrypt(vector(), List.of(notTheAudiencesKey)));

        assertTrue(notTheAudiencesKey.touches() > 0, "refused for the key, not for its structure");
    }
}

package dk.sosi.sts.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class KeyPairSourceTest {

    /** Small keys keep this test fast; the sources do not care about the size. */
    private static final int SMALL = 1024;

    @Test
    void recyclingWhenMoreKeysAskedThanDistinctThenHandsOutTheSameKeysInTurn() {
        KeyPairSource source = KeyPairSource.recycling(2);

        KeyPair first = source.rsa(SMALL);
        KeyPair second = source.rsa(SMALL);
        KeyPair third = source.rsa(SMALL);
        KeyPair fourth = source.rsa(SMALL);

        assertNotSame(first, second);
        assertSame(first, third);
        assertSame(second, fourth);
        assertEquals(SMALL, ((RSAPublicKey) first.getPublic()).getModulus().bitLength());
    }

    @Test
    void sharedWhenSizeMatchesGeneratorThenReturnsItsKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(SMALL);

        KeyPair keyPair = KeyPairSource.shared(generator).rsa(SMALL);

        assertEquals(SMALL, ((RSAPublicKey) keyPair.getPublic()).getModulus().bitLength());
    }

    @Test
    void sharedWhenOtherSizeAskedThenRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(SMALL);

        assertThrows(IllegalArgumentException.class, () -> KeyPairSource.shared(generator).rsa(2048));
    }
}

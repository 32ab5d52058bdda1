package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectConfirmationTest {

    private static final Instant DELIVERY = Instant.parse("2024-03-01T10:20:30Z");

    @Test
    void bearerWhenMadeThenBearerMethodWithoutCertificate() {
        assertEquals(new SubjectConfirmation("urn:oasis:names:tc:SAML:2.0:cm:bearer", Optional.of("https://sp"),
                Optional.of(DELIVERY), Optional.empty()), SubjectConfirmation.bearer("https://sp", DELIVERY));
    }

    @Test
    void holderOfKeyWhenMadeThenHolderOfKeyMethodWithCertificate() {
        X509Certificate wsc = TestSigningKeys.employee().certificate();

        SubjectConfirmation confirmation = SubjectConfirmation.holderOfKey(wsc, "https://fmk", DELIVERY);

        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", confirmation.method());
        assertEquals(Optional.of(wsc), confirmation.holderOfKeyCertificate());
    }

    @Test
    void senderVouchesWhenConstantThenSamlUri() {
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:sender-vouches", SubjectConfirmation.SENDER_VOUCHES);
    }

    @Test
    void constructWhenMethodEmptyThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SubjectConfirmation("", Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals("a SubjectConfirmation needs a Method", refused.getMessage());
    }
}

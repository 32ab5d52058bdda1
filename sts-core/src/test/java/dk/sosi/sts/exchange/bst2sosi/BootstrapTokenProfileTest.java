package dk.sosi.sts.exchange.bst2sosi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapTokenProfileTest {

    private static SamlAssertion token(SamlAttribute... attributes) {
        SamlAssertion.Builder token = SamlAssertion.builder().id("_1").issueInstant(Instant.EPOCH).issuer("https://idp.test/");
        for (SamlAttribute attribute : attributes) {
            token.addAttribute(attribute);
        }
        return token.build();
    }

    @Test
    void ofWhenDkSaml20ThenOioh2Bst() {
        assertEquals(Optional.of(BootstrapTokenProfile.OIOH2BST),
                BootstrapTokenProfile.of(token(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))));
    }

    @Test
    void ofWhenOioSaml3WithHealthcareSpecVersionThenOioh3Bst() {
        assertEquals(Optional.of(BootstrapTokenProfile.OIOH3BST), BootstrapTokenProfile.of(token(
                SamlAttribute.basic("https://data.gov.dk/model/core/specVersion", "OIO-SAML-3.0"),
                SamlAttribute.basic("https://healthcare.data.gov.dk/model/core/specVersion", "OIO-SAML-H-3.0"))));
    }

    @Test
    void ofWhenOioSaml3AloneThenOio3Bst() {
        assertEquals(Optional.of(BootstrapTokenProfile.OIO3BST),
                BootstrapTokenProfile.of(token(SamlAttribute.basic("https://data.gov.dk/model/core/specVersion", "OIO-SAML-3.0"))));
    }

    @Test
    void ofWhenNoKnownSpecVersionThenNone() {
        assertEquals(Optional.empty(),
                BootstrapTokenProfile.of(token(SamlAttribute.basic("https://data.gov.dk/model/core/specVersion", "OIO-SAML-2.1"))));
    }

    @Test
    void professionalUuidWhenUrnUuidThenBareUuid() {
        SamlAssertion token = token(SamlAttribute.basic("https://data.gov.dk/model/core/eid/professional/uuid/persistent",
                " urn:uuid:00798849-effe-4733-bcc4-670093830511 "));

        assertEquals(Optional.of("00798849-effe-4733-bcc4-670093830511"), BootstrapTokenProfile.OIOH3BST.professionalUuid(token));
    }

    @Test
    void givenNameWhenDkSaml20ThenCommonNameWithoutTheSurname() {
        SamlAssertion token = token(SamlAttribute.basic("urn:oid:2.5.4.3", "Karl Otto Hansen"),
                SamlAttribute.basic("urn:oid:2.5.4.4", "Hansen"));

        assertEquals(Optional.of("Karl Otto"), BootstrapTokenProfile.OIOH2BST.givenName(token));
        assertEquals(Optional.of("Hansen"), BootstrapTokenProfile.OIOH2BST.surname(token));
    }

    @Test
    void namedWhenTokenProfileValueThenItsProfile() {
        assertEquals(Optional.of(BootstrapTokenProfile.OIO3BST), BootstrapTokenProfile.named("OIO3BST"));
        assertEquals(Optional.empty(), BootstrapTokenProfile.named("OIO3BST_CITIZEN"));
    }
}

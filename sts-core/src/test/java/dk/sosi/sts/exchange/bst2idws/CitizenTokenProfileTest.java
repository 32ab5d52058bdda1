package dk.sosi.sts.exchange.bst2idws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenTokenProfileTest {

    private static SamlAssertion token(SamlAttribute... attributes) {
        SamlAssertion.Builder token = SamlAssertion.builder().id("_1").issueInstant(Instant.EPOCH).issuer("https://idp/")
                .subject(Subject.of(NameId.of("x", NameId.PERSISTENT)));
        for (SamlAttribute attribute : attributes) {
            token.addAttribute(attribute);
        }
        return token.build();
    }

    @Test
    void ofWhenOioSaml3SpecVersionThenOio3BstCitizenWithItsCprAttribute() {
        SamlAssertion token = token(SamlAttribute.basic("https://data.gov.dk/model/core/specVersion", "OIO-SAML-3.0"),
                SamlAttribute.basic("https://data.gov.dk/model/core/eid/cprNumber", " 0101011234 "));

        assertEquals(CitizenTokenProfile.OIO3BST_CITIZEN, CitizenTokenProfile.of(token));
        assertEquals(Optional.of("0101011234"), CitizenTokenProfile.OIO3BST_CITIZEN.cpr(token));
    }

    @Test
    void ofWhenDkSaml20SpecVerThenOio2BstCitizenWithItsCprAttribute() {
        SamlAssertion token = token(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"),
                SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", "0101011234"));

        assertEquals(CitizenTokenProfile.OIO2BST_CITIZEN, CitizenTokenProfile.of(token));
        assertEquals(Optional.of("0101011234"), CitizenTokenProfile.OIO2BST_CITIZEN.cpr(token));
    }

    @Test
    void ofWhenNoSpecVersionThenLegacyWithoutCpr() {
        SamlAssertion token = token(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"));

        assertEquals(CitizenTokenProfile.OIO2BST_LEGACY, CitizenTokenProfile.of(token));
        assertEquals(Optional.empty(), CitizenTokenProfile.OIO2BST_LEGACY.cpr(token));
    }

    @Test
    void namedWhenTokenProfileValueThenItsProfileElseNone() {
        assertEquals(Optional.of(CitizenTokenProfile.OIO2BST_LEGACY), CitizenTokenProfile.named("OIO2BST_LEGACY"));
        assertEquals(Optional.empty(), CitizenTokenProfile.named("OIO3BST"));
    }
}

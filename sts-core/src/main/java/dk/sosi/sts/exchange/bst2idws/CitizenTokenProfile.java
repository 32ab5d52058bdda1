package dk.sosi.sts.exchange.bst2idws;

import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of citizen bootstrap token (exchanges.md 3.4 step 5), named as in {@code tokenProfile.xxx}.
 * Detected by the spec version the token states: OIO3BST_CITIZEN (the NemLog-in 3 STS) says
 * {@code https://data.gov.dk/model/core/specVersion OIO-SAML-3.0}; OIO2BST_CITIZEN (SEB) says
 * {@code dk:gov:saml:attribute:SpecVer DK-SAML-2.0}; a token stating neither is OIO2BST_LEGACY (NemLog-in 2), whose
 * tokens carry no spec version and name the citizen by the PID of a personal certificate.
 */
public enum CitizenTokenProfile {

    OIO2BST_CITIZEN("dk:gov:saml:attribute:CprNumberIdentifier"),
    OIO3BST_CITIZEN("https://data.gov.dk/model/core/eid/cprNumber"),
    OIO2BST_LEGACY("dk:gov:saml:attribute:CprNumberIdentifier");

    static final String SPEC_VER = "dk:gov:saml:attribute:SpecVer";
    static final String DK_SAML_2_0 = "DK-SAML-2.0";
    static final String SPEC_VERSION = "https://data.gov.dk/model/core/specVersion";
    static final String OIO_SAML_3_0 = "OIO-SAML-3.0";

    private final String cprAttribute;

    CitizenTokenProfile(String cprAttribute) {
        this.cprAttribute = cprAttribute;
    }

    /** The profile of {@code token}. */
    public static CitizenTokenProfile of(SamlAssertion token) {
        if (text(token, SPEC_VERSION).filter(OIO_SAML_3_0::equals).isPresent()) {
            return OIO3BST_CITIZEN;
        }
        if (text(token, SPEC_VER).filter(DK_SAML_2_0::equals).isPresent()) {
            return OIO2BST_CITIZEN;
        }
        return OIO2BST_LEGACY;
    }

    /** The profile a {@code tokenProfile.xxx} value names. */
    public static Optional<CitizenTokenProfile> named(String name) {
        return Arrays.stream(values()).filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** The citizen's CPR, where the token states it in its profile's attribute. */
    Optional<String> cpr(SamlAssertion token) {
        return text(token, cprAttribute);
    }

    private static Optional<String> text(SamlAssertion token, String name) {
        return token.attribute(name).flatMap(SamlAttribute::firstText).map(String::strip).filter(value -> !value.isEmpty());
    }
}

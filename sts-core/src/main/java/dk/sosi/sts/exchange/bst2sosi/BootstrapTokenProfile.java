package dk.sosi.sts.exchange.bst2sosi;

import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of employee bootstrap token (exchanges.md 3.3 step 5, OQ-7), named as in
 * {@code tokenProfile.xxx}, each with the attributes that carry the user's identity. Detected by the spec
 * versions the token states: OIOH2BST (SEB) says {@code DK-SAML-2.0}; OIOH3BST (a local NSIS IdP) says
 * {@code OIO-SAML-3.0} and the healthcare {@code OIO-SAML-H-3.0}; OIO3BST (NemLog-in 3) only {@code OIO-SAML-3.0}.
 */
public enum BootstrapTokenProfile {

    OIOH2BST(Oiosaml2.CPR, Optional.empty(), Oiosaml2.CVR, Oiosaml2.ORGANISATION, Optional.empty(), Oiosaml2.SURNAME),
    OIOH3BST(Oiosaml3.CPR, Optional.of(Oiosaml3.PROFESSIONAL_UUID), Oiosaml3.CVR, Oiosaml3.ORGANISATION,
            Optional.of(Oiosaml3.FIRST_NAME), Oiosaml3.LAST_NAME),
    OIO3BST(Oiosaml3.CPR, Optional.of(Oiosaml3.PROFESSIONAL_UUID), Oiosaml3.CVR, Oiosaml3.ORGANISATION,
            Optional.of(Oiosaml3.FIRST_NAME), Oiosaml3.LAST_NAME);

    /** OIOSAML 2.0 (DK-SAML-2.0) attribute names. */
    static final class Oiosaml2 {
        static final String SPEC_VERSION = "dk:gov:saml:attribute:SpecVer";
        static final String VERSION = "DK-SAML-2.0";
        static final String CPR = "dk:gov:saml:attribute:CprNumberIdentifier";
        static final String CVR = "dk:gov:saml:attribute:CvrNumberIdentifier";
        static final String ORGANISATION = "urn:oid:2.5.4.10";
        static final String COMMON_NAME = "urn:oid:2.5.4.3";
        static final String SURNAME = "urn:oid:2.5.4.4";
        /** The SEB privileges: a base64 {@code bpp:PrivilegeList}. */
        static final String PRIVILEGES = "dk:gov:saml:attribute:Privileges_intermediate";

        private Oiosaml2() {
        }
    }

    /** OIOSAML 3 attribute names. */
    static final class Oiosaml3 {
        static final String SPEC_VERSION = "https://data.gov.dk/model/core/specVersion";
        static final String VERSION = "OIO-SAML-3.0";
        static final String HEALTHCARE_SPEC_VERSION = "https://healthcare.data.gov.dk/model/core/specVersion";
        static final String HEALTHCARE_VERSION = "OIO-SAML-H-3.0";
        static final String CPR = "https://data.gov.dk/model/core/eid/cprNumber";
        static final String PROFESSIONAL_UUID = "https://data.gov.dk/model/core/eid/professional/uuid/persistent";
        static final String CVR = "https://data.gov.dk/model/core/eid/professional/cvr";
        static final String ORGANISATION = "https://data.gov.dk/model/core/eid/professional/orgName";
        static final String FIRST_NAME = "https://data.gov.dk/model/core/eid/firstName";
        static final String LAST_NAME = "https://data.gov.dk/model/core/eid/lastName";

        private Oiosaml3() {
        }
    }

    private final String cpr;
    private final Optional<String> professionalUuid;
    private final String cvr;
    private final String organisation;
    private final Optional<String> givenName;
    private final String surname;

    BootstrapTokenProfile(String cpr, Optional<String> professionalUuid, String cvr, String organisation,
            Optional<String> givenName, String surname) {
        this.cpr = cpr;
        this.professionalUuid = professionalUuid;
        this.cvr = cvr;
        this.organisation = organisation;
        this.givenName = givenName;
        this.surname = surname;
    }

    /** The profile of {@code token}, if it states one of the three. */
    public static Optional<BootstrapTokenProfile> of(SamlAssertion token) {
        if (text(token, Oiosaml2.SPEC_VERSION).filter(Oiosaml2.VERSION::equals).isPresent()) {
            return Optional.of(OIOH2BST);
        }
        if (text(token, Oiosaml3.SPEC_VERSION).filter(Oiosaml3.VERSION::equals).isPresent()) {
            return Optional.of(text(token, Oiosaml3.HEALTHCARE_SPEC_VERSION).filter(Oiosaml3.HEALTHCARE_VERSION::equals).isPresent()
                    ? OIOH3BST : OIO3BST);
        }
        return Optional.empty();
    }

    /** The profile a {@code tokenProfile.xxx} value names. */
    public static Optional<BootstrapTokenProfile> named(String name) {
        return Arrays.stream(values()).filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** The user's CPR, where the token carries it. */
    Optional<String> cpr(SamlAssertion token) {
        return text(token, cpr);
    }

    /** The user's professional UUID (OIOSAML 3), without a {@code urn:uuid:} prefix, where the token carries it. */
    Optional<String> professionalUuid(SamlAssertion token) {
        return professionalUuid.flatMap(name -> text(token, name)).map(uuid -> uuid.startsWith("urn:uuid:")
                ? uuid.substring("urn:uuid:".length()) : uuid);
    }

    Optional<String> cvr(SamlAssertion token) {
        return text(token, cvr);
    }

    Optional<String> organisation(SamlAssertion token) {
        return text(token, organisation);
    }

    Optional<String> surname(SamlAssertion token) {
        return text(token, surname);
    }

    /** The given name: OIOSAML 3 states it; DK-SAML-2.0 only as the CommonName before the surname. */
    Optional<String> givenName(SamlAssertion token) {
        if (givenName.isPresent()) {
            return text(token, givenName.get());
        }
        Optional<String> surname = surname(token);
        return text(token, Oiosaml2.COMMON_NAME).map(common -> surname.filter(common::endsWith)
                .map(s -> common.substring(0, common.length() - s.length()).trim()).orElse(common));
    }

    private static Optional<String> text(SamlAssertion token, String name) {
        return token.attribute(name).flatMap(SamlAttribute::firstText).map(String::trim).filter(value -> !value.isEmpty());
    }
}

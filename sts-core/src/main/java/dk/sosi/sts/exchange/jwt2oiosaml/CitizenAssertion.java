package dk.sosi.sts.exchange.jwt2oiosaml;

import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.ASSURANCE_LEVEL;
import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.COMMON_NAME;
import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.CPR_NUMBER;
import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.SPEC_VER;
import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.SPEC_VER_DK_SAML_2_0;
import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.SUR_NAME;

import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.citizen.jwt.CheckedJwt;
import dk.sosi.sts.exchange.citizen.jwt.JwtCitizen;
import dk.sosi.sts.token.saml.AuthnStatement;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Thread-safe. The OIOSAML 2.0 (DK-SAML-2.0) assertion JWT2OIOSaml issues for a citizen (exchanges.md 3.6, OQ-20): bearer
 * to the audience's {@code recipientURL}; NameID the JWT's {@code sub} (format unspecified, as JWT2Idws, OQ-16), else the
 * CPR; SpecVer, AssuranceLevel, CprNumberIdentifier and, where the issuer states them, CommonName and surName; the login
 * time from {@code auth_time}. Valid from {@code fuzzyTime} back to the audience's {@code lifetime} on.
 */
public final class CitizenAssertion {

    /** A JWT does not say how the citizen logged in. */
    static final String AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

    private final String issuer;
    private final Duration fuzzyTime;

    /** @param issuer the STS's name in {@code saml:Issuer} (bean {@code tokenIssuer}) */
    public CitizenAssertion(String issuer, Duration fuzzyTime) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.fuzzyTime = Objects.requireNonNull(fuzzyTime, "fuzzyTime");
    }

    /**
     * The assertion about {@code jwt}'s citizen to {@code audience}, delivered at {@code recipientUrl}, issued at {@code now},
     * with {@code acting}: what the citizen checks add (acting for someone else, blurring).
     */
    public SamlAssertion build(CheckedJwt jwt, CitizenAudience audience, String recipientUrl, List<SamlAttribute> acting,
            Instant now) {
        String id = "_" + UUID.randomUUID();
        JwtCitizen citizen = jwt.citizen();
        Instant notOnOrAfter = now.plus(audience.lifetime());
        SamlAssertion.Builder assertion = SamlAssertion.builder()
                .id(id)
                .issueInstant(now)
                .issuer(issuer)
                .subject(Subject.of(NameId.of(citizen.subject().orElse(citizen.cpr()), NameId.UNSPECIFIED),
                        SubjectConfirmation.bearer(recipientUrl, notOnOrAfter)))
                .conditions(Conditions.of(now.minus(fuzzyTime), notOnOrAfter, audience.audience()))
                .authnStatement(Optional.of(new AuthnStatement(jwt.authTime().orElse(now), Optional.of(id), Optional.of(AUTHN_CONTEXT))))
                .addAttribute(SamlAttribute.basic(SPEC_VER, SPEC_VER_DK_SAML_2_0))
                .addAttribute(SamlAttribute.basic(ASSURANCE_LEVEL, String.valueOf(citizen.assuranceLevel())))
                .addAttribute(SamlAttribute.basic(CPR_NUMBER, citizen.cpr()));
        commonName(citizen).ifPresent(name -> assertion.addAttribute(SamlAttribute.basic(COMMON_NAME, name).withFriendlyName("CommonName")));
        citizen.familyName().ifPresent(name -> assertion.addAttribute(SamlAttribute.basic(SUR_NAME, name).withFriendlyName("surName")));
        acting.forEach(assertion::addAttribute);
        return assertion.build();
    }

    /** {@code name}, else the given and family names. */
    private static Optional<String> commonName(JwtCitizen citizen) {
        if (citizen.name().isPresent()) {
            return citizen.name();
        }
        String joined = (citizen.givenName().orElse("") + " " + citizen.familyName().orElse("")).strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}

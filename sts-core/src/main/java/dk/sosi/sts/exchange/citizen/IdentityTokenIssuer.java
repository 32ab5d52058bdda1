package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.token.oiosaml.OioSamlAttributes;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Thread-safe. The IDWS identity token the citizen exchanges issue (Bst2Idws, JWT2Idws; exchanges.md 3.4 "Issued
 * token", Seal's citizen identity token): a DK-SAML-2.0 assertion signed by the STS right after its Issuer,
 * holder-of-key to the key the caller signed its message with, valid for the audience's {@code lifetime} from now
 * and backdated by {@code fuzzyTime}. Not encrypted: the clients read it in the answer as it is.
 */
public final class IdentityTokenIssuer {

    public static final String ASSURANCE_LEVEL = "3";

    /**
     * Immutable. Whom a token is about.
     *
     * @param nameId           the token's NameID, e.g. copied (value and Format) from the bootstrap token
     * @param cpr              the citizen's CPR, {@code dk:gov:saml:attribute:CprNumberIdentifier}
     * @param holderOfKey      the certificate that signed the request: only its key may present the token
     * @param extraAttributes  attributes after the citizen's own (procuration privileges, subject relations, …)
     */
    public record Citizen(NameId nameId, String cpr, X509Certificate holderOfKey, List<SamlAttribute> extraAttributes) {

        public Citizen {
            Objects.requireNonNull(nameId, "nameId");
            Objects.requireNonNull(cpr, "cpr");
            Objects.requireNonNull(holderOfKey, "holderOfKey");
            extraAttributes = List.copyOf(extraAttributes);
        }
    }

    private final String issuer;
    private final Duration fuzzyTime;
    private final AssertionSigner signer;
    private final Clock clock;

    /**
     * @param issuer    the STS's name in {@code saml:Issuer} (bean {@code tokenIssuer})
     * @param fuzzyTime how far back the token's validity starts (the exchange's bean's {@code fuzzyTime})
     */
    public IdentityTokenIssuer(String issuer, Duration fuzzyTime, AssertionSigner signer, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.fuzzyTime = Objects.requireNonNull(fuzzyTime, "fuzzyTime");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (fuzzyTime.isNegative()) {
            throw new IllegalArgumentException("fuzzyTime must not be negative");
        }
    }

    /** The signed token for {@code citizen} to {@code audience}, with its audience and lifetime for the answer. */
    public IssuedToken issue(Citizen citizen, CitizenAudience audience, RequestContext context) {
        SamlAssertion token = build(citizen, audience);
        Element signed = signer.sign(token, context);
        return new IssuedToken(signed, Optional.of(audience.audience()), token.conditions().notBefore().orElseThrow(),
                token.conditions().notOnOrAfter().orElseThrow(), Optional.empty());
    }

    /** The token before it is signed. */
    public SamlAssertion build(Citizen citizen, CitizenAudience audience) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notOnOrAfter = now.plus(audience.lifetime());
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(now)
                .issuer(issuer)
                .subject(Subject.of(citizen.nameId(),
                        SubjectConfirmation.holderOfKey(citizen.holderOfKey(), audience.audience(), notOnOrAfter)))
                .conditions(Conditions.of(now.minus(fuzzyTime), notOnOrAfter, audience.audience()))
                .addAttribute(SamlAttribute.basic(OioSamlAttributes.SPEC_VER, OioSamlAttributes.SPEC_VER_DK_SAML_2_0))
                .addAttribute(SamlAttribute.basic(OioSamlAttributes.ASSURANCE_LEVEL, ASSURANCE_LEVEL))
                .addAttribute(SamlAttribute.basic(OioSamlAttributes.CPR_NUMBER, citizen.cpr()));
        citizen.extraAttributes().forEach(token::addAttribute);
        return token.build();
    }
}

package dk.sosi.sts.exchange.ehdsi;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Thread-safe. The eHDSI IDWS XUA token (exchanges.md 3.7 "Issued token"): "nearly identical to the bootstrap token",
 * whose subject and authentication statement it copies, holder-of-key to the contact point's certificate without a
 * recipient (OQ-21), valid for the audience's {@code lifetime} from now and backdated by its {@code fuzzyTime}, and
 * signed by the STS right after its Issuer. Not encrypted: the contact point reads it in the answer.
 */
public final class XuaTokenIssuer {

    static final String NO_NAME_ID = "The DK NCP bootstrap token has no saml:Subject/saml:NameID";

    private final String issuer;
    private final AssertionSigner signer;
    private final Clock clock;

    /** @param issuer the STS's name in {@code saml:Issuer} (bean {@code tokenIssuer}) */
    public XuaTokenIssuer(String issuer, AssertionSigner signer, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The signed token, with its audience and lifetime for the answer.
     *
     * @param bst         the checked bootstrap token
     * @param attributes  the token's attributes ({@link XuaAttributes#forToken})
     * @param holderOfKey the certificate that signed the request
     */
    public IssuedToken issue(SamlAssertion bst, List<SamlAttribute> attributes, X509Certificate holderOfKey, EhdsiAudience audience,
            RequestContext context) {
        SamlAssertion token = build(bst, attributes, holderOfKey, audience);
        Element signed = signer.sign(token, context);
        return new IssuedToken(signed, Optional.of(audience.audience()), token.conditions().notBefore().orElseThrow(),
                token.conditions().notOnOrAfter().orElseThrow(), Optional.empty());
    }

    /** The token before it is signed. */
    SamlAssertion build(SamlAssertion bst, List<SamlAttribute> attributes, X509Certificate holderOfKey, EhdsiAudience audience) {
        NameId nameId = bst.subject().nameId().orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_NAME_ID));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id("_" + UUID.randomUUID())
                .issueInstant(now)
                .issuer(issuer)
                .subject(Subject.of(nameId, SubjectConfirmation.holderOfKey(holderOfKey)))
                .conditions(Conditions.of(now.minus(audience.fuzzyTime()), now.plus(audience.lifetime()), audience.audience()))
                .authnStatement(bst.authnStatement().filter(statement -> statement.authnContextClassRef().isPresent()));
        attributes.forEach(token::addAttribute);
        return token.build();
    }
}

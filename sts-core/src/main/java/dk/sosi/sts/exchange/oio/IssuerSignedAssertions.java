package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.ParsedAssertion;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.SignerCheck;
import dk.sosi.sts.xmldsig.VerifiedSignature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Thread-safe. The one check of a SAML assertion a caller presents that its issuer signed (a NemLog-in
 * assertion, a bootstrap token, later an IDWS or eHDSI token): read, then its signature verified against the
 * trust the issuer named in it is given (the trust engine decides before any signature arithmetic, and the
 * signature must cover the whole assertion, Issuer included), then its validity period with the endpoint's
 * allowed drift (exchanges.md 2.5). What the assertion says is the exchange's business.
 */
public final class IssuerSignedAssertions {

    /** Subject, time. The guide's clients look for "expired". */
    static final String EXPIRED = "The %s expired at %s";
    /** Subject, time. */
    static final String NOT_YET_VALID = "The %s is not valid before %s";
    /** Subject. */
    static final String NO_EXPIRY = "The %s has no saml:Conditions NotOnOrAfter; the STS accepts only tokens that expire";
    /** Subject, audience. */
    static final String WRONG_AUDIENCE = "The %s is not meant for the STS: its saml:AudienceRestriction does not name %s";

    private final SamlAssertionReader reader;
    private final SignatureVerifier verifier;
    private final Clock clock;

    public IssuerSignedAssertions(SamlAssertionReader reader, SignatureVerifier verifier, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An assertion whose signature and validity period were checked, with the certificate of its issuer. */
    public record Checked(SamlAssertion assertion, Element element, X509Certificate issuerCertificate) {

        public Checked {
            Objects.requireNonNull(assertion, "assertion");
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(issuerCertificate, "issuerCertificate");
        }
    }

    /**
     * Checks {@code element}.
     *
     * @param subject       what the token is, for the texts of refusals, e.g. "bootstrap token"
     * @param trustOfIssuer the trust in the signers of the issuer an assertion names (its {@code saml:Issuer})
     * @param allowedDrift  how far the issuer's clock may be off
     * @throws StsFault {@code wst:FailedAuthentication} for a signature or signer refused,
     *                  {@code wst:InvalidSecurityToken} outside the validity period, or the reader's faults
     */
    public Checked check(Element element, String subject, Function<String, SignerCheck> trustOfIssuer, Duration allowedDrift) {
        ParsedAssertion parsed = reader.read(element);
        SamlAssertion assertion = parsed.assertion();
        VerifiedSignature signature = verifier.verifyEnveloped(parsed.element(), ParsedAssertion.ID_ATTRIBUTE, subject,
                trustOfIssuer.apply(assertion.issuer()));
        checkTimes(assertion, subject, allowedDrift);
        return new Checked(assertion, parsed.element(), signature.certificate());
    }

    /** Requires that the assertion's audience restriction names {@code audience}; throws {@code wst:InvalidSecurityToken}. */
    public static void requireAudience(SamlAssertion assertion, String subject, String audience) {
        if (!assertion.conditions().audiences().contains(audience)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(WRONG_AUDIENCE, subject,
                    CallerText.quote(audience)));
        }
    }

    private void checkTimes(SamlAssertion assertion, String subject, Duration allowedDrift) {
        Instant now = clock.instant();
        Instant notOnOrAfter = assertion.conditions().notOnOrAfter()
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(NO_EXPIRY, subject)));
        if (!now.minus(allowedDrift).isBefore(notOnOrAfter)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(EXPIRED, subject, XmlTimes.zulu(notOnOrAfter)));
        }
        assertion.conditions().notBefore().filter(notBefore -> now.plus(allowedDrift).isBefore(notBefore)).ifPresent(notBefore -> {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(NOT_YET_VALID, subject, XmlTimes.zulu(notBefore)));
        });
    }
}

package dk.sosi.sts.exchange.ehdsi;

import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.oio.BootstrapTokens;
import dk.sosi.sts.exchange.oio.HolderOfKey;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.trust.TrustedIdpTrust;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/DKNCPBST2EHDSIIdws} (exchanges.md 3.7): the Danish National Contact Point wraps a
 * foreign health professional's and a Danish patient's eHDSI assertions in a DK NCP bootstrap token, signs it and the
 * message with its certificate, and gets an eHDSI IDWS XUA token for a Danish service. Everything is configured per
 * audience in {@code sts_ehdsiconf}. The caller check has already refused an audience that is not active and, where
 * {@code whitelistValidation} is on, a signer that is not one of its {@code certificate.xxx}.
 */
public final class DkNcpBst2EhdsiIdwsExchange implements OioExchange {

    static final String SUBJECT = "DK NCP bootstrap token";
    /** Audience. */
    static final String WRONG_AUDIENCE = "The DK NCP bootstrap token was issued for another audience: its "
            + "saml:AudienceRestriction does not name the wsp:AppliesTo %s";
    static final String NO_HOLDER_OF_KEY = HolderOfKey.MISMATCH + ": the DK NCP bootstrap token has no holder-of-key "
            + "confirmation with a certificate";
    static final String UNKNOWN_PATIENT = "Authentication failed: the patient's CPR number (resource-id) is not a valid "
            + "CPR number of a person in the CPR register";

    private final EhdsiAudiences audiences;
    private final EhdsiPolicies policies;
    private final TrustedIdpTrust trust;
    private final IssuerSignedAssertions assertions;
    private final PersonInformationService persons;
    private final XuaTokenIssuer tokens;

    /** @param trust the {@code signingKey.xxx} rows of {@code ehdsiAudienceConfiguration}, looked up by audience */
    public DkNcpBst2EhdsiIdwsExchange(EhdsiAudiences audiences, EhdsiPolicies policies, TrustedIdpTrust trust,
            IssuerSignedAssertions assertions, PersonInformationService persons, XuaTokenIssuer tokens) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.persons = Objects.requireNonNull(persons, "persons");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The steps of exchanges.md 3.7 in its order, each refusal a precise fault. */
    @Override
    public IssuedToken exchange(OioRequest request) {
        EhdsiAudience audience = audiences.find(request.token().appliesTo());
        Element token = BootstrapTokens.presentedPlain(request.token().actAs(), SUBJECT);
        SamlAssertion bst = assertions.check(token, SUBJECT, issuer -> trust.forIssuer(audience.audience()),
                audience.allowedDrift()).assertion();
        if (!bst.conditions().audiences().contains(audience.audience())) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(WRONG_AUDIENCE, CallerText.quote(audience.audience())));
        }
        X509Certificate contactPoint = request.caller().certificate().orElseThrow();
        if (audience.validateHolderOfKey()) {
            HolderOfKey.check(holderOfKey(bst), request.caller());
        }
        String stsPolicy = policies.stsPolicyFor(audience.audience(), XuaAttributes.issuancePolicy(bst));
        if (!persons.isValid(XuaAttributes.patientCpr(bst), request.context())) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, UNKNOWN_PATIENT);
        }
        List<SamlAttribute> attributes = XuaAttributes.forToken(bst.attributes(), stsPolicy);
        return tokens.issue(bst, attributes, contactPoint, audience, request.context());
    }

    private static X509Certificate holderOfKey(SamlAssertion bst) {
        return bst.subject().confirmations().stream()
                .filter(confirmation -> SubjectConfirmation.HOLDER_OF_KEY.equals(confirmation.method()))
                .flatMap(confirmation -> confirmation.holderOfKeyCertificate().stream()).findFirst()
                .orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_HOLDER_OF_KEY));
    }
}

package dk.sosi.sts.exchange.bst2idws;

import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.citizen.CitizenChecks;
import dk.sosi.sts.exchange.citizen.IdentityTokenIssuer;
import dk.sosi.sts.exchange.oio.DecryptionKeys;
import dk.sosi.sts.exchange.oio.BootstrapTokens;
import dk.sosi.sts.exchange.oio.HolderOfKey;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.trust.TrustedIdpTrust;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/Bst2Idws} (exchanges.md 3.4): a citizen-facing system holds a bootstrap token
 * that NemLog-in or SEB issued for a logged-in citizen, and wants an IDWS identity token for a citizen service (an
 * active audience of {@code audienceConfiguration}, which whitelists the system). The issuers are rows of
 * {@code trustedIdpCitizenConfiguration}; times are judged with {@code nboConfiguration.allowedDriftInSeconds}.
 * Inside SLA point 270 {@code NboIdwsRequestHandler.convert}.
 */
public final class Bst2IdwsExchange implements OioExchange {

    /** The claims of the request (exchanges.md 3.4), as Seal and unsealed name them. */
    static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";
    static final String SUBJECT = "bootstrap token";
    /** A NemLog-in 3 style NameID names the citizen by CPR after this prefix. */
    static final String CPR_NAME_ID_PREFIX = "dk:gov:saml:attribute:CprNumberIdentifier:";
    /** The PID of a personal certificate in a legacy NameID: {@code …,Serial=PID:9208-2002-2-514358910503}. */
    static final Pattern PID = Pattern.compile("PID:([0-9A-Za-z-]+)");

    /** Profile, issuer. */
    static final String PROFILE_NOT_ALLOWED = "Authentication failed: bootstrap tokens of profile %s are not accepted from %s";
    /** Issuer. */
    static final String WRONG_AUDIENCE = "The bootstrap token is not meant for the STS: its saml:AudienceRestriction names no "
            + "audience trustedIdpCitizenConfiguration configures for its issuer %s";
    static final String NO_HOLDER_OF_KEY = HolderOfKey.MISMATCH + ": the bootstrap token's holder-of-key confirmation has no certificate";
    static final String NO_NAME_ID = "The bootstrap token has no saml:Subject/saml:NameID";
    static final String NO_CPR = "The bootstrap token does not state the citizen's CPR: put auth:ClaimType Uri=\""
            + CPR_CLAIM + "\" in wst:Claims";
    static final String MALFORMED_CPR_CLAIM = "The claim " + CPR_CLAIM + " is not a CPR number (10 digits)";
    static final String MALFORMED_CPR = "The bootstrap token's CPR number is malformed";
    static final String CPR_MISMATCH = "Authentication failed: the claimed CPR is not the CPR of the bootstrap token";
    static final String UNVERIFIABLE_CPR = "Authentication failed: the bootstrap token names the citizen neither by CPR nor by "
            + "the PID of a personal certificate, so the claimed CPR cannot be verified";
    static final String UNRELATED_PID = "Authentication failed: the claimed CPR is not related to the PID of the bootstrap token";

    private final CitizenAudiences audiences;
    private final TrustedCitizenIdps idps;
    private final TrustedIdpTrust trust;
    private final DecryptionKeys decryptionKeys;
    private final AssertionDecrypter decrypter;
    private final IssuerSignedAssertions assertions;
    private final PidService pid;
    private final CitizenChecks citizens;
    private final IdentityTokenIssuer tokens;
    private final Duration allowedDrift;
    private final SlaLog sla;

    /** @param allowedDrift how far the issuer's clock may be off ({@code nboConfiguration.allowedDriftInSeconds}) */
    public Bst2IdwsExchange(CitizenAudiences audiences, TrustedCitizenIdps idps, TrustedIdpTrust trust, DecryptionKeys decryptionKeys,
            AssertionDecrypter decrypter, IssuerSignedAssertions assertions, PidService pid, CitizenChecks citizens,
            IdentityTokenIssuer tokens, Duration allowedDrift, SlaLog sla) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.idps = Objects.requireNonNull(idps, "idps");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.decryptionKeys = Objects.requireNonNull(decryptionKeys, "decryptionKeys");
        this.decrypter = Objects.requireNonNull(decrypter, "decrypter");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.pid = Objects.requireNonNull(pid, "pid");
        this.citizens = Objects.requireNonNull(citizens, "citizens");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.allowedDrift = Objects.requireNonNull(allowedDrift, "allowedDrift");
        this.sla = Objects.requireNonNull(sla, "sla");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        return sla.measure(SlaPoint.NBO_IDWS_CONVERT, request.context(), () -> convert(request));
    }

    private IssuedToken convert(OioRequest request) {
        CitizenAudience audience = audiences.find(request.token().appliesTo());
        Element token = BootstrapTokens.presented(request.token().actAs(), decrypter, decryptionKeys::all);
        SamlAssertion bst = assertions.check(token, SUBJECT, trust::forIssuer, allowedDrift).assertion();
        String tokenIssuer = bst.issuer();
        CitizenTokenProfile profile = CitizenTokenProfile.of(bst);
        if (!idps.profiles(tokenIssuer).contains(profile)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(PROFILE_NOT_ALLOWED, profile,
                    CallerText.quote(tokenIssuer)));
        }
        if (bst.conditions().audiences().stream().noneMatch(idps.audiences(tokenIssuer)::contains)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(WRONG_AUDIENCE, CallerText.quote(tokenIssuer)));
        }
        checkHolderOfKey(bst, request);
        NameId nameId = bst.subject().nameId().orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_NAME_ID));
        String cpr = cpr(bst, profile, nameId, request);
        List<SamlAttribute> acting = citizens.check(cpr, audience, request);
        return tokens.issue(new IdentityTokenIssuer.Citizen(nameId, cpr, request.caller().certificate().orElseThrow(), acting),
                audience, request.context());
    }

    /** A holder-of-key token only from the holder of its key; a bearer token (NemLog-in 2) from any admitted caller. */
    private static void checkHolderOfKey(SamlAssertion bst, OioRequest request) {
        for (SubjectConfirmation confirmation : bst.subject().confirmations()) {
            if (SubjectConfirmation.HOLDER_OF_KEY.equals(confirmation.method())) {
                HolderOfKey.check(confirmation.holderOfKeyCertificate()
                        .orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_HOLDER_OF_KEY)), request.caller());
            }
        }
    }

    /**
     * The citizen's CPR (OQ-11): the token's CPR attribute, else its NameID's CPR suffix, else the claim. A claim must
     * agree with the token; a claim the token does not state must be related to the PID its NameID names (SLA 221).
     */
    private String cpr(SamlAssertion bst, CitizenTokenProfile profile, NameId nameId, OioRequest request) {
        Optional<String> claimed = request.token().claim(CPR_CLAIM).filter(value -> !value.isBlank());
        if (claimed.isPresent() && !IdentifierFormats.CPR.matcher(claimed.get()).matches()) {
            throw new StsFault(FaultCode.INVALID_REQUEST, MALFORMED_CPR_CLAIM);
        }
        Optional<String> stated = profile.cpr(bst).or(() -> Optional.of(nameId.value())
                .filter(value -> value.startsWith(CPR_NAME_ID_PREFIX)).map(value -> value.substring(CPR_NAME_ID_PREFIX.length())));
        if (stated.isPresent()) {
            if (!IdentifierFormats.CPR.matcher(stated.get()).matches()) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, MALFORMED_CPR);
            }
            if (claimed.isPresent() && !claimed.get().equals(stated.get())) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, CPR_MISMATCH);
            }
            return stated.get();
        }
        String cpr = claimed.orElseThrow(() -> new StsFault(FaultCode.INVALID_REQUEST, NO_CPR));
        Matcher pidOfNameId = PID.matcher(nameId.value());
        if (!pidOfNameId.find()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, UNVERIFIABLE_CPR);
        }
        if (!pid.isRelated(pidOfNameId.group(1), cpr, request.context())) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, UNRELATED_PID);
        }
        return cpr;
    }
}

package dk.sosi.sts.exchange.bst2sosi;

import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.exchange.IdCardIssuer;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.oio.BootstrapTokens;
import dk.sosi.sts.exchange.oio.HolderOfKey;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.trust.TrustedIdpTrust;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/BST2SOSI} (exchanges.md 3.3): an employee's system holds a bootstrap token
 * from a local NSIS IdP (OIOH3BST), SEB (OIOH2BST) or NemLog-in 3 (OIO3BST), issued for the key it signs its
 * messages with, and wants a DGWS id-card for the DGWS services. The issuers are rows of
 * {@code trustedIdpConfiguration}; the handler's settings are bean {@code BST2SOSIRequestHandler}'s. Inside SLA
 * point 280 {@code BST2SOSIRequestHandler.convert}.
 */
public final class Bst2SosiExchange implements OioExchange {

    /** The claims of the request (exchanges.md 3.3), as Seal and unsealed name them. */
    static final String IT_SYSTEM_NAME = "medcom:ITSystemName";
    static final String USER_ROLE = "medcom:UserRole";
    static final String USER_AUTHORIZATION_CODE = "medcom:UserAuthorizationCode";
    static final String SUBJECT_NAME_ID = "sosi:SubjectNameID";

    /** The role of a card whose request names none. */
    static final String NO_ROLE = "urn:dk:healthcare:no-role";
    static final String OTHER = "medcom:other";
    static final String CVR_NUMBER = "medcom:cvrnumber";
    static final int AUTHENTICATION_LEVEL = 4;
    static final String SUBJECT = "bootstrap token";
    static final int MAX_CLAIM_LENGTH = 256;

    static final String NO_APPLIES_TO = "The request must name the audience of the id-card in wsp:AppliesTo";
    static final String NO_IT_SYSTEM = "ITSystemName required: put auth:ClaimType Uri=\"" + IT_SYSTEM_NAME + "\" in wst:Claims";
    static final String UNKNOWN_PROFILE = "The bootstrap token states no known profile: OIOH2BST (dk:gov:saml:attribute:SpecVer "
            + "DK-SAML-2.0), OIOH3BST or OIO3BST (https://data.gov.dk/model/core/specVersion OIO-SAML-3.0)";
    /** Profile, issuer. */
    static final String PROFILE_NOT_ALLOWED = "Authentication failed: bootstrap tokens of profile %s are not accepted from %s";
    static final String NO_HOLDER_OF_KEY = HolderOfKey.MISMATCH + ": the bootstrap token has no holder-of-key certificate";
    /** Subject serial number, issuer. */
    static final String NOT_WHITELISTED = "The certificate %s that signed the message may not exchange bootstrap tokens of %s";
    static final String NO_USER = "The bootstrap token names neither the user's CPR nor a professional UUID";
    /** UUID. */
    static final String UNKNOWN_UUID = "Authentication failed: no CPR is known for the professional UUID %s";
    /** Attribute name. */
    static final String MALFORMED_ATTRIBUTE = "The bootstrap token's %s is malformed";
    static final String NO_ORGANISATION = "The bootstrap token names no organisation (CVR)";
    /** Claim URI. */
    static final String MALFORMED_CLAIM = "The claim %s is malformed";

    private final Bst2SosiSettings settings;
    private final TrustedIdps idps;
    private final TrustedIdpTrust trust;
    private final AssertionDecrypter decrypter;
    private final IssuerSignedAssertions assertions;
    private final Uuid2CprService uuid2Cpr;
    private final AuthorizationCheck authorizations;
    private final NationalRoleCheck roles;
    private final IdCardIssuer issuer;
    private final SlaLog sla;

    public Bst2SosiExchange(Bst2SosiSettings settings, TrustedIdps idps, TrustedIdpTrust trust, AssertionDecrypter decrypter,
            IssuerSignedAssertions assertions, Uuid2CprService uuid2Cpr, AuthorizationCheck authorizations,
            NationalRoleCheck roles, IdCardIssuer issuer, SlaLog sla) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.idps = Objects.requireNonNull(idps, "idps");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.decrypter = Objects.requireNonNull(decrypter, "decrypter");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.uuid2Cpr = Objects.requireNonNull(uuid2Cpr, "uuid2Cpr");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.sla = Objects.requireNonNull(sla, "sla");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        return sla.measure(SlaPoint.BST2SOSI_CONVERT, request.context(), () -> convert(request));
    }

    private IssuedToken convert(OioRequest request) {
        RequestContext context = request.context();
        Element token = BootstrapTokens.presented(request.token().actAs(), decrypter, idps::decryptionKeys);
        SamlAssertion bst = assertions.check(token, SUBJECT, trust::forIssuer, settings.allowedDrift()).assertion();
        String tokenIssuer = bst.issuer();
        BootstrapTokenProfile profile = BootstrapTokenProfile.of(bst)
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, UNKNOWN_PROFILE));
        if (!idps.profiles(tokenIssuer).contains(profile)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(PROFILE_NOT_ALLOWED, profile,
                    CallerText.quote(tokenIssuer)));
        }
        IssuerSignedAssertions.requireAudience(bst, SUBJECT, settings.allowedAudience());
        if (idps.validateHolderOfKey(tokenIssuer)) {
            HolderOfKey.check(holderOfKey(bst), request.caller());
        }
        if (settings.whitelistValidation()) {
            checkWhitelisted(request, tokenIssuer);
        }
        String itSystem = request.token().claim(IT_SYSTEM_NAME).filter(name -> !name.isBlank())
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_REQUEST, NO_IT_SYSTEM));
        requireClaim(IT_SYSTEM_NAME, isText(itSystem));
        Optional<String> subjectNameId = request.token().claim(SUBJECT_NAME_ID).filter(id -> !id.isBlank());
        subjectNameId.ifPresent(id -> requireClaim(SUBJECT_NAME_ID, isText(id)));
        String appliesTo = request.token().appliesTo().filter(a -> !a.isBlank())
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, NO_APPLIES_TO));

        String cpr = cpr(bst, profile, context);
        String cvr = profile.cvr(bst).orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_ORGANISATION));
        requireForm(cvr, IdentifierFormats.CVR.matcher(cvr).matches(), "CVR number");
        String role = request.token().claim(USER_ROLE).filter(r -> !r.isBlank()).orElse(NO_ROLE);
        requireClaim(USER_ROLE, IdentifierFormats.isRole(role));
        Optional<String> authorizationCode = request.token().claim(USER_AUTHORIZATION_CODE).filter(code -> !code.isBlank());
        authorizationCode.ifPresent(code -> requireClaim(USER_AUTHORIZATION_CODE,
                IdentifierFormats.AUTHORIZATION_CODE.matcher(code).matches()));

        UserLog user = authorizations.check(new UserLog(Optional.of(cpr), profile.givenName(bst).orElse(""),
                profile.surname(bst).orElse(""), Optional.empty(), role, authorizationCode, Optional.empty()), context);
        if (profile == BootstrapTokenProfile.OIOH2BST) {
            Set<String> privileges = bst.attribute(BootstrapTokenProfile.Oiosaml2.PRIVILEGES)
                    .map(attribute -> PrivilegeList.at(attribute, cvr)).orElse(Set.of());
            roles.checkAgainst(privileges, role, cvr);
        } else {
            roles.check(role, Optional.of(cpr), cvr, context);
        }

        // NameID: the claim an alternative identifier, else the signer's certificate as the DGWS STS names employees,
        // the form Sosi2OIOSaml and DGWS providers read a card's certificate from
        IdCard.Builder card = IdCard.builder()
                .nameId(new NameId(OTHER, subjectNameId
                        .orElseGet(() -> CertificateInfo.of(request.caller().certificate().orElseThrow()).text())))
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.USER)
                .authenticationLevel(AUTHENTICATION_LEVEL)
                .userLog(Optional.of(user))
                .systemLog(new SystemLog(itSystem, CVR_NUMBER, cvr, profile.organisation(bst).orElse("")));
        return issuer.issueForOio(card, settings.fuzzyTime(), settings.idCardDuration(), appliesTo, context);
    }

    private static X509Certificate holderOfKey(SamlAssertion bst) {
        return bst.subject().confirmations().stream()
                .filter(confirmation -> SubjectConfirmation.HOLDER_OF_KEY.equals(confirmation.method()))
                .flatMap(confirmation -> confirmation.holderOfKeyCertificate().stream())
                .findFirst()
                .orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_HOLDER_OF_KEY));
    }

    /**
     * The kernel's caller check already refused a signer on no issuer's whitelist, before any signature
     * arithmetic; only now, with the token's issuer known and its signature verified, can the signer be held
     * to that issuer's rows (and issuer {@code *}'s).
     */
    private void checkWhitelisted(OioRequest request, String tokenIssuer) {
        X509Certificate signer = request.caller().certificate().orElseThrow();
        String serial;
        try {
            serial = CertificateNames.subjectSerialNumber(signer);
        } catch (IllegalArgumentException e) {
            serial = signer.getSubjectX500Principal().getName();
        }
        if (!idps.whitelisted(tokenIssuer).contains(serial)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_WHITELISTED, CallerText.quote(serial),
                    CallerText.quote(tokenIssuer)));
        }
    }

    /** The user's CPR: stated in the token, else the professional UUID's through UUID2CPR (OQ-8). */
    private String cpr(SamlAssertion bst, BootstrapTokenProfile profile, RequestContext context) {
        Optional<String> stated = profile.cpr(bst);
        if (stated.isPresent()) {
            requireForm(stated.get(), IdentifierFormats.CPR.matcher(stated.get()).matches(), "CPR number");
            return stated.get();
        }
        String uuid = profile.professionalUuid(bst).orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_USER));
        try {
            UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            requireForm(uuid, false, "professional UUID");
        }
        return uuid2Cpr.cprOf(uuid, context).orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION,
                String.format(UNKNOWN_UUID, CallerText.quote(uuid))));
    }

    private static void requireForm(String value, boolean wellFormed, String what) {
        if (!wellFormed) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(MALFORMED_ATTRIBUTE, what));
        }
    }

    /** A caller's text the STS signs into the card: printable and at most {@value #MAX_CLAIM_LENGTH} characters. */
    private static boolean isText(String value) {
        return value.length() <= MAX_CLAIM_LENGTH && value.chars().noneMatch(Character::isISOControl);
    }

    private static void requireClaim(String uri, boolean wellFormed) {
        if (!wellFormed) {
            throw new StsFault(FaultCode.INVALID_REQUEST, String.format(MALFORMED_CLAIM, uri));
        }
    }
}

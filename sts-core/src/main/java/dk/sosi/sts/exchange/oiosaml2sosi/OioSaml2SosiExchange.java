package dk.sosi.sts.exchange.oiosaml2sosi;

import dk.sosi.sts.exchange.IdCardIssuer;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.oio.HolderOfKey;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/OIOSaml2Sosi} (exchanges.md 3.2, the guide's "NBO"): a web application whose
 * employee logged in at NemLog-in (or another IdP of {@code nboConfiguration.trustedVault}) presents the IdP's
 * OIOSAML 2.0 assertion with a healthcare context token, and gets a level-4 DGWS id-card for the employee. SLA
 * point 250 {@code NboRequestHandler.serialize} measures the conversion.
 */
public final class OioSaml2SosiExchange implements OioExchange {

    /** The audience of an id-card, which Seal and unsealed always ask for. */
    public static final String SOSI_AUDIENCE = "http://sosi.dk";
    /** The role of a user whose context token names none (unsealed's default). */
    public static final String NO_ROLE = "urn:dk:healthcare:no-role";

    static final String NO_ASSERTION = "The wst14:ActAs must hold the NemLog-in assertion (saml:Assertion) followed by the "
            + "healthcare context token (saml:Assertion)";
    static final String NO_CONTEXT_TOKEN = "The wst14:ActAs holds no healthcare context token: put it as a second "
            + "saml:Assertion after the NemLog-in assertion";
    static final String TOO_MANY_TOKENS = "The wst14:ActAs must hold exactly two tokens: the NemLog-in assertion and the "
            + "healthcare context token";

    private static final int LEVEL = 4;
    private static final String CPR_NUMBER = "medcom:cprnumber";
    private static final String CVR_NUMBER = "medcom:cvrnumber";

    private final IssuerSignedAssertions assertions;
    private final SignerCheck trustedIdps;
    private final SamlAssertionReader reader;
    private final EmployeeCpr cprs;
    private final NationalRoleCheck roles;
    private final AuthorizationCheck authorizations;
    private final IdCardIssuer issuer;
    private final NboSettings settings;
    private final SlaLog sla;

    /** @param trustedIdps the trust in the IdPs' signing certificates: those of {@code nboConfiguration.trustedVault} */
    public OioSaml2SosiExchange(IssuerSignedAssertions assertions, SignerCheck trustedIdps, SamlAssertionReader reader,
            EmployeeCpr cprs, NationalRoleCheck roles, AuthorizationCheck authorizations, IdCardIssuer issuer,
            NboSettings settings, SlaLog sla) {
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.trustedIdps = Objects.requireNonNull(trustedIdps, "trustedIdps");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.cprs = Objects.requireNonNull(cprs, "cprs");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sla = Objects.requireNonNull(sla, "sla");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        return sla.measure(SlaPoint.NBO_SERIALIZE, request.context(), () -> convert(request));
    }

    private IssuedToken convert(OioRequest request) {
        RequestContext context = request.context();
        List<Element> tokens = tokens(request.token().actAs());
        NemLogInAssertion employee = NemLogInAssertion.of(assertions.check(tokens.get(0), NemLogInAssertion.SUBJECT,
                idp -> trustedIdps, settings.allowedDrift()));
        HealthcareContextToken work = HealthcareContextToken.read(tokens.get(1), employee.nameId(), reader);
        employee.holderOfKey().ifPresent(certificate -> HolderOfKey.check(certificate, request.caller()));

        String cpr = cprs.of(employee, context);
        String role = work.role().orElse(NO_ROLE);
        roles.check(role, Optional.of(cpr), employee.cvr(), context);
        UserLog user = authorizations.check(new UserLog(Optional.of(cpr), givenName(work, employee), surName(work, employee),
                employee.email(), role, work.authorizationCode(), Optional.empty()), context);

        IdCard.Builder card = IdCard.builder()
                .nameId(new NameId(CPR_NUMBER, cpr))
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.USER)
                .authenticationLevel(LEVEL)
                .userLog(Optional.of(user))
                .systemLog(new SystemLog(work.itSystemName(), CVR_NUMBER, employee.cvr(),
                        employee.organisationName().orElse(employee.cvr())));
        return issuer.issueForOio(card, settings.fuzzyTime(), settings.idCardDuration(),
                request.token().appliesTo().orElse(SOSI_AUDIENCE), context);
    }

    /** The IdP's assertion and the context token, in that order, and nothing else. */
    private static List<Element> tokens(List<Element> actAs) {
        if (actAs.isEmpty() || !isAssertion(actAs.get(0))) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_ASSERTION);
        }
        if (actAs.size() == 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_CONTEXT_TOKEN);
        }
        if (actAs.size() > 2) {
            throw new StsFault(FaultCode.INVALID_REQUEST, TOO_MANY_TOKENS);
        }
        if (!isAssertion(actAs.get(1))) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_CONTEXT_TOKEN);
        }
        return actAs;
    }

    private static boolean isAssertion(Element token) {
        return "Assertion".equals(token.getLocalName()) && Namespaces.SAML.equals(token.getNamespaceURI());
    }

    /** OQ-6: the context token's, else the assertion's common name without its surname. */
    private static String givenName(HealthcareContextToken work, NemLogInAssertion employee) {
        return work.givenName().orElseGet(() -> {
            String commonName = employee.commonName().orElse("");
            String surName = employee.surName().orElseGet(() -> lastWord(commonName));
            return commonName.endsWith(" " + surName)
                    ? commonName.substring(0, commonName.length() - surName.length() - 1).strip() : commonName;
        });
    }

    /** OQ-6: the context token's, else the assertion's surname, else the last word of its common name. */
    private static String surName(HealthcareContextToken work, NemLogInAssertion employee) {
        return work.surName().or(employee::surName).orElseGet(() -> lastWord(employee.commonName().orElse("")));
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }
}

package dk.sosi.sts.exchange.oiosaml2sosi;

import dk.sosi.sts.exchange.oio.HolderOfKey;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.token.oiosaml.OioSamlAttributes;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable. What OIOSaml2Sosi reads in the OIOSAML 2.0 assertion of the employee's IdP (exchanges.md 3.2 (a)),
 * once its signature and validity period were checked: an employee of an organisation, with the keys the CPR is
 * found by (an OCES2 employee's RID, an OCES3 employee's UUID, or the CPR itself) and the names and e-mail the card
 * carries.
 *
 * @param nameId            {@code saml:Subject/saml:NameID}, which the context token must repeat
 * @param issuerCertificate the certificate the IdP signed with
 * @param cvr               {@code dk:gov:saml:attribute:CvrNumberIdentifier}
 * @param rid               {@code dk:gov:saml:attribute:RidNumberIdentifier}, else the RID of the Uid {@code CVR:<cvr>-RID:<rid>}
 * @param uuid              the UUID of an OCES3 employee's Uid {@code UI:DK-E:G:<uuid>} (or {@code UI:DK-E:C:})
 * @param cpr               {@code dk:gov:saml:attribute:CprNumberIdentifier}
 * @param holderOfKey       the certificate of a holder-of-key SubjectConfirmation
 */
public record NemLogInAssertion(NameId nameId, X509Certificate issuerCertificate, String cvr, Optional<String> rid,
        Optional<String> uuid, Optional<String> cpr, Optional<String> commonName, Optional<String> surName,
        Optional<String> email, Optional<String> organisationName, Optional<X509Certificate> holderOfKey) {

    /** What the token is called in the texts of refusals. */
    public static final String SUBJECT = "NemLog-in assertion";

    /** The value found. */
    static final String WRONG_SPEC_VER = "The NemLog-in assertion must be OIOSAML 2.0 (dk:gov:saml:attribute:SpecVer "
            + OioSamlAttributes.SPEC_VER_DK_SAML_2_0 + "), was %s";
    static final String NO_NAME_ID = "The NemLog-in assertion has no saml:Subject/saml:NameID";
    /** The value found. */
    static final String NO_CVR = "The NemLog-in assertion must name the employee's organisation in "
            + "dk:gov:saml:attribute:CvrNumberIdentifier (8 digits), was %s";

    private static final Pattern OCES2_EMPLOYEE = Pattern.compile("CVR:\\d{8}-RID:(.+)");
    private static final Pattern OCES3_EMPLOYEE = Pattern.compile("UI:DK-E:[GC]:([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})");

    public NemLogInAssertion {
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(issuerCertificate, "issuerCertificate");
        Objects.requireNonNull(cvr, "cvr");
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(cpr, "cpr");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(surName, "surName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(holderOfKey, "holderOfKey");
    }

    /**
     * Reads {@code checked}; throws {@code wst:InvalidSecurityToken} for an assertion that is not OIOSAML 2.0 or
     * names no subject or organisation, and {@code wst:FailedAuthentication} for a holder-of-key confirmation without
     * a certificate.
     */
    public static NemLogInAssertion of(IssuerSignedAssertions.Checked checked) {
        SamlAssertion assertion = checked.assertion();
        Optional<String> specVer = text(assertion, OioSamlAttributes.SPEC_VER);
        if (!specVer.equals(Optional.of(OioSamlAttributes.SPEC_VER_DK_SAML_2_0))) {
            throw invalid(String.format(WRONG_SPEC_VER, specVer.map(CallerText::quote).orElse("none")));
        }
        NameId nameId = assertion.subject().nameId().orElseThrow(() -> invalid(NO_NAME_ID));
        Optional<String> cvr = text(assertion, OioSamlAttributes.CVR_NUMBER);
        if (cvr.isEmpty() || !IdentifierFormats.CVR.matcher(cvr.get()).matches()) {
            throw invalid(String.format(NO_CVR, cvr.map(CallerText::quote).orElse("none")));
        }
        Optional<String> uid = text(assertion, OioSamlAttributes.UID);
        Optional<String> rid = text(assertion, OioSamlAttributes.RID_NUMBER)
                .or(() -> uid.map(OCES2_EMPLOYEE::matcher).filter(Matcher::matches).map(m -> m.group(1)));
        Optional<String> uuid = uid.map(OCES3_EMPLOYEE::matcher).filter(Matcher::matches).map(m -> m.group(1));
        return new NemLogInAssertion(nameId, checked.issuerCertificate(), cvr.get(), rid, uuid,
                text(assertion, OioSamlAttributes.CPR_NUMBER), text(assertion, OioSamlAttributes.COMMON_NAME),
                text(assertion, OioSamlAttributes.SUR_NAME), text(assertion, OioSamlAttributes.EMAIL),
                text(assertion, OioSamlAttributes.ORGANIZATION_NAME), holderOfKey(assertion.subject().confirmations()));
    }

    /** The holder-of-key certificate; a holder-of-key confirmation without one matches no caller. */
    private static Optional<X509Certificate> holderOfKey(List<SubjectConfirmation> confirmations) {
        Optional<SubjectConfirmation> holderOfKey = confirmations.stream()
                .filter(c -> SubjectConfirmation.HOLDER_OF_KEY.equals(c.method())).findFirst();
        if (holderOfKey.isPresent() && holderOfKey.get().holderOfKeyCertificate().isEmpty()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, HolderOfKey.MISMATCH);
        }
        return holderOfKey.flatMap(SubjectConfirmation::holderOfKeyCertificate);
    }

    private static Optional<String> text(SamlAssertion assertion, String name) {
        return assertion.attribute(name).flatMap(SamlAttribute::firstText).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static StsFault invalid(String message) {
        return new StsFault(FaultCode.INVALID_SECURITY_TOKEN, message);
    }
}

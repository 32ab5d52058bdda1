package dk.sosi.sts.exchange.oiosaml2sosi;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. The unsigned "healthcare context token" beside the IdP's assertion (exchanges.md 3.2 (b)): what the
 * IT system says about the user's work in it. It is the caller's word, covered by the message signature only,
 * so it must be about the subject of the IdP's assertion.
 *
 * @param itSystemName      {@code dk:healthcare:saml:attribute:ITSystemName}
 * @param authorizationCode {@code dk:healthcare:saml:attribute:UserAuthorizationCode}
 * @param role              {@code dk:healthcare:saml:attribute:UserEducationCode}
 * @param givenName         {@code dk:healthcare:saml:attribute:UserGivenName}
 * @param surName           {@code dk:healthcare:saml:attribute:UserSurName}
 */
public record HealthcareContextToken(String itSystemName, Optional<String> authorizationCode, Optional<String> role,
        Optional<String> givenName, Optional<String> surName) {

    public static final String ATTRIBUTE_PREFIX = "dk:healthcare:saml:attribute:";
    public static final String IT_SYSTEM_NAME = ATTRIBUTE_PREFIX + "ITSystemName";
    public static final String USER_AUTHORIZATION_CODE = ATTRIBUTE_PREFIX + "UserAuthorizationCode";
    public static final String USER_EDUCATION_CODE = ATTRIBUTE_PREFIX + "UserEducationCode";
    public static final String USER_GIVEN_NAME = ATTRIBUTE_PREFIX + "UserGivenName";
    public static final String USER_SUR_NAME = ATTRIBUTE_PREFIX + "UserSurName";

    /** Seal.Net's words for the missing IT system, which client developers search for. */
    static final String NO_IT_SYSTEM = "ITSystemName required: the healthcare context token must carry " + IT_SYSTEM_NAME;
    static final String OTHER_SUBJECT = "The healthcare context token must be about the user of the NemLog-in assertion: "
            + "its saml:Subject/saml:NameID must equal the assertion's";
    /** The value found. */
    static final String NOT_A_ROLE = "The healthcare context token's " + USER_EDUCATION_CODE
            + " is not a role (a national role urn:dk:healthcare:national-federation-role:code:<code>:value:<value>,"
            + " an education code or another text of at most 256 printable characters): %s";

    public HealthcareContextToken {
        Objects.requireNonNull(itSystemName, "itSystemName");
        Objects.requireNonNull(authorizationCode, "authorizationCode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(surName, "surName");
    }

    /**
     * Reads {@code element}, a context token about {@code subject}; throws {@code wst:InvalidRequest} when it is
     * about another subject, has no IT system or no usable role.
     */
    public static HealthcareContextToken read(Element element, NameId subject, SamlAssertionReader reader) {
        SamlAssertion token = reader.read(element).assertion();
        boolean sameSubject = token.subject().nameId()
                .filter(nameId -> nameId.value().equals(subject.value()))
                .filter(nameId -> nameId.format().isEmpty() || nameId.format().equals(subject.format()))
                .isPresent();
        if (!sameSubject) {
            throw invalid(OTHER_SUBJECT);
        }
        String itSystemName = text(token, IT_SYSTEM_NAME).orElseThrow(() -> invalid(NO_IT_SYSTEM));
        Optional<String> role = text(token, USER_EDUCATION_CODE);
        if (role.isPresent() && !IdentifierFormats.isRole(role.get())) {
            throw invalid(String.format(NOT_A_ROLE, CallerText.quote(role.get())));
        }
        return new HealthcareContextToken(itSystemName, text(token, USER_AUTHORIZATION_CODE), role,
                text(token, USER_GIVEN_NAME), text(token, USER_SUR_NAME));
    }

    private static Optional<String> text(SamlAssertion token, String name) {
        return token.attribute(name).flatMap(SamlAttribute::firstText).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static StsFault invalid(String message) {
        return new StsFault(FaultCode.INVALID_REQUEST, message);
    }
}

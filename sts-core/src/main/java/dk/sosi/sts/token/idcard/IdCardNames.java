package dk.sosi.sts.token.idcard;

/**
 * The names and fixed values of a DGWS id-card (protocol.md 3.2). Attribute names are literal strings
 * with their conventional prefix: a card is read by comparing {@code Name} text, never by resolving the
 * prefix against the document's namespace declarations.
 */
final class IdCardNames {

    /** The card's id attribute as Seal writes it; {@link #ID_UPPER} is also accepted on input. */
    static final String ID = "id";
    static final String ID_UPPER = "ID";
    /** The value of the card's id attribute, and so of its signature's reference {@code #IDCard}. */
    static final String ID_VALUE = "IDCard";
    static final String SAML_VERSION = "2.0";

    static final String ASSERTION = "Assertion";
    static final String ISSUER = "Issuer";
    static final String SUBJECT = "Subject";
    static final String NAME_ID = "NameID";
    static final String FORMAT = "Format";
    static final String SUBJECT_CONFIRMATION = "SubjectConfirmation";
    static final String CONFIRMATION_METHOD = "ConfirmationMethod";
    static final String METHOD = "Method";
    static final String SUBJECT_CONFIRMATION_DATA = "SubjectConfirmationData";
    static final String CONDITIONS = "Conditions";
    static final String ATTRIBUTE_STATEMENT = "AttributeStatement";
    static final String ATTRIBUTE = "Attribute";
    static final String ATTRIBUTE_VALUE = "AttributeValue";
    static final String NAME = "Name";
    static final String NAME_FORMAT = "NameFormat";
    static final String ISSUE_INSTANT = "IssueInstant";
    static final String VERSION = "Version";
    static final String NOT_BEFORE = "NotBefore";
    static final String NOT_ON_OR_AFTER = "NotOnOrAfter";
    static final String KEY_INFO = "KeyInfo";
    static final String KEY_NAME = "KeyName";
    static final String SIGNATURE = "Signature";
    static final String USERNAME_TOKEN = "UsernameToken";
    static final String USERNAME = "Username";
    static final String PASSWORD = "Password";

    static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    /** The KeyName of a level-3/4 card's SubjectConfirmationData: the id of its signature. */
    static final String OCES_SIGNATURE = "OCESSignature";

    static final String ID_CARD_DATA = "IDCardData";
    static final String USER_LOG = "UserLog";
    static final String SYSTEM_LOG = "SystemLog";

    static final String ID_CARD_ID = "sosi:IDCardID";
    static final String ID_CARD_VERSION = "sosi:IDCardVersion";
    static final String ID_CARD_TYPE = "sosi:IDCardType";
    static final String AUTHENTICATION_LEVEL = "sosi:AuthenticationLevel";
    static final String OCES_CERT_HASH = "sosi:OCESCertHash";

    static final String USER_CIVIL_REGISTRATION_NUMBER = "medcom:UserCivilRegistrationNumber";
    static final String USER_GIVEN_NAME = "medcom:UserGivenName";
    static final String USER_SUR_NAME = "medcom:UserSurName";
    static final String USER_EMAIL_ADDRESS = "medcom:UserEmailAddress";
    static final String USER_ROLE = "medcom:UserRole";
    static final String USER_AUTHORIZATION_CODE = "medcom:UserAuthorizationCode";
    static final String USER_OCCUPATION = "medcom:UserOccupation";

    static final String IT_SYSTEM_NAME = "medcom:ITSystemName";
    static final String CARE_PROVIDER_ID = "medcom:CareProviderID";
    static final String CARE_PROVIDER_NAME = "medcom:CareProviderName";

    private IdCardNames() {
    }
}

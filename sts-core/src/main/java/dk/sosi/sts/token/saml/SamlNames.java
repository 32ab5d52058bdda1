package dk.sosi.sts.token.saml;

import dk.sosi.sts.soap.Namespaces;

/** The names of SAML 2.0 assertions (saml-schema-assertion-2.0, {@code oiosaml/standard-saml.xsd}) and their namespaces. */
final class SamlNames {

    static final String SAML = Namespaces.SAML;
    static final String DS = Namespaces.DS;
    static final String XS = Namespaces.XS;
    static final String XSI = Namespaces.XSI;
    static final String XMLNS = Namespaces.XMLNS;

    static final String VERSION_2_0 = "2.0";
    /** The {@code xsi:type} of every text AttributeValue written (exchanges.md 2.8 S4). */
    static final String XS_STRING = "xs:string";
    /** The {@code xsi:type} of a holder-of-key SubjectConfirmationData written. */
    static final String KEY_INFO_CONFIRMATION_DATA_TYPE = "saml:KeyInfoConfirmationDataType";

    static final String ASSERTION = "Assertion";
    static final String ISSUER = "Issuer";
    static final String SUBJECT = "Subject";
    static final String NAME_ID = "NameID";
    static final String SUBJECT_CONFIRMATION = "SubjectConfirmation";
    static final String SUBJECT_CONFIRMATION_DATA = "SubjectConfirmationData";
    static final String CONDITIONS = "Conditions";
    static final String AUDIENCE_RESTRICTION = "AudienceRestriction";
    static final String AUDIENCE = "Audience";
    static final String AUTHN_STATEMENT = "AuthnStatement";
    static final String AUTHN_CONTEXT = "AuthnContext";
    static final String AUTHN_CONTEXT_CLASS_REF = "AuthnContextClassRef";
    static final String ATTRIBUTE_STATEMENT = "AttributeStatement";
    static final String ATTRIBUTE = "Attribute";
    static final String ATTRIBUTE_VALUE = "AttributeValue";
    static final String SIGNATURE = "Signature";
    static final String KEY_INFO = "KeyInfo";
    static final String X509_DATA = "X509Data";
    static final String X509_CERTIFICATE = "X509Certificate";

    static final String ID = "ID";
    static final String VERSION = "Version";
    static final String ISSUE_INSTANT = "IssueInstant";
    static final String FORMAT = "Format";
    static final String METHOD = "Method";
    static final String RECIPIENT = "Recipient";
    static final String NOT_BEFORE = "NotBefore";
    static final String NOT_ON_OR_AFTER = "NotOnOrAfter";
    static final String AUTHN_INSTANT = "AuthnInstant";
    static final String SESSION_INDEX = "SessionIndex";
    static final String NAME = "Name";
    static final String NAME_FORMAT = "NameFormat";
    static final String FRIENDLY_NAME = "FriendlyName";
    static final String TYPE = "type";

    private SamlNames() {
    }
}

package dk.sosi.sts.token.idcard;

import static dk.sosi.sts.token.idcard.IdCardNames.*;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.soap.Namespaces;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe. Reads a DGWS id-card from its {@code saml:Assertion} (protocol.md 3).
 *
 * <p>Lenient about form, as every client variant of protocol.md 3 and 11 is accepted: DGWS 1.0 local
 * times and 1.0.1 UTC times (also fractional seconds and offsets), surrounding whitespace, {@code id} or
 * {@code ID} as the card's id attribute, the SubjectConfirmation method as a {@code saml:ConfirmationMethod}
 * element or a {@code Method} attribute, attribute names compared as literal prefixed text whatever
 * prefixes the document declares, unknown attributes and statements ignored.
 *
 * <p>Strict about content (protocol.md 3.7): IDCardData and SystemLog present, a UserLog with given name,
 * surname and role on user cards, the required values non-empty, a known version, type and level 1–4,
 * a CPR, authorisation code and role in their forms ({@link IdentifierFormats}), so that no malformed
 * identifier ever reaches a backend,
 * exactly one AttributeValue per Attribute, at most one ds:Signature. Each violation is a
 * {@link FaultCode#AUTHENTICATION_BAD_ELEMENTS} fault naming the element; an element that is not a
 * {@code saml:Assertion} at all is {@link FaultCode#INVALID_REQUEST}.
 *
 * <p>Only direct children are read, never descendants, so content nested elsewhere in the card cannot
 * stand in for the card's own. Nothing is verified here: see {@code EnvelopedSignatureVerifier}.
 */
public final class IdCardParser {

    static final String NOT_AN_ASSERTION = "The id-card must be a saml:Assertion";
    static final String NO_ID = "The saml:Assertion has no id attribute";
    /** Element, attribute: "The saml:Conditions has no NotBefore attribute". */
    static final String NO_XML_ATTRIBUTE = "The %s has no %s attribute";
    /** Element, attribute, value. */
    static final String NOT_A_TIME = "The %s %s is not an xs:dateTime: %s";
    /** Element. */
    static final String MISSING_ELEMENT = "The id-card has no %s";
    /** Element. */
    static final String DUPLICATE_ELEMENT = "The id-card has more than one %s";
    /** Element. */
    static final String EMPTY_ELEMENT = "The %s of the id-card is empty";
    static final String NOT_HOLDER_OF_KEY =
            "The saml:SubjectConfirmation method must be urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    static final String NO_CONFIRMATION_DATA =
            "The saml:SubjectConfirmation must hold a saml:SubjectConfirmationData with ds:KeyInfo or wsse:UsernameToken";
    static final String INCOMPLETE_USERNAME_TOKEN =
            "The wsse:UsernameToken of the id-card must hold a non-empty wsse:Username and wsse:Password";
    static final String LEVEL_2_WITHOUT_USERNAME_TOKEN =
            "An id-card of authentication level 2 must carry a wsse:UsernameToken in its saml:SubjectConfirmationData";
    /** Statement id. */
    static final String MISSING_STATEMENT = "The id-card has no saml:AttributeStatement %s";
    /** Statement id. */
    static final String DUPLICATE_STATEMENT = "The id-card has more than one saml:AttributeStatement %s";
    static final String STATEMENT_WITHOUT_ID = "A saml:AttributeStatement of the id-card has no id attribute";
    static final String USER_CARD_WITHOUT_USER_LOG = "A user id-card must have a saml:AttributeStatement UserLog";
    /** Statement id. */
    static final String ATTRIBUTE_WITHOUT_NAME = "A saml:Attribute in saml:AttributeStatement %s has no Name";
    /** Attribute name, statement id. */
    static final String DUPLICATE_ATTRIBUTE = "The saml:Attribute %s appears more than once in saml:AttributeStatement %s";
    /** Attribute name. */
    static final String ATTRIBUTE_VALUE_COUNT = "The saml:Attribute %s must hold exactly one saml:AttributeValue";
    /** Statement id, attribute name. */
    static final String MISSING_ATTRIBUTE = "The saml:AttributeStatement %s has no saml:Attribute %s";
    /** Attribute name. */
    static final String EMPTY_ATTRIBUTE = "The saml:Attribute %s is empty";
    /** Value. */
    static final String UNKNOWN_VERSION = "The sosi:IDCardVersion must be 1.0 or 1.0.1, was %s";
    /** Value. */
    static final String UNKNOWN_TYPE = "The sosi:IDCardType must be user or system, was %s";
    /** Value. */
    static final String UNKNOWN_LEVEL = "The sosi:AuthenticationLevel must be 1, 2, 3 or 4, was %s";
    static final String LEVEL_5 = "The sosi:AuthenticationLevel 5 is not supported by SOSI; use 1, 2, 3 or 4";
    static final String NO_CARE_PROVIDER_FORMAT = "The saml:Attribute medcom:CareProviderID has no NameFormat";
    static final String MORE_THAN_ONE_SIGNATURE = "The id-card holds more than one ds:Signature";
    /** Attribute name, its form, value. */
    static final String MALFORMED_IDENTIFIER = "The saml:Attribute %s must be %s, was %s";
    /** Value. */
    static final String MALFORMED_ROLE = "The saml:Attribute medcom:UserRole must be printable text of at most 256 characters, "
            + "and a national role in the form urn:dk:healthcare:national-federation-role:code:<code>:value:<value>; was %s";

    private final DgwsTimes times;

    /** @param dgws10Zone the zone of DGWS 1.0 local times (Europe/Copenhagen in production) */
    public IdCardParser(ZoneId dgws10Zone) {
        this.times = new DgwsTimes(dgws10Zone);
    }

    /**
     * Reads the card {@code assertion} holds.
     *
     * @throws StsFault {@link FaultCode#INVALID_REQUEST} if {@code assertion} is not a {@code saml:Assertion},
     *                  {@link FaultCode#AUTHENTICATION_BAD_ELEMENTS} if it is not a valid id-card
     */
    public ParsedIdCard parse(Element assertion) {
        Objects.requireNonNull(assertion, "assertion");
        if (!isSaml(assertion, ASSERTION)) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NOT_AN_ASSERTION);
        }
        if (attribute(assertion, ID).isEmpty() && attribute(assertion, ID_UPPER).isEmpty()) {
            throw bad(NO_ID);
        }
        Instant issueInstant = time(assertion, "saml:Assertion", ISSUE_INSTANT);

        Element issuer = null;
        Element subject = null;
        Element conditions = null;
        Element signature = null;
        Map<String, Statement> statements = new HashMap<>();
        for (Element child = firstChild(assertion); child != null; child = nextSibling(child)) {
            if (isSaml(child, ISSUER)) {
                issuer = single(issuer, child, "saml:Issuer");
            } else if (isSaml(child, SUBJECT)) {
                subject = single(subject, child, "saml:Subject");
            } else if (isSaml(child, CONDITIONS)) {
                conditions = single(conditions, child, "saml:Conditions");
            } else if (isSaml(child, ATTRIBUTE_STATEMENT)) {
                Statement statement = statement(child);
                if (statement != null && statements.put(statement.id(), statement) != null) {
                    throw bad(String.format(DUPLICATE_STATEMENT, statement.id()));
                }
            } else if (is(child, Namespaces.DS, SIGNATURE)) {
                if (signature != null) {
                    throw bad(MORE_THAN_ONE_SIGNATURE);
                }
                signature = child;
            }
        }

        String issuerName = text(required(issuer, "saml:Issuer"));
        if (issuerName.isEmpty()) {
            throw bad(String.format(EMPTY_ELEMENT, "saml:Issuer"));
        }
        required(subject, "saml:Subject");
        NameId nameId = nameId(subject);
        Optional<UsernameToken> usernameToken = subjectConfirmation(subject);
        required(conditions, "saml:Conditions");
        Instant notBefore = time(conditions, "saml:Conditions", NOT_BEFORE);
        Instant notOnOrAfter = time(conditions, "saml:Conditions", NOT_ON_OR_AFTER);

        Statement data = statement(statements, ID_CARD_DATA);
        String idCardId = data.required(ID_CARD_ID);
        DgwsVersion version = version(data.required(ID_CARD_VERSION));
        IdCardType type = type(data.required(ID_CARD_TYPE));
        int level = level(data.required(AUTHENTICATION_LEVEL));
        Optional<String> ocesCertHash = data.optional(OCES_CERT_HASH);
        if (level == 2 && usernameToken.isEmpty()) {
            throw bad(LEVEL_2_WITHOUT_USERNAME_TOKEN);
        }

        Statement user = statements.get(USER_LOG);
        if (type == IdCardType.USER && user == null) {
            throw bad(USER_CARD_WITHOUT_USER_LOG);
        }
        Optional<UserLog> userLog = Optional.ofNullable(user).map(IdCardParser::userLog);
        SystemLog systemLog = systemLog(statement(statements, SYSTEM_LOG));

        IdCard card = new IdCard(issuerName, nameId, issueInstant, notBefore, notOnOrAfter, idCardId, version, type,
                level, ocesCertHash, userLog, systemLog, usernameToken);
        return new ParsedIdCard(card, assertion, Optional.ofNullable(signature));
    }

    private static NameId nameId(Element subject) {
        Element nameId = null;
        for (Element child = firstChild(subject); child != null; child = nextSibling(child)) {
            if (isSaml(child, NAME_ID)) {
                nameId = single(nameId, child, "saml:NameID");
            }
        }
        required(nameId, "saml:NameID");
        String format = attribute(nameId, FORMAT);
        if (format.isEmpty()) {
            throw bad(String.format(NO_XML_ATTRIBUTE, "saml:NameID", FORMAT));
        }
        return new NameId(format, text(nameId));
    }

    /** The level-2 UsernameToken, if the subject is confirmed by one; KeyInfo (levels 3 and 4) leaves it empty. */
    private static Optional<UsernameToken> subjectConfirmation(Element subject) {
        Element confirmation = null;
        for (Element child = firstChild(subject); child != null; child = nextSibling(child)) {
            if (isSaml(child, SUBJECT_CONFIRMATION)) {
                confirmation = single(confirmation, child, "saml:SubjectConfirmation");
            }
        }
        if (confirmation == null) {
            return Optional.empty();
        }
        String method = attribute(confirmation, METHOD);
        Element data = null;
        for (Element child = firstChild(confirmation); child != null; child = nextSibling(child)) {
            if (isSaml(child, CONFIRMATION_METHOD)) {
                method = text(child);
            } else if (isSaml(child, SUBJECT_CONFIRMATION_DATA)) {
                data = single(data, child, "saml:SubjectConfirmationData");
            }
        }
        if (!HOLDER_OF_KEY.equals(method)) {
            throw bad(NOT_HOLDER_OF_KEY);
        }
        if (data == null) {
            throw bad(NO_CONFIRMATION_DATA);
        }
        for (Element child = firstChild(data); child != null; child = nextSibling(child)) {
            if (is(child, Namespaces.WSSE, USERNAME_TOKEN)) {
                return Optional.of(usernameToken(child));
            }
            if (is(child, Namespaces.DS, KEY_INFO)) {
                return Optional.empty();
            }
        }
        throw bad(NO_CONFIRMATION_DATA);
    }

    private static UsernameToken usernameToken(Element token) {
        String username = "";
        String password = "";
        for (Element child = firstChild(token); child != null; child = nextSibling(child)) {
            if (is(child, Namespaces.WSSE, USERNAME)) {
                username = text(child);
            } else if (is(child, Namespaces.WSSE, PASSWORD)) {
                password = text(child);
            }
        }
        if (username.isEmpty() || password.isEmpty()) {
            throw bad(INCOMPLETE_USERNAME_TOKEN);
        }
        return new UsernameToken(username, password);
    }

    private static UserLog userLog(Statement user) {
        Optional<String> cpr = user.optional(USER_CIVIL_REGISTRATION_NUMBER);
        cpr.ifPresent(value -> requireForm(value, IdentifierFormats.CPR, USER_CIVIL_REGISTRATION_NUMBER, "10 digits"));
        Optional<String> authorizationCode = user.optional(USER_AUTHORIZATION_CODE);
        authorizationCode.ifPresent(value -> requireForm(value, IdentifierFormats.AUTHORIZATION_CODE, USER_AUTHORIZATION_CODE,
                "1 to 10 letters and digits"));
        String role = user.required(USER_ROLE);
        if (!IdentifierFormats.isRole(role)) {
            throw bad(String.format(MALFORMED_ROLE, echo(role)));
        }
        return new UserLog(cpr, user.required(USER_GIVEN_NAME), user.required(USER_SUR_NAME), user.optional(USER_EMAIL_ADDRESS),
                role, authorizationCode, user.optional(USER_OCCUPATION));
    }

    private static SystemLog systemLog(Statement system) {
        String itSystemName = system.required(IT_SYSTEM_NAME);
        String careProviderId = system.required(CARE_PROVIDER_ID);
        String format = system.careProviderIdFormat();
        if (format.isEmpty()) {
            throw bad(NO_CARE_PROVIDER_FORMAT);
        }
        return new SystemLog(itSystemName, format, careProviderId, system.required(CARE_PROVIDER_NAME));
    }

    /** Refuses {@code value} of attribute {@code name} unless it has {@code form}, before any backend sees it. */
    private static void requireForm(String value, Pattern form, String name, String described) {
        if (!form.matcher(value).matches()) {
            throw bad(String.format(MALFORMED_IDENTIFIER, name, described, echo(value)));
        }
    }

    private static DgwsVersion version(String value) {
        for (DgwsVersion version : DgwsVersion.values()) {
            if (version.value().equals(value)) {
                return version;
            }
        }
        throw bad(String.format(UNKNOWN_VERSION, echo(value)));
    }

    private static IdCardType type(String value) {
        for (IdCardType type : IdCardType.values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        throw bad(String.format(UNKNOWN_TYPE, echo(value)));
    }

    private static int level(String value) {
        int level;
        try {
            level = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(String.format(UNKNOWN_LEVEL, echo(value)));
        }
        if (level == 5) {
            throw bad(LEVEL_5);
        }
        if (level < IdCard.MIN_AUTHENTICATION_LEVEL || level > IdCard.MAX_AUTHENTICATION_LEVEL) {
            throw bad(String.format(UNKNOWN_LEVEL, echo(value)));
        }
        return level;
    }

    private Instant time(Element element, String elementName, String attributeName) {
        String value = attribute(element, attributeName);
        if (value.isEmpty()) {
            throw bad(String.format(NO_XML_ATTRIBUTE, elementName, attributeName));
        }
        try {
            return times.parse(value);
        } catch (DateTimeException e) {
            throw bad(String.format(NOT_A_TIME, elementName, attributeName, echo(value)));
        }
    }

    private static Statement statement(Map<String, Statement> statements, String id) {
        Statement statement = statements.get(id);
        if (statement == null) {
            throw bad(String.format(MISSING_STATEMENT, id));
        }
        return statement;
    }

    /** The statement's attributes, or null if it is not one of the three a card uses. */
    private static Statement statement(Element element) {
        String id = attribute(element, ID);
        if (id.isEmpty()) {
            id = attribute(element, ID_UPPER);
        }
        if (id.isEmpty()) {
            throw bad(STATEMENT_WITHOUT_ID);
        }
        if (!ID_CARD_DATA.equals(id) && !USER_LOG.equals(id) && !SYSTEM_LOG.equals(id)) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        String careProviderIdFormat = "";
        for (Element attribute = firstChild(element); attribute != null; attribute = nextSibling(attribute)) {
            if (!isSaml(attribute, ATTRIBUTE)) {
                continue;
            }
            String name = attribute(attribute, NAME);
            if (name.isEmpty()) {
                throw bad(String.format(ATTRIBUTE_WITHOUT_NAME, id));
            }
            Element value = null;
            for (Element child = firstChild(attribute); child != null; child = nextSibling(child)) {
                if (isSaml(child, ATTRIBUTE_VALUE)) {
                    if (value != null) {
                        throw bad(String.format(ATTRIBUTE_VALUE_COUNT, cut(name)));
                    }
                    value = child;
                }
            }
            if (value == null) {
                throw bad(String.format(ATTRIBUTE_VALUE_COUNT, cut(name)));
            }
            if (values.put(name, text(value)) != null) {
                throw bad(String.format(DUPLICATE_ATTRIBUTE, cut(name), id));
            }
            if (CARE_PROVIDER_ID.equals(name)) {
                careProviderIdFormat = attribute(attribute, NAME_FORMAT);
            }
        }
        return new Statement(id, values, careProviderIdFormat);
    }

    /** The attribute values of one AttributeStatement, by literal Name. */
    private record Statement(String id, Map<String, String> values, String careProviderIdFormat) {

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw bad(String.format(MISSING_ATTRIBUTE, id, name));
            }
            if (value.isEmpty()) {
                throw bad(String.format(EMPTY_ATTRIBUTE, name));
            }
            return value;
        }

        /** Absent and empty are the same. */
        Optional<String> optional(String name) {
            return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
        }
    }

    private static Element single(Element found, Element next, String name) {
        if (found != null) {
            throw bad(String.format(DUPLICATE_ELEMENT, name));
        }
        return next;
    }

    private static Element required(Element element, String name) {
        if (element == null) {
            throw bad(String.format(MISSING_ELEMENT, name));
        }
        return element;
    }

    private static StsFault bad(String message) {
        return new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, message);
    }

    /** A caller's value, quoted, escaped and cut. */
    private static String echo(String value) {
        return CallerText.quote(value);
    }

    /** A caller's name, escaped and cut. */
    private static String cut(String value) {
        return CallerText.limit(value, CallerText.MAX_VALUE);
    }

    /** The unqualified attribute's value, stripped; empty if absent. */
    private static String attribute(Element element, String name) {
        return element.getAttributeNS(null, name).strip();
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static boolean isSaml(Element element, String localName) {
        return is(element, Namespaces.SAML, localName);
    }

    private static boolean is(Element element, String namespace, String localName) {
        return localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    private static Element firstChild(Element parent) {
        return element(parent.getFirstChild());
    }

    private static Element nextSibling(Element element) {
        return element(element.getNextSibling());
    }

    private static Element element(Node node) {
        Node current = node;
        while (current != null && current.getNodeType() != Node.ELEMENT_NODE) {
            current = current.getNextSibling();
        }
        return (Element) current;
    }
}

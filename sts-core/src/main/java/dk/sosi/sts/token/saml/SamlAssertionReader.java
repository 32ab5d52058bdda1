package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.SamlNames.*;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.Certificates;
import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Immutable and thread-safe. Reads a SAML 2.0 assertion: OIOSAML assertions from NemLog-in and local
 * IdPs, bootstrap tokens, IDWS identity tokens (exchanges.md 3.1–3.4).
 *
 * <p>Lenient about form, as the clients of exchanges.md 2.3 (L7, L8) demand: any namespace prefixes or a
 * default namespace; {@code xsi:type} on AttributeValue and SubjectConfirmationData is not looked at (it
 * may be {@code xs:string}, {@code xsd:string}, {@code string}, {@code KeyInfoConfirmationDataType} with or
 * without prefix, or absent, even with the prefix undeclared); whitespace around values; base64 broken
 * into lines; times with fractions or offsets; unknown elements and attributes ignored; elements in any
 * order. Several AttributeStatements are read as one, in document order.
 *
 * <p>Strict about content: a {@code saml:Assertion} of Version 2.0 with a non-empty ID, IssueInstant and
 * Issuer; at most one Issuer, ds:Signature, Subject, NameID, Conditions, AudienceRestriction (several would
 * each restrict, which one list of audiences cannot say), AuthnStatement; every time an xs:dateTime; a
 * Method on each SubjectConfirmation; a Name on each Attribute, and no Name twice; no empty NameID or
 * Audience; an AttributeValue is text or exactly one element; at most one holder-of-key certificate, and
 * that one a certificate. Each violation is a {@link FaultCode#AUTHENTICATION_BAD_ELEMENTS} fault naming
 * the element; an element that is not a {@code saml:Assertion} at all is {@link FaultCode#INVALID_REQUEST}.
 *
 * <p>Only direct children are read, at every level, never descendants found elsewhere (in Advice, in an
 * XML attribute value, in a wrapper), so nested content cannot stand in for the assertion's own. Nothing
 * is verified here: see {@code EnvelopedSignatureVerifier} with {@link ParsedAssertion#ID_ATTRIBUTE}.
 */
public final class SamlAssertionReader {

    /** Namespace and local name found. */
    static final String NOT_AN_ASSERTION = "The token must be a saml:Assertion (urn:oasis:names:tc:SAML:2.0:assertion), was %s";
    /** Value. */
    static final String NOT_VERSION_2 = "The saml:Assertion must have Version 2.0, was %s";
    /** Element, attribute: "The saml:Assertion has no ID attribute". */
    static final String NO_XML_ATTRIBUTE = "The %s has no %s attribute";
    /** Element, attribute, value. */
    static final String NOT_A_TIME = "The %s %s is not an xs:dateTime: %s";
    /** Parent, child: "The saml:Assertion has no saml:Issuer". */
    static final String MISSING_ELEMENT = "The %s has no %s";
    /** Parent, child: "The saml:Assertion holds more than one saml:Subject". */
    static final String DUPLICATE_ELEMENT = "The %s holds more than one %s";
    /** Element. */
    static final String EMPTY_ELEMENT = "The %s is empty";
    /** Attribute name. */
    static final String DUPLICATE_ATTRIBUTE = "The saml:Attribute %s appears more than once";
    /** Attribute name. */
    static final String MIXED_ATTRIBUTE_VALUE = "A saml:AttributeValue of saml:Attribute %s must hold either text or one element";
    static final String NOT_A_CERTIFICATE =
            "The ds:X509Certificate of the saml:SubjectConfirmationData is not one base64 DER-encoded X.509 certificate";

    /**
     * Reads the assertion {@code element} is, without changing it.
     *
     * @throws StsFault {@link FaultCode#INVALID_REQUEST} if {@code element} is not a {@code saml:Assertion},
     *                  {@link FaultCode#AUTHENTICATION_BAD_ELEMENTS} if it is not a valid SAML 2.0 assertion
     */
    public ParsedAssertion read(Element element) {
        Objects.requireNonNull(element, "element");
        if (!isSaml(element, ASSERTION)) {
            throw new StsFault(FaultCode.INVALID_REQUEST, String.format(NOT_AN_ASSERTION,
                    CallerText.quote("{" + Objects.toString(element.getNamespaceURI(), "") + "}" + element.getLocalName())));
        }
        String version = required(element, "saml:Assertion", VERSION);
        if (!VERSION_2_0.equals(version)) {
            throw bad(String.format(NOT_VERSION_2, CallerText.quote(version)));
        }
        String id = element.getAttributeNS(null, ID);
        if (id.isBlank()) {
            throw bad(String.format(NO_XML_ATTRIBUTE, "saml:Assertion", ID));
        }
        Instant issueInstant = time(element, "saml:Assertion", ISSUE_INSTANT);

        Element issuer = null;
        Element signature = null;
        Element subject = null;
        Element conditions = null;
        Element authnStatement = null;
        List<Element> statements = new ArrayList<>();
        for (Element child = firstChild(element); child != null; child = nextSibling(child)) {
            if (isSaml(child, ISSUER)) {
                issuer = single(issuer, child, "saml:Assertion", "saml:Issuer");
            } else if (is(child, DS, SIGNATURE)) {
                signature = single(signature, child, "saml:Assertion", "ds:Signature");
            } else if (isSaml(child, SUBJECT)) {
                subject = single(subject, child, "saml:Assertion", "saml:Subject");
            } else if (isSaml(child, CONDITIONS)) {
                conditions = single(conditions, child, "saml:Assertion", "saml:Conditions");
            } else if (isSaml(child, AUTHN_STATEMENT)) {
                authnStatement = single(authnStatement, child, "saml:Assertion", "saml:AuthnStatement");
            } else if (isSaml(child, ATTRIBUTE_STATEMENT)) {
                statements.add(child);
            }
        }
        if (issuer == null) {
            throw bad(String.format(MISSING_ELEMENT, "saml:Assertion", "saml:Issuer"));
        }

        SamlAssertion assertion = SamlAssertion.builder()
                .id(id)
                .issueInstant(issueInstant)
                .issuer(nonEmptyText(issuer, "saml:Issuer"))
                .issuerFormat(optional(issuer, FORMAT))
                .subject(subject == null ? Subject.NONE : subject(subject))
                .conditions(conditions == null ? Conditions.NONE : conditions(conditions))
                .authnStatement(Optional.ofNullable(authnStatement).map(SamlAssertionReader::authnStatement))
                .attributes(attributes(statements))
                .build();
        return new ParsedAssertion(assertion, element, Optional.ofNullable(signature));
    }

    private static Subject subject(Element subject) {
        Element nameId = null;
        List<SubjectConfirmation> confirmations = new ArrayList<>();
        for (Element child = firstChild(subject); child != null; child = nextSibling(child)) {
            if (isSaml(child, NAME_ID)) {
                nameId = single(nameId, child, "saml:Subject", "saml:NameID");
            } else if (isSaml(child, SUBJECT_CONFIRMATION)) {
                confirmations.add(confirmation(child));
            }
        }
        Optional<NameId> name = nameId == null ? Optional.empty()
                : Optional.of(new NameId(nonEmptyText(nameId, "saml:NameID"), optional(nameId, FORMAT)));
        return new Subject(name, confirmations);
    }

    private static SubjectConfirmation confirmation(Element confirmation) {
        String method = required(confirmation, "saml:SubjectConfirmation", METHOD);
        Element data = null;
        for (Element child = firstChild(confirmation); child != null; child = nextSibling(child)) {
            if (isSaml(child, SUBJECT_CONFIRMATION_DATA)) {
                data = single(data, child, "saml:SubjectConfirmation", "saml:SubjectConfirmationData");
            }
        }
        if (data == null) {
            return new SubjectConfirmation(method, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new SubjectConfirmation(method, optional(data, RECIPIENT),
                optionalTime(data, "saml:SubjectConfirmationData", NOT_ON_OR_AFTER), certificate(data));
    }

    /** The one certificate of {@code KeyInfo/X509Data/X509Certificate}: which key would be meant if there were several? */
    private static Optional<X509Certificate> certificate(Element data) {
        Element certificate = null;
        for (Element keyInfo = firstChild(data); keyInfo != null; keyInfo = nextSibling(keyInfo)) {
            if (!is(keyInfo, DS, KEY_INFO)) {
                continue;
            }
            for (Element x509Data = firstChild(keyInfo); x509Data != null; x509Data = nextSibling(x509Data)) {
                if (!is(x509Data, DS, X509_DATA)) {
                    continue;
                }
                for (Element child = firstChild(x509Data); child != null; child = nextSibling(child)) {
                    if (is(child, DS, X509_CERTIFICATE)) {
                        certificate = single(certificate, child, "saml:SubjectConfirmationData", "ds:X509Certificate");
                    }
                }
            }
        }
        return certificate == null ? Optional.empty() : Optional.of(x509(certificate.getTextContent()));
    }

    private static X509Certificate x509(String base64) {
        return Certificates.fromBase64(base64).orElseThrow(() -> bad(NOT_A_CERTIFICATE));
    }

    private static Conditions conditions(Element conditions) {
        Element restriction = null;
        for (Element child = firstChild(conditions); child != null; child = nextSibling(child)) {
            if (isSaml(child, AUDIENCE_RESTRICTION)) {
                restriction = single(restriction, child, "saml:Conditions", "saml:AudienceRestriction");
            }
        }
        List<String> audiences = new ArrayList<>();
        if (restriction != null) {
            for (Element child = firstChild(restriction); child != null; child = nextSibling(child)) {
                if (isSaml(child, AUDIENCE)) {
                    audiences.add(nonEmptyText(child, "saml:Audience"));
                }
            }
            if (audiences.isEmpty()) {
                throw bad(String.format(MISSING_ELEMENT, "saml:AudienceRestriction", "saml:Audience"));
            }
        }
        return new Conditions(optionalTime(conditions, "saml:Conditions", NOT_BEFORE),
                optionalTime(conditions, "saml:Conditions", NOT_ON_OR_AFTER), audiences);
    }

    private static AuthnStatement authnStatement(Element statement) {
        Instant authnInstant = time(statement, "saml:AuthnStatement", AUTHN_INSTANT);
        Element context = null;
        for (Element child = firstChild(statement); child != null; child = nextSibling(child)) {
            if (isSaml(child, AUTHN_CONTEXT)) {
                context = single(context, child, "saml:AuthnStatement", "saml:AuthnContext");
            }
        }
        Element classRef = null;
        if (context != null) {
            for (Element child = firstChild(context); child != null; child = nextSibling(child)) {
                if (isSaml(child, AUTHN_CONTEXT_CLASS_REF)) {
                    classRef = single(classRef, child, "saml:AuthnContext", "saml:AuthnContextClassRef");
                }
            }
        }
        return new AuthnStatement(authnInstant, optional(statement, SESSION_INDEX),
                Optional.ofNullable(classRef).map(SamlAssertionReader::text).filter(ref -> !ref.isEmpty()));
    }

    private static List<SamlAttribute> attributes(List<Element> statements) {
        List<SamlAttribute> attributes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Element statement : statements) {
            for (Element child = firstChild(statement); child != null; child = nextSibling(child)) {
                if (isSaml(child, ATTRIBUTE)) {
                    SamlAttribute attribute = attribute(child);
                    if (!names.add(attribute.name())) {
                        throw bad(String.format(DUPLICATE_ATTRIBUTE, CallerText.quote(attribute.name())));
                    }
                    attributes.add(attribute);
                }
            }
        }
        return attributes;
    }

    private static SamlAttribute attribute(Element attribute) {
        String name = required(attribute, "saml:Attribute", NAME);
        List<AttributeValue> values = new ArrayList<>();
        for (Element child = firstChild(attribute); child != null; child = nextSibling(child)) {
            if (isSaml(child, ATTRIBUTE_VALUE)) {
                values.add(value(child, name));
            }
        }
        return new SamlAttribute(name, optional(attribute, NAME_FORMAT), optional(attribute, FRIENDLY_NAME), values);
    }

    /** Text, or the one element the value holds (whitespace around it aside). */
    private static AttributeValue value(Element value, String attributeName) {
        Element content = null;
        boolean hasText = false;
        for (Node child = value.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                if (content != null) {
                    throw bad(String.format(MIXED_ATTRIBUTE_VALUE, CallerText.quote(attributeName)));
                }
                content = (Element) child;
            } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !child.getNodeValue().isBlank()) {
                hasText = true;
            }
        }
        if (content == null) {
            return new AttributeValue.Text(text(value));
        }
        if (hasText) {
            throw bad(String.format(MIXED_ATTRIBUTE_VALUE, CallerText.quote(attributeName)));
        }
        return new AttributeValue.Xml(content);
    }

    private static Instant time(Element element, String elementName, String attributeName) {
        return optionalTime(element, elementName, attributeName)
                .orElseThrow(() -> bad(String.format(NO_XML_ATTRIBUTE, elementName, attributeName)));
    }

    private static Optional<Instant> optionalTime(Element element, String elementName, String attributeName) {
        Optional<String> value = optional(element, attributeName);
        try {
            return value.map(SamlTimes::parse);
        } catch (DateTimeException e) {
            throw bad(String.format(NOT_A_TIME, elementName, attributeName, CallerText.quote(value.get())));
        }
    }

    private static String required(Element element, String elementName, String attributeName) {
        return optional(element, attributeName)
                .orElseThrow(() -> bad(String.format(NO_XML_ATTRIBUTE, elementName, attributeName)));
    }

    /** The unqualified attribute's value, stripped; empty if absent or blank. */
    private static Optional<String> optional(Element element, String name) {
        return Optional.of(element.getAttributeNS(null, name).strip()).filter(value -> !value.isEmpty());
    }

    private static String nonEmptyText(Element element, String name) {
        String text = text(element);
        if (text.isEmpty()) {
            throw bad(String.format(EMPTY_ELEMENT, name));
        }
        return text;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static Element single(Element found, Element next, String parentName, String name) {
        if (found != null) {
            throw bad(String.format(DUPLICATE_ELEMENT, parentName, name));
        }
        return next;
    }

    private static StsFault bad(String message) {
        return new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, message);
    }

    private static boolean isSaml(Element element, String localName) {
        return is(element, SAML, localName);
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

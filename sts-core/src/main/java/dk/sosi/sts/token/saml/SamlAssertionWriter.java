package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.SamlNames.*;

import dk.sosi.sts.xml.SecureXml;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Immutable and thread-safe. Writes a {@link SamlAssertion} as the {@code saml:Assertion} strict clients
 * validate against {@code oiosaml/standard-saml.xsd} (exchanges.md 2.8 S2, S4; 3.1, 3.4): children in
 * schema order, absent parts left out, times in UTC with {@code Z} and without fraction, every text value
 * with {@code xsi:type="xs:string"} (an XML value with the type it is given, if any), and the holder-of-key certificate in a SubjectConfirmationData of
 * {@code xsi:type="saml:KeyInfoConfirmationDataType"}.
 *
 * <p>The {@code saml}, {@code ds}, {@code xs} and {@code xsi} namespaces are declared on the assertion
 * itself, so that it stays valid, and its signature verifies, wherever it is moved. No whitespace is
 * written between elements: a signature is computed over exactly this DOM. Nothing is signed here; the
 * signer inserts {@code ds:Signature} after {@code saml:Issuer}.
 */
public final class SamlAssertionWriter {

    /** An xs:ID is an NCName; this approximates its productions by Unicode categories. */
    private static final Pattern NCNAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}\\p{M}._\\-]*");

    /**
     * The assertion as the document element of a new document.
     *
     * @throws IllegalArgumentException if the id is not an NCName, or an AuthnStatement has no
     *                                  AuthnContextClassRef: the schema would refuse either
     */
    public Element write(SamlAssertion assertion) {
        Objects.requireNonNull(assertion, "assertion");
        if (!NCNAME.matcher(assertion.id()).matches()) {
            throw new IllegalArgumentException("the ID must be an NCName to be an xs:ID, was " + assertion.id());
        }
        Document document = SecureXml.newDocument();
        Element root = saml(document, ASSERTION);
        document.appendChild(root);
        root.setAttributeNS(XMLNS, "xmlns:saml", SAML);
        root.setAttributeNS(XMLNS, "xmlns:ds", DS);
        root.setAttributeNS(XMLNS, "xmlns:xs", XS);
        root.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
        root.setAttributeNS(null, ID, assertion.id());
        root.setAttributeNS(null, ISSUE_INSTANT, SamlTimes.format(assertion.issueInstant()));
        root.setAttributeNS(null, VERSION, VERSION_2_0);

        Element issuer = text(append(root, saml(document, ISSUER)), assertion.issuer());
        optional(issuer, FORMAT, assertion.issuerFormat());
        if (!assertion.subject().isEmpty()) {
            subject(append(root, saml(document, SUBJECT)), assertion.subject());
        }
        if (!assertion.conditions().isEmpty()) {
            conditions(append(root, saml(document, CONDITIONS)), assertion.conditions());
        }
        assertion.authnStatement().ifPresent(statement -> authnStatement(append(root, saml(document, AUTHN_STATEMENT)), statement));
        if (!assertion.attributes().isEmpty()) {
            Element statement = append(root, saml(document, ATTRIBUTE_STATEMENT));
            assertion.attributes().forEach(attribute -> attribute(append(statement, saml(document, ATTRIBUTE)), attribute));
        }
        return root;
    }

    private static void subject(Element subject, Subject content) {
        Document document = subject.getOwnerDocument();
        content.nameId().ifPresent(nameId -> {
            Element element = text(append(subject, saml(document, NAME_ID)), nameId.value());
            optional(element, FORMAT, nameId.format());
        });
        for (SubjectConfirmation confirmation : content.confirmations()) {
            Element element = append(subject, saml(document, SUBJECT_CONFIRMATION));
            element.setAttributeNS(null, METHOD, confirmation.method());
            if (!confirmation.hasNoData()) {
                confirmationData(append(element, saml(document, SUBJECT_CONFIRMATION_DATA)), confirmation);
            }
        }
    }

    private static void confirmationData(Element data, SubjectConfirmation confirmation) {
        confirmation.notOnOrAfter().ifPresent(time -> data.setAttributeNS(null, NOT_ON_OR_AFTER, SamlTimes.format(time)));
        optional(data, RECIPIENT, confirmation.recipient());
        confirmation.holderOfKeyCertificate().ifPresent(certificate -> {
            Document document = data.getOwnerDocument();
            data.setAttributeNS(XSI, "xsi:" + TYPE, KEY_INFO_CONFIRMATION_DATA_TYPE);
            Element x509Data = append(append(data, ds(document, KEY_INFO)), ds(document, X509_DATA));
            text(append(x509Data, ds(document, X509_CERTIFICATE)), base64(certificate));
        });
    }

    private static void conditions(Element conditions, Conditions content) {
        content.notBefore().ifPresent(time -> conditions.setAttributeNS(null, NOT_BEFORE, SamlTimes.format(time)));
        content.notOnOrAfter().ifPresent(time -> conditions.setAttributeNS(null, NOT_ON_OR_AFTER, SamlTimes.format(time)));
        if (!content.audiences().isEmpty()) {
            Document document = conditions.getOwnerDocument();
            Element restriction = append(conditions, saml(document, AUDIENCE_RESTRICTION));
            content.audiences().forEach(audience -> text(append(restriction, saml(document, AUDIENCE)), audience));
        }
    }

    private static void authnStatement(Element statement, AuthnStatement content) {
        String classRef = content.authnContextClassRef().orElseThrow(() -> new IllegalArgumentException(
                "an AuthnStatement needs an AuthnContextClassRef to be schema-valid"));
        statement.setAttributeNS(null, AUTHN_INSTANT, SamlTimes.format(content.authnInstant()));
        optional(statement, SESSION_INDEX, content.sessionIndex());
        Document document = statement.getOwnerDocument();
        text(append(append(statement, saml(document, AUTHN_CONTEXT)), saml(document, AUTHN_CONTEXT_CLASS_REF)), classRef);
    }

    private static void attribute(Element attribute, SamlAttribute content) {
        attribute.setAttributeNS(null, NAME, content.name());
        optional(attribute, NAME_FORMAT, content.nameFormat());
        optional(attribute, FRIENDLY_NAME, content.friendlyName());
        Document document = attribute.getOwnerDocument();
        for (AttributeValue value : content.values()) {
            Element element = append(attribute, saml(document, ATTRIBUTE_VALUE));
            if (value instanceof AttributeValue.Text text) {
                element.setAttributeNS(XSI, "xsi:" + TYPE, XS_STRING);
                text(element, text.value());
            } else if (value instanceof AttributeValue.Xml xml) {
                xml.xsiType().ifPresent(type -> element.setAttributeNS(XSI, "xsi:" + TYPE, type));
                element.appendChild(document.importNode(xml.element(), true));
            }
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static void optional(Element element, String attribute, Optional<String> value) {
        value.ifPresent(v -> element.setAttributeNS(null, attribute, v));
    }

    /** An empty value gets no text node at all. */
    private static Element text(Element element, String text) {
        if (!text.isEmpty()) {
            element.appendChild(element.getOwnerDocument().createTextNode(text));
        }
        return element;
    }

    private static Element saml(Document document, String localName) {
        return document.createElementNS(SAML, "saml:" + localName);
    }

    private static Element ds(Document document, String localName) {
        return document.createElementNS(DS, "ds:" + localName);
    }

    private static Element append(Element parent, Element child) {
        parent.appendChild(child);
        return child;
    }
}

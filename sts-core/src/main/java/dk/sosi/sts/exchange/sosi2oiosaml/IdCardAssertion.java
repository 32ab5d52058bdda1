package dk.sosi.sts.exchange.sosi2oiosaml;

import static dk.sosi.sts.token.oiosaml.OioSamlAttributes.*;

import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.token.saml.AttributeValue;
import dk.sosi.sts.token.saml.AuthnStatement;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import dk.sosi.sts.xml.SecureXml;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. The OIOSAML 2.0 (DK-SAML-2.0) assertion Sosi2OIOSaml issues for an id-card (exchanges.md 3.1,
 * in the attribute order of Seal's builder): everything comes from the card and the certificate its NameID
 * names, the times from the audience's offsets in milliseconds. Empty values become
 * {@code emptyAttributeValue}; an OCES3 card, whose serial has no {@code RID:}, gets no RidNumberIdentifier.
 */
public final class IdCardAssertion {

    static final String LIBERTY_DISCO = "urn:liberty:disco:2006-08";
    static final String LIBERTY_SECURITY = "urn:liberty:security:2006-08";
    static final String STS_ADDRESS = "http://sosi.dk/sts";

    private final String issuer;
    private final String emptyAttributeValue;

    /** @param issuer the STS's name in {@code saml:Issuer} (bean {@code tokenIssuer}) */
    public IdCardAssertion(String issuer, String emptyAttributeValue) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.emptyAttributeValue = Objects.requireNonNull(emptyAttributeValue, "emptyAttributeValue");
    }

    /** The assertion for {@code card} to the audience of {@code row}, issued at {@code now}. */
    public SamlAssertion build(StsIssuedCard card, IboConfig row, Instant now) {
        String id = "_" + UUID.randomUUID();
        UserLog user = card.user();
        CertificateInfo certificate = card.certificate();
        String serial = name(certificate.subject(), "2.5.4.5");
        SamlAssertion.Builder assertion = SamlAssertion.builder()
                .id(id)
                .issueInstant(now)
                .issuer(issuer)
                .subject(Subject.of(NameId.of(x509SubjectName(certificate.subject(), serial), NameId.X509_SUBJECT_NAME),
                        SubjectConfirmation.bearer(row.recipientURL(), plus(now, row.deliveryNotOnOrAfterOffset()))))
                .conditions(Conditions.of(plus(now, -row.notBeforeOffset()), plus(now, row.notOnOrAfterOffset()),
                        row.audience()))
                .authnStatement(Optional.of(new AuthnStatement(card.card().issueInstant(), Optional.of(id),
                        Optional.of(AuthnStatement.X509))))
                .addAttribute(text(SUR_NAME, "surName", user.surName()))
                .addAttribute(text(COMMON_NAME, "CommonName", (user.givenName() + " " + user.surName()).strip()))
                .addAttribute(text(EMAIL, "email", user.emailAddress().orElse("")))
                .addAttribute(text(ASSURANCE_LEVEL, null, "3"))
                .addAttribute(text(SPEC_VER, null, SPEC_VER_DK_SAML_2_0))
                .addAttribute(text(CVR_NUMBER, null, card.card().systemLog().careProviderId().strip()))
                .addAttribute(text(ORGANIZATION_NAME, "organizationName", card.card().systemLog().careProviderName()))
                .addAttribute(text(CPR_NUMBER, null, user.civilRegistrationNumber().orElse("")))
                .addAttribute(text(CERTIFICATE_ISSUER, null, dn(certificate.issuer())))
                .addAttribute(text(UID, "Uid", serial));
        int rid = serial.indexOf("RID:");
        if (rid >= 0) {
            assertion.addAttribute(text(RID_NUMBER, null, serial.substring(rid + "RID:".length())));
        }
        assertion.addAttribute(text(CERTIFICATE_SERIAL, "serialNumber", certificate.serialNumber().toString(16)))
                .addAttribute(text(IS_YOUTH_CERT, null, "false"));
        if (row.includeBST()) {
            assertion.addAttribute(new SamlAttribute(DISCOVERY_EPR, Optional.of(SamlAttribute.URI), Optional.empty(),
                    List.of(new AttributeValue.Xml(discoveryEpr(card.element())))));
        }
        return assertion.build();
    }

    private SamlAttribute text(String name, String friendlyName, String value) {
        String written = value == null || value.isBlank() ? emptyAttributeValue : value;
        SamlAttribute attribute = SamlAttribute.basic(name, written);
        return friendlyName == null ? attribute : attribute.withFriendlyName(friendlyName);
    }

    /** {@code C=…,O=…,CN=…,Serial=…}, as Seal names the user. */
    private static String x509SubjectName(X500Principal subject, String serial) {
        return dn(subject) + ",Serial=" + serial;
    }

    /** {@code C=…,O=…,CN=…}. */
    private static String dn(X500Principal name) {
        return "C=" + name(name, "2.5.4.6") + ",O=" + name(name, "2.5.4.10") + ",CN=" + name(name, "2.5.4.3");
    }

    private static String name(X500Principal name, String oid) {
        return CertificateNames.attribute(name, oid).orElse("");
    }

    private static Instant plus(Instant now, long millis) {
        return now.plus(Duration.ofMillis(millis));
    }

    /**
     * The id-card as a Liberty bootstrap token (Seal's DiscoveryEPR): a copy of the card element as it came, so
     * that its signature still verifies for whoever takes it out again.
     */
    private static Element discoveryEpr(Element card) {
        Document document = SecureXml.newDocument();
        Element reference = element(document, Namespaces.WSA, "wsa:EndpointReference", null);
        reference.setAttributeNS(Namespaces.XMLNS, "xmlns:wsa", Namespaces.WSA);
        reference.setAttributeNS(Namespaces.XMLNS, "xmlns:disco", LIBERTY_DISCO);
        reference.setAttributeNS(Namespaces.XMLNS, "xmlns:sec", LIBERTY_SECURITY);
        document.appendChild(reference);
        reference.appendChild(element(document, Namespaces.WSA, "wsa:Address", STS_ADDRESS));
        Element metadata = (Element) reference.appendChild(element(document, Namespaces.WSA, "wsa:Metadata", null));
        metadata.appendChild(element(document, LIBERTY_DISCO, "disco:Abstract", "A SOSI idcard"));
        metadata.appendChild(element(document, LIBERTY_DISCO, "disco:ServiceType", "dk:sosi:1-0-1"));
        metadata.appendChild(element(document, LIBERTY_DISCO, "disco:ProviderID", STS_ADDRESS));
        Element context = (Element) metadata.appendChild(element(document, LIBERTY_DISCO, "disco:SecurityContext", null));
        context.appendChild(element(document, LIBERTY_DISCO, "disco:SecurityMechID", "urn:liberty:security:2006-08:TLS:SAMLV2"));
        Element token = (Element) context.appendChild(element(document, LIBERTY_SECURITY, "sec:Token", null));
        token.setAttributeNS(null, "usage", "urn:liberty:security:tokenusage:2006-08:SecurityToken");
        token.appendChild(document.importNode(card, true));
        return reference;
    }

    private static Element element(Document document, String namespace, String name, String text) {
        Element element = document.createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        return element;
    }
}

package dk.sosi.sts.token.idcard;

import static dk.sosi.sts.token.idcard.IdCardNames.*;

import dk.sosi.sts.soap.Namespaces;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Immutable and thread-safe. Writes an {@link IdCard} as the {@code saml:Assertion} Seal.Java and the
 * national STS emit (protocol.md 3.2, 11): same element and attribute order, one AttributeValue per
 * Attribute without {@code xsi:type}, DGWS 1.0.1 times in UTC with {@code Z} and 1.0 times in local time,
 * both without fractions; valid against {@code saml-specialized.xsd}.
 *
 * <p>The SubjectConfirmation follows the level (protocol.md 6): none at level 1; at level 2 the card's
 * {@code wsse:UsernameToken} (none if the card has none); at levels 3 and 4 {@code ds:KeyInfo/ds:KeyName}
 * {@code OCESSignature}, naming the signature the card is to be given. The UserLog is written when the
 * card has one (every user card does).
 */
public final class IdCardWriter {

    /**
     * The {@code id} of every card written, which its signature and OIO answers refer to. Not named {@code ID}:
     * that would hide the attribute name {@code IdCardNames.ID} this class writes.
     */
    public static final String CARD_ID = IdCardNames.ID_VALUE;

    private final DgwsTimes times;

    /** @param dgws10Zone the zone of DGWS 1.0 local times (Europe/Copenhagen in production) */
    public IdCardWriter(ZoneId dgws10Zone) {
        this.times = new DgwsTimes(dgws10Zone);
    }

    /** Creates the saml:Assertion element for card in owner (not appended anywhere), unsigned, id="IDCard". */
    public Element write(IdCard card, Document owner) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(owner, "owner");
        DgwsVersion version = card.version();
        Element assertion = saml(owner, ASSERTION);
        assertion.setAttributeNS(Namespaces.XMLNS, "xmlns:saml", Namespaces.SAML);
        assertion.setAttributeNS(Namespaces.XMLNS, "xmlns:ds", Namespaces.DS);
        assertion.setAttributeNS(null, ISSUE_INSTANT, times.format(card.issueInstant(), version));
        assertion.setAttributeNS(null, VERSION, SAML_VERSION);
        assertion.setAttributeNS(null, IdCardNames.ID, ID_VALUE);

        append(assertion, saml(owner, ISSUER)).setTextContent(card.issuer());

        Element subject = append(assertion, saml(owner, SUBJECT));
        Element nameId = append(subject, saml(owner, NAME_ID));
        nameId.setAttributeNS(null, FORMAT, card.nameId().format());
        nameId.setTextContent(card.nameId().value());
        confirmationData(card, owner).ifPresent(data -> {
            Element confirmation = append(subject, saml(owner, SUBJECT_CONFIRMATION));
            append(confirmation, saml(owner, CONFIRMATION_METHOD)).setTextContent(HOLDER_OF_KEY);
            append(confirmation, saml(owner, SUBJECT_CONFIRMATION_DATA)).appendChild(data);
        });

        Element conditions = append(assertion, saml(owner, CONDITIONS));
        conditions.setAttributeNS(null, NOT_BEFORE, times.format(card.notBefore(), version));
        conditions.setAttributeNS(null, NOT_ON_OR_AFTER, times.format(card.notOnOrAfter(), version));

        Element data = statement(assertion, ID_CARD_DATA);
        attribute(data, ID_CARD_ID, card.idCardId());
        attribute(data, ID_CARD_VERSION, version.value());
        attribute(data, ID_CARD_TYPE, card.type().value());
        attribute(data, AUTHENTICATION_LEVEL, Integer.toString(card.authenticationLevel()));
        attribute(data, OCES_CERT_HASH, card.ocesCertHash());

        card.userLog().ifPresent(user -> {
            Element log = statement(assertion, USER_LOG);
            attribute(log, USER_CIVIL_REGISTRATION_NUMBER, user.civilRegistrationNumber());
            attribute(log, USER_GIVEN_NAME, user.givenName());
            attribute(log, USER_SUR_NAME, user.surName());
            attribute(log, USER_EMAIL_ADDRESS, user.emailAddress());
            attribute(log, USER_ROLE, user.role());
            attribute(log, USER_AUTHORIZATION_CODE, user.authorizationCode());
            attribute(log, USER_OCCUPATION, user.occupation());
        });

        SystemLog system = card.systemLog();
        Element log = statement(assertion, SYSTEM_LOG);
        attribute(log, IT_SYSTEM_NAME, system.itSystemName());
        attribute(log, CARE_PROVIDER_ID, system.careProviderId()).setAttributeNS(null, NAME_FORMAT,
                system.careProviderIdFormat());
        attribute(log, CARE_PROVIDER_NAME, system.careProviderName());
        return assertion;
    }

    /** What the SubjectConfirmationData holds for the card's level; empty if the card has no SubjectConfirmation. */
    private static Optional<Element> confirmationData(IdCard card, Document owner) {
        return switch (card.authenticationLevel()) {
            case 1 -> Optional.empty();
            case 2 -> card.usernameToken().map(token -> usernameToken(owner, token));
            default -> Optional.of(keyInfo(owner));
        };
    }

    private static Element keyInfo(Document owner) {
        Element keyInfo = owner.createElementNS(Namespaces.DS, "ds:" + KEY_INFO);
        append(keyInfo, owner.createElementNS(Namespaces.DS, "ds:" + KEY_NAME)).setTextContent(OCES_SIGNATURE);
        return keyInfo;
    }

    private static Element usernameToken(Document owner, UsernameToken token) {
        Element usernameToken = owner.createElementNS(Namespaces.WSSE, "wsse:" + USERNAME_TOKEN);
        usernameToken.setAttributeNS(Namespaces.XMLNS, "xmlns:wsse", Namespaces.WSSE);
        append(usernameToken, owner.createElementNS(Namespaces.WSSE, "wsse:" + USERNAME)).setTextContent(token.username());
        append(usernameToken, owner.createElementNS(Namespaces.WSSE, "wsse:" + PASSWORD)).setTextContent(token.password());
        return usernameToken;
    }

    private static Element statement(Element assertion, String id) {
        Element statement = append(assertion, saml(assertion.getOwnerDocument(), ATTRIBUTE_STATEMENT));
        statement.setAttributeNS(null, IdCardNames.ID, id);
        return statement;
    }

    private static void attribute(Element statement, String name, Optional<String> value) {
        value.ifPresent(v -> attribute(statement, name, v));
    }

    private static Element attribute(Element statement, String name, String value) {
        Document owner = statement.getOwnerDocument();
        Element attribute = append(statement, saml(owner, ATTRIBUTE));
        attribute.setAttributeNS(null, NAME, name);
        append(attribute, saml(owner, ATTRIBUTE_VALUE)).setTextContent(value);
        return attribute;
    }

    private static Element saml(Document owner, String localName) {
        return owner.createElementNS(Namespaces.SAML, "saml:" + localName);
    }

    private static Element append(Element parent, Element child) {
        parent.appendChild(child);
        return child;
    }
}

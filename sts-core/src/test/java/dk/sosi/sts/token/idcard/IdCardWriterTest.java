package dk.sosi.sts.token.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class IdCardWriterTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final IdCardWriter writer = new IdCardWriter(COPENHAGEN);
    private final IdCardParser parser = new IdCardParser(COPENHAGEN);

    private Element write(IdCard card) {
        Document document = SecureXml.newDocument();
        Element assertion = writer.write(card, document);
        document.appendChild(assertion);
        return assertion;
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) node);
            }
        }
        return children;
    }

    private static List<String> names(Element parent) {
        return children(parent).stream().map(Element::getNodeName).toList();
    }

    private static List<String> attributeNames(Element statement) {
        return children(statement).stream().map(attribute -> attribute.getAttribute("Name")).toList();
    }

    @Test
    void writeWhenEmployeeCardThenSealOrderOfElementsStatementsAndAttributes() {
        Element assertion = write(TestIdCards.employeeCard().build());

        assertEquals(List.of("saml:Issuer", "saml:Subject", "saml:Conditions", "saml:AttributeStatement",
                "saml:AttributeStatement", "saml:AttributeStatement"), names(assertion));
        List<Element> statements = children(assertion).subList(3, 6);
        assertEquals(List.of("IDCardData", "UserLog", "SystemLog"),
                statements.stream().map(statement -> statement.getAttribute("id")).toList());
        assertEquals(List.of("sosi:IDCardID", "sosi:IDCardVersion", "sosi:IDCardType", "sosi:AuthenticationLevel",
                "sosi:OCESCertHash"), attributeNames(statements.get(0)));
        assertEquals(List.of("medcom:UserCivilRegistrationNumber", "medcom:UserGivenName", "medcom:UserSurName",
                "medcom:UserEmailAddress", "medcom:UserRole", "medcom:UserAuthorizationCode", "medcom:UserOccupation"),
                attributeNames(statements.get(1)));
        assertEquals(List.of("medcom:ITSystemName", "medcom:CareProviderID", "medcom:CareProviderName"),
                attributeNames(statements.get(2)));
        assertEquals("medcom:cvrnumber", children(statements.get(2)).get(1).getAttribute("NameFormat"));
        for (Element statement : statements) {
            for (Element attribute : children(statement)) {
                assertEquals(List.of("saml:AttributeValue"), names(attribute));
                assertFalse(children(attribute).get(0).hasAttributes(), "no xsi:type");
            }
        }
    }

    @Test
    void writeWhenAnyCardThenAssertionAttributesAndOwnNamespaceDeclarations() {
        Element assertion = write(TestIdCards.systemCard().build());

        assertEquals(Namespaces.SAML, assertion.getNamespaceURI());
        assertEquals("saml:Assertion", assertion.getNodeName());
        assertEquals("2020-04-04T09:41:32Z", assertion.getAttribute("IssueInstant"));
        assertEquals("2.0", assertion.getAttribute("Version"));
        assertEquals("IDCard", assertion.getAttribute("id"));
        assertEquals(Namespaces.SAML, assertion.getAttributeNS(Namespaces.XMLNS, "saml"));
        assertEquals(Namespaces.DS, assertion.getAttributeNS(Namespaces.XMLNS, "ds"));
        assertEquals("SealJava-2.6.25-TheSOSILibrary", children(assertion).get(0).getTextContent());
        Element nameId = children(children(assertion).get(1)).get(0);
        assertEquals("medcom:cvrnumber", nameId.getAttribute("Format"));
        assertEquals("33257872", nameId.getTextContent());
    }

    @Test
    void writeWhenLevel3Or4ThenHolderOfKeyConfirmedByKeyNameOcesSignature() {
        Element subject = children(write(TestIdCards.employeeCard().build())).get(1);

        Element confirmation = children(subject).get(1);
        assertEquals(List.of("saml:ConfirmationMethod", "saml:SubjectConfirmationData"), names(confirmation));
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", children(confirmation).get(0).getTextContent());
        Element keyInfo = children(children(confirmation).get(1)).get(0);
        assertEquals("ds:KeyInfo", keyInfo.getNodeName());
        assertEquals(Namespaces.DS, keyInfo.getNamespaceURI());
        assertEquals("OCESSignature", children(keyInfo).get(0).getTextContent());
    }

    @Test
    void writeWhenLevel2ThenUsernameTokenInSubjectConfirmationData() {
        Element subject = children(write(TestIdCards.passwordCard().build())).get(1);

        Element token = children(children(children(subject).get(1)).get(1)).get(0);
        assertEquals(Namespaces.WSSE, token.getNamespaceURI());
        assertEquals("UsernameToken", token.getLocalName());
        assertEquals(List.of("wsse:Username", "wsse:Password"), names(token));
        assertEquals("lars", children(token).get(0).getTextContent());
        assertEquals("secret", children(token).get(1).getTextContent());
    }

    @Test
    void writeWhenLevel1ThenNoSubjectConfirmation() {
        Element subject = children(write(TestIdCards.anonymousCard().build())).get(1);

        assertEquals(List.of("saml:NameID"), names(subject));
    }

    @Test
    void writeWhenVersion101ThenUtcWithZAndNoFractionOfSeconds() {
        Instant withNanos = Instant.parse("2020-04-04T09:41:32.987654321Z");
        Element assertion = write(TestIdCards.systemCard().issueInstant(withNanos).notBefore(withNanos)
                .notOnOrAfter(Instant.parse("2020-04-05T09:41:32Z")).build());

        assertEquals("2020-04-04T09:41:32Z", assertion.getAttribute("IssueInstant"));
        Element conditions = children(assertion).get(2);
        assertEquals("2020-04-04T09:41:32Z", conditions.getAttribute("NotBefore"));
        assertEquals("2020-04-05T09:41:32Z", conditions.getAttribute("NotOnOrAfter"));
    }

    @Test
    void writeWhenVersion10ThenLocalTimeWithoutZone() {
        Element assertion = write(TestIdCards.systemCard().version(DgwsVersion.V1_0)
                .notOnOrAfter(Instant.parse("2020-01-05T09:41:32Z")).build());

        assertEquals("2020-04-04T11:41:32", assertion.getAttribute("IssueInstant"));
        assertEquals("2020-01-05T10:41:32", children(assertion).get(2).getAttribute("NotOnOrAfter"));
        assertEquals("1.0", children(children(assertion).get(3)).get(1).getTextContent());
    }

    @Test
    void writeWhenOptionalValuesEmptyThenTheirAttributesAreLeftOut() {
        Element assertion = write(TestIdCards.passwordCard().build());

        assertEquals(List.of("sosi:IDCardID", "sosi:IDCardVersion", "sosi:IDCardType", "sosi:AuthenticationLevel"),
                attributeNames(children(assertion).get(3)));
        assertEquals(List.of("medcom:UserGivenName", "medcom:UserSurName", "medcom:UserRole"),
                attributeNames(children(assertion).get(4)));
    }

    @Test
    void writeThenElementIsOwnedByTheDocumentButNotAppended() {
        Document document = SecureXml.newDocument();

        Element assertion = writer.write(TestIdCards.systemCard().build(), document);

        assertEquals(document, assertion.getOwnerDocument());
        assertNull(assertion.getParentNode());
    }

    static Stream<Arguments> cards() {
        return Stream.of(TestIdCards.employeeCard(), TestIdCards.systemCard(), TestIdCards.passwordCard(),
                        TestIdCards.anonymousCard())
                .flatMap(card -> Stream.of(DgwsVersion.values()).map(version -> card.version(version).build()))
                .map(card -> Arguments.of(card.type() + " level " + card.authenticationLevel() + " " + card.version(), card));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void writeThenSerialiseAndParseGivesTheSameCard(String name, IdCard card) throws Exception {
        byte[] sent = SecureXml.toBytes(write(card).getOwnerDocument());

        ParsedIdCard received = parser.parse(SecureXml.parse(new ByteArrayInputStream(sent)).getDocumentElement());

        assertEquals(card, received.card());
        assertEquals(Optional.empty(), received.signature());
        assertEquals("id", received.idAttribute());
        assertTrue(received.card().usernameToken().map(token -> !token.toString().contains("secret")).orElse(true));
    }
}

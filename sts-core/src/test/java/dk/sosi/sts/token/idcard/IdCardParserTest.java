package dk.sosi.sts.token.idcard;

import static dk.sosi.sts.token.idcard.IdCardWriterTest.COPENHAGEN;
import static dk.sosi.sts.token.idcard.IdCardWriterTest.children;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class IdCardParserTest {

    /** The unsealed request's card (protocol.md 4.1) without its signature; variants are made by replacing text. */
    private static final String CARD = """
            <saml:Assertion IssueInstant="2020-04-04T09:41:32Z" Version="2.0" id="IDCard"
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
              <saml:Issuer>TheSOSILibrary</saml:Issuer>
              <saml:Subject>
                <saml:NameID Format="medcom:cprnumber">0501792275</saml:NameID>
                <saml:SubjectConfirmation>
                  <saml:ConfirmationMethod>urn:oasis:names:tc:SAML:2.0:cm:holder-of-key</saml:ConfirmationMethod>
                  <saml:SubjectConfirmationData><ds:KeyInfo><ds:KeyName>OCESSignature</ds:KeyName></ds:KeyInfo></saml:SubjectConfirmationData>
                </saml:SubjectConfirmation>
              </saml:Subject>
              <saml:Conditions NotBefore="2020-04-04T09:41:32Z" NotOnOrAfter="2020-04-05T09:41:32Z"/>
              <saml:AttributeStatement id="IDCardData">
                <saml:Attribute Name="sosi:IDCardID"><saml:AttributeValue>hRyC+neSxkdwzcYGLfF/Ww==</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="sosi:IDCardVersion"><saml:AttributeValue>1.0.1</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="sosi:IDCardType"><saml:AttributeValue>user</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="sosi:AuthenticationLevel"><saml:AttributeValue>4</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="sosi:OCESCertHash"><saml:AttributeValue>VZx0Zb5RbFvLgPchoRXta2KCiHY=</saml:AttributeValue></saml:Attribute>
              </saml:AttributeStatement>
              <saml:AttributeStatement id="UserLog">
                <saml:Attribute Name="medcom:UserCivilRegistrationNumber"><saml:AttributeValue>0501792275</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:UserGivenName"><saml:AttributeValue>Lars Larsen</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:UserSurName"><saml:AttributeValue>Larsen</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:UserEmailAddress"><saml:AttributeValue>Lars Larsen@nsi.dk</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:UserRole"><saml:AttributeValue>7170</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:UserOccupation"><saml:AttributeValue>Læge</saml:AttributeValue></saml:Attribute>
              </saml:AttributeStatement>
              <saml:AttributeStatement id="SystemLog">
                <saml:Attribute Name="medcom:ITSystemName"><saml:AttributeValue>Kom Godt i Gang Guider</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:CareProviderID" NameFormat="medcom:cvrnumber"><saml:AttributeValue>20921897</saml:AttributeValue></saml:Attribute>
                <saml:Attribute Name="medcom:CareProviderName"><saml:AttributeValue>Statens Serum Institut</saml:AttributeValue></saml:Attribute>
              </saml:AttributeStatement>
            </saml:Assertion>""";

    private final IdCardParser parser = new IdCardParser(COPENHAGEN);
    private final IdCardWriter writer = new IdCardWriter(COPENHAGEN);

    private static Element xml(String text) throws Exception {
        return SecureXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private IdCard parse(String text) throws Exception {
        return parser.parse(xml(text)).card();
    }

    /** A written, valid card, changed by {@code change} before it is parsed. */
    private Element written(IdCard card, Consumer<Element> change) {
        Document document = SecureXml.newDocument();
        Element assertion = writer.write(card, document);
        document.appendChild(assertion);
        change.accept(assertion);
        return assertion;
    }

    private void assertBadElements(String expected, IdCard card, Consumer<Element> change) {
        Element assertion = written(card, change);
        StsFault fault = assertThrows(StsFault.class, () -> parser.parse(assertion));
        assertEquals(FaultCode.AUTHENTICATION_BAD_ELEMENTS, fault.code());
        assertEquals(expected, fault.getMessage());
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(child -> localName.equals(child.getLocalName())).findFirst().orElseThrow();
    }

    private static Element statement(Element assertion, String id) {
        return children(assertion).stream().filter(child -> id.equals(child.getAttribute("id"))).findFirst().orElseThrow();
    }

    private static Element attribute(Element assertion, String name) {
        return children(assertion).stream().flatMap(child -> children(child).stream())
                .filter(child -> name.equals(child.getAttribute("Name"))).findFirst().orElseThrow();
    }

    private static void value(Element assertion, String name, String value) {
        children(attribute(assertion, name)).get(0).setTextContent(value);
    }

    private static void remove(Element element) {
        element.getParentNode().removeChild(element);
    }

    // ---- what a card says

    @Test
    void parseWhenUnsealedLevel4UserCardThenEveryValueIsRead() throws Exception {
        Element assertion = xml(CARD);

        ParsedIdCard parsed = parser.parse(assertion);

        IdCard expected = IdCard.builder()
                .issuer("TheSOSILibrary")
                .nameId(new NameId("medcom:cprnumber", "0501792275"))
                .issueInstant(Instant.parse("2020-04-04T09:41:32Z"))
                .notBefore(Instant.parse("2020-04-04T09:41:32Z"))
                .notOnOrAfter(Instant.parse("2020-04-05T09:41:32Z"))
                .idCardId("hRyC+neSxkdwzcYGLfF/Ww==")
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.USER)
                .authenticationLevel(4)
                .ocesCertHash(Optional.of("VZx0Zb5RbFvLgPchoRXta2KCiHY="))
                .userLog(Optional.of(new UserLog(Optional.of("0501792275"), "Lars Larsen", "Larsen",
                        Optional.of("Lars Larsen@nsi.dk"), "7170", Optional.empty(), Optional.of("Læge"))))
                .systemLog(new SystemLog("Kom Godt i Gang Guider", "medcom:cvrnumber", "20921897", "Statens Serum Institut"))
                .build();
        assertEquals(expected, parsed.card());
        assertSame(assertion, parsed.element());
        assertEquals(Optional.empty(), parsed.signature());
    }

    @Test
    void parseWhenSignedThenSignatureIsTheDirectChild() throws Exception {
        Element assertion = xml(CARD.replace("</saml:Assertion>", "<ds:Signature id=\"OCESSignature\"/></saml:Assertion>"));

        ParsedIdCard parsed = parser.parse(assertion);

        assertSame(children(assertion).get(6), parsed.signature().orElseThrow());
    }

    // ---- lenient about form

    @Test
    void parseWhenDgws10LocalTimesThenReadInTheConfiguredZone() throws Exception {
        IdCard card = parse(CARD.replace("2020-04-04T09:41:32Z", "2020-04-04T11:41:32")
                .replace("2020-04-05T09:41:32Z", "2020-01-05T10:41:32").replace(">1.0.1<", ">1.0<"));

        assertEquals(Instant.parse("2020-04-04T09:41:32Z"), card.issueInstant());
        assertEquals(Instant.parse("2020-04-04T09:41:32Z"), card.notBefore());
        assertEquals(Instant.parse("2020-01-05T09:41:32Z"), card.notOnOrAfter());
        assertEquals(DgwsVersion.V1_0, card.version());
    }

    @Test
    void parseWhenFractionalSecondsOffsetsAndWhitespaceThenTolerated() throws Exception {
        IdCard card = parse(CARD.replace("IssueInstant=\"2020-04-04T09:41:32Z\"", "IssueInstant=\" 2020-04-04T09:41:32.250Z \"")
                .replace("NotBefore=\"2020-04-04T09:41:32Z\"", "NotBefore=\"2020-04-04T11:41:32+02:00\"")
                .replace("NotOnOrAfter=\"2020-04-05T09:41:32Z\"", "NotOnOrAfter=\"2020-04-05T11:41:32.5\""));

        assertEquals(Instant.parse("2020-04-04T09:41:32.250Z"), card.issueInstant());
        assertEquals(Instant.parse("2020-04-04T09:41:32Z"), card.notBefore());
        assertEquals(Instant.parse("2020-04-05T09:41:32.500Z"), card.notOnOrAfter());
    }

    @Test
    void parseWhenValuesSurroundedByWhitespaceThenStripped() throws Exception {
        IdCard card = parse(CARD.replace(">4<", ">\n   4\n  <").replace(">Larsen<", ">\n\t Larsen \n<")
                .replace(">0501792275</saml:NameID>", ">  0501792275  </saml:NameID>"));

        assertEquals(4, card.authenticationLevel());
        assertEquals("Larsen", card.userLog().orElseThrow().surName());
        assertEquals("0501792275", card.nameId().value());
    }

    @Test
    void parseWhenIdAttributeIsUpperCaseIdThenAccepted() throws Exception {
        ParsedIdCard parsed = parser.parse(xml(CARD.replace("Version=\"2.0\" id=\"IDCard\"", "Version=\"2.0\" ID=\"IDCard\"")));

        assertEquals("ID", parsed.idAttribute());
        assertEquals("hRyC+neSxkdwzcYGLfF/Ww==", parsed.card().idCardId());
    }

    @Test
    void parseWhenConfirmationMethodIsAnAttributeThenAccepted() throws Exception {
        IdCard card = parse(CARD.replace("<saml:SubjectConfirmation>\n"
                        + "      <saml:ConfirmationMethod>urn:oasis:names:tc:SAML:2.0:cm:holder-of-key</saml:ConfirmationMethod>",
                "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:holder-of-key\">"));

        assertEquals(4, card.authenticationLevel());
        assertEquals(Optional.empty(), card.usernameToken());
    }

    @Test
    void parseWhenSha256OcesCertHashThenKeptAsSent() throws Exception {
        String sha256 = "2ZJZ9qrmO6yRDkB/NUELKoYbTHKzMbLc+j5Rn0Dfb2A=";

        IdCard card = parse(CARD.replace("VZx0Zb5RbFvLgPchoRXta2KCiHY=", sha256));

        assertEquals(44, sha256.length());
        assertEquals(Optional.of(sha256), card.ocesCertHash());
    }

    @Test
    void parseWhenOtherNamespacePrefixesThenAttributeNamesAreStillLiteralText() throws Exception {
        IdCard card = parse(CARD.replace("saml:", "a:").replace("xmlns:saml=", "xmlns:a=")
                .replace("ds:", "dsig:").replace("xmlns:ds=", "xmlns:dsig=")
                .replace("Name=\"a:", "Name=\"saml:"));

        assertEquals("hRyC+neSxkdwzcYGLfF/Ww==", card.idCardId());
        assertEquals("7170", card.userLog().orElseThrow().role());
    }

    @Test
    void parseWhenLevel2ThenUsernameTokenRead() throws Exception {
        IdCard card = parse(CARD.replace(">4<", ">2<")
                .replace("<ds:KeyInfo><ds:KeyName>OCESSignature</ds:KeyName></ds:KeyInfo>",
                        "<wsse:UsernameToken xmlns:wsse=\"" + Namespaces.WSSE + "\"><wsse:Username>lars</wsse:Username>"
                                + "<wsse:Password>secret</wsse:Password></wsse:UsernameToken>"));

        assertEquals(Optional.of(new UsernameToken("lars", "secret")), card.usernameToken());
    }

    @Test
    void parseWhenEmptyOptionalValuesAndUnknownAttributesThenIgnored() throws Exception {
        IdCard card = parse(CARD.replace(">0501792275</saml:AttributeValue>", "></saml:AttributeValue>")
                .replace("<saml:Attribute Name=\"medcom:UserRole\">",
                        "<saml:Attribute Name=\"medcom:UserEducationCode\"><saml:AttributeValue>7170</saml:AttributeValue>"
                                + "</saml:Attribute><saml:Attribute Name=\"medcom:UserRole\">"));

        assertEquals(Optional.empty(), card.userLog().orElseThrow().civilRegistrationNumber());
    }

    @Test
    void parseWhenCardContentIsNestedDeeperThenOnlyDirectChildrenCount() throws Exception {
        String forged = "<x:Extension xmlns:x=\"urn:x\"><saml:AttributeStatement id=\"IDCardData\">"
                + "<saml:Attribute Name=\"sosi:AuthenticationLevel\"><saml:AttributeValue>1</saml:AttributeValue></saml:Attribute>"
                + "</saml:AttributeStatement></x:Extension></saml:Assertion>";

        IdCard card = parse(CARD.replace("</saml:Assertion>", forged));

        assertEquals(4, card.authenticationLevel());
    }

    // ---- strict about content

    @Test
    void parseWhenNotAnAssertionThenInvalidRequest() throws Exception {
        Element notACard = xml("<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">x</saml:Issuer>");

        StsFault fault = assertThrows(StsFault.class, () -> parser.parse(notACard));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals("The id-card must be a saml:Assertion", fault.getMessage());
    }

    @Test
    void parseWhenAssertionInAnotherNamespaceThenInvalidRequest() throws Exception {
        Element saml11 = xml(CARD.replace("xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
                "xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\""));

        StsFault fault = assertThrows(StsFault.class, () -> parser.parse(saml11));

        assertEquals(IdCardParser.NOT_AN_ASSERTION, fault.getMessage());
    }

    @Test
    void parseWhenNoIdAttributeThenBadElements() {
        assertBadElements("The saml:Assertion has no id attribute", TestIdCards.systemCard().build(),
                card -> card.removeAttribute("id"));
    }

    @Test
    void parseWhenIssueInstantMissingOrNotATimeThenBadElements() {
        assertBadElements("The saml:Assertion has no IssueInstant attribute", TestIdCards.systemCard().build(),
                card -> card.removeAttribute("IssueInstant"));
        assertBadElements("The saml:Assertion IssueInstant is not an xs:dateTime: \"yesterday\"",
                TestIdCards.systemCard().build(), card -> card.setAttribute("IssueInstant", "yesterday"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotBefore", "NotOnOrAfter"})
    void parseWhenConditionsTimeMissingThenBadElements(String time) {
        assertBadElements(String.format(IdCardParser.NO_XML_ATTRIBUTE, "saml:Conditions", time),
                TestIdCards.systemCard().build(), card -> child(card, "Conditions").removeAttribute(time));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Issuer", "Subject", "Conditions"})
    void parseWhenRequiredElementMissingThenBadElements(String element) {
        assertBadElements("The id-card has no saml:" + element, TestIdCards.systemCard().build(),
                card -> remove(child(card, element)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Issuer", "Subject", "Conditions"})
    void parseWhenElementTwiceThenBadElements(String element) {
        assertBadElements("The id-card has more than one saml:" + element, TestIdCards.systemCard().build(),
                card -> card.insertBefore(child(card, element).cloneNode(true), child(card, element)));
    }

    @Test
    void parseWhenIssuerEmptyThenBadElements() {
        assertBadElements("The saml:Issuer of the id-card is empty", TestIdCards.systemCard().build(),
                card -> child(card, "Issuer").setTextContent(" "));
    }

    @Test
    void parseWhenNameIdMissingOrWithoutFormatThenBadElements() {
        assertBadElements("The id-card has no saml:NameID", TestIdCards.systemCard().build(),
                card -> remove(child(child(card, "Subject"), "NameID")));
        assertBadElements("The saml:NameID has no Format attribute", TestIdCards.systemCard().build(),
                card -> child(child(card, "Subject"), "NameID").removeAttribute("Format"));
    }

    @Test
    void parseWhenConfirmationMethodIsNotHolderOfKeyThenBadElements() {
        assertBadElements(IdCardParser.NOT_HOLDER_OF_KEY, TestIdCards.systemCard().build(),
                card -> child(child(child(card, "Subject"), "SubjectConfirmation"), "ConfirmationMethod")
                        .setTextContent("urn:oasis:names:tc:SAML:2.0:cm:bearer"));
    }

    @Test
    void parseWhenSubjectConfirmationDataMissingOrEmptyThenBadElements() {
        assertBadElements(IdCardParser.NO_CONFIRMATION_DATA, TestIdCards.systemCard().build(),
                card -> remove(child(child(child(card, "Subject"), "SubjectConfirmation"), "SubjectConfirmationData")));
        assertBadElements(IdCardParser.NO_CONFIRMATION_DATA, TestIdCards.systemCard().build(),
                card -> remove(child(child(child(child(card, "Subject"), "SubjectConfirmation"),
                        "SubjectConfirmationData"), "KeyInfo")));
    }

    @Test
    void parseWhenLevel2WithoutUsernameTokenThenBadElements() {
        assertBadElements("An id-card of authentication level 2 must carry a wsse:UsernameToken in its "
                + "saml:SubjectConfirmationData", TestIdCards.employeeCard().build(),
                card -> value(card, "sosi:AuthenticationLevel", "2"));
    }

    @Test
    void parseWhenUsernameTokenLacksPasswordThenBadElements() {
        assertBadElements(IdCardParser.INCOMPLETE_USERNAME_TOKEN, TestIdCards.passwordCard().build(),
                card -> remove((Element) card.getElementsByTagNameNS(Namespaces.WSSE, "Password").item(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IDCardData", "SystemLog"})
    void parseWhenRequiredStatementMissingThenBadElements(String id) {
        assertBadElements("The id-card has no saml:AttributeStatement " + id, TestIdCards.employeeCard().build(),
                card -> remove(statement(card, id)));
    }

    @Test
    void parseWhenUserCardWithoutUserLogThenBadElements() {
        assertBadElements("A user id-card must have a saml:AttributeStatement UserLog", TestIdCards.employeeCard().build(),
                card -> remove(statement(card, "UserLog")));
    }

    @Test
    void parseWhenStatementTwiceOrWithoutIdThenBadElements() {
        assertBadElements("The id-card has more than one saml:AttributeStatement SystemLog", TestIdCards.systemCard().build(),
                card -> card.appendChild(statement(card, "SystemLog").cloneNode(true)));
        assertBadElements(IdCardParser.STATEMENT_WITHOUT_ID, TestIdCards.systemCard().build(),
                card -> statement(card, "SystemLog").removeAttribute("id"));
    }

    @ParameterizedTest
    @CsvSource({"IDCardData,sosi:IDCardID", "IDCardData,sosi:IDCardVersion", "IDCardData,sosi:IDCardType",
            "IDCardData,sosi:AuthenticationLevel", "UserLog,medcom:UserGivenName", "UserLog,medcom:UserSurName",
            "UserLog,medcom:UserRole", "SystemLog,medcom:ITSystemName", "SystemLog,medcom:CareProviderID",
            "SystemLog,medcom:CareProviderName"})
    void parseWhenRequiredAttributeMissingThenBadElements(String statement, String name) {
        assertBadElements("The saml:AttributeStatement " + statement + " has no saml:Attribute " + name,
                TestIdCards.employeeCard().build(), card -> remove(attribute(card, name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sosi:IDCardID", "medcom:UserGivenName", "medcom:UserSurName", "medcom:UserRole",
            "medcom:ITSystemName", "medcom:CareProviderID", "medcom:CareProviderName"})
    void parseWhenRequiredValueEmptyThenBadElements(String name) {
        assertBadElements("The saml:Attribute " + name + " is empty", TestIdCards.employeeCard().build(),
                card -> value(card, name, "  "));
    }

    @Test
    void parseWhenUnknownTypeThenBadElements() {
        assertBadElements("The sosi:IDCardType must be user or system, was \"employee\"", TestIdCards.employeeCard().build(),
                card -> value(card, "sosi:IDCardType", "employee"));
    }

    @Test
    void parseWhenUnknownVersionThenBadElements() {
        assertBadElements("The sosi:IDCardVersion must be 1.0 or 1.0.1, was \"1.1\"", TestIdCards.employeeCard().build(),
                card -> value(card, "sosi:IDCardVersion", "1.1"));
    }

    @Test
    void parseWhenLevel5ThenNotSupportedBySosi() {
        assertBadElements("The sosi:AuthenticationLevel 5 is not supported by SOSI; use 1, 2, 3 or 4",
                TestIdCards.employeeCard().build(), card -> value(card, "sosi:AuthenticationLevel", "5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "-3", "three", "3.0"})
    void parseWhenLevelOutside1To4ThenBadElements(String level) {
        assertBadElements("The sosi:AuthenticationLevel must be 1, 2, 3 or 4, was \"" + level + "\"",
                TestIdCards.employeeCard().build(), card -> value(card, "sosi:AuthenticationLevel", level));
    }

    @Test
    void parseWhenValueEchoedIsLongThenItIsCut() {
        assertBadElements(String.format(IdCardParser.UNKNOWN_TYPE, "\"" + "x".repeat(64) + "…\""),
                TestIdCards.employeeCard().build(), card -> value(card, "sosi:IDCardType", "x".repeat(10_000)));
    }

    @Test
    void parseWhenAttributeHasTwoValuesOrNoneThenBadElements() {
        assertBadElements("The saml:Attribute medcom:UserRole must hold exactly one saml:AttributeValue",
                TestIdCards.employeeCard().build(),
                card -> attribute(card, "medcom:UserRole").appendChild(children(attribute(card, "medcom:UserRole")).get(0)
                        .cloneNode(true)));
        assertBadElements("The saml:Attribute sosi:OCESCertHash must hold exactly one saml:AttributeValue",
                TestIdCards.employeeCard().build(),
                card -> remove(children(attribute(card, "sosi:OCESCertHash")).get(0)));
    }

    @Test
    void parseWhenAttributeTwiceInAStatementThenBadElements() {
        assertBadElements("The saml:Attribute sosi:AuthenticationLevel appears more than once in saml:AttributeStatement IDCardData",
                TestIdCards.employeeCard().build(),
                card -> statement(card, "IDCardData").appendChild(attribute(card, "sosi:AuthenticationLevel").cloneNode(true)));
    }

    @Test
    void parseWhenAttributeWithoutNameThenBadElements() {
        assertBadElements("A saml:Attribute in saml:AttributeStatement UserLog has no Name", TestIdCards.employeeCard().build(),
                card -> attribute(card, "medcom:UserRole").removeAttribute("Name"));
    }

    @Test
    void parseWhenCareProviderIdHasNoNameFormatThenBadElements() {
        assertBadElements("The saml:Attribute medcom:CareProviderID has no NameFormat", TestIdCards.systemCard().build(),
                card -> attribute(card, "medcom:CareProviderID").removeAttribute("NameFormat"));
    }

    @Test
    void parseWhenTwoSignaturesThenBadElements() {
        assertBadElements("The id-card holds more than one ds:Signature", TestIdCards.systemCard().build(), card -> {
            card.appendChild(card.getOwnerDocument().createElementNS(Namespaces.DS, "ds:Signature"));
            card.appendChild(card.getOwnerDocument().createElementNS(Namespaces.DS, "ds:Signature"));
        });
    }
}

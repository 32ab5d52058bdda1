package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.TestSamlAssertions.serialised;
import static dk.sosi.sts.token.saml.TestSamlAssertions.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

class SamlAssertionReaderTest {

    /** A citizen bootstrap token in NemLog-in 3 style (exchanges.md 3.4); variants are made by replacing text. */
    private static final String TOKEN = """
            <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_a1" IssueInstant="2024-03-01T10:15:30Z" Version="2.0">
              <saml:Issuer>https://idp.test.nspop.dk</saml:Issuer>
              <saml:Subject>
                <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">dk:gov:saml:attribute:CprNumberIdentifier:0501792275</saml:NameID>
                <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key">
                  <saml:SubjectConfirmationData xsi:type="saml:KeyInfoConfirmationDataType" NotOnOrAfter="2024-03-01T11:15:30Z" Recipient="https://fmk">
                    <ds:KeyInfo><ds:X509Data><ds:X509Certificate>CERTIFICATE</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                  </saml:SubjectConfirmationData>
                </saml:SubjectConfirmation>
              </saml:Subject>
              <saml:Conditions NotBefore="2024-03-01T10:15:30Z" NotOnOrAfter="2024-03-01T11:15:30Z">
                <saml:AudienceRestriction><saml:Audience>https://bootstrap.sts.nspop.dk/</saml:Audience></saml:AudienceRestriction>
              </saml:Conditions>
              <saml:AuthnStatement AuthnInstant="2024-03-01T10:15:00Z" SessionIndex="_s1">
                <saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</saml:AuthnContextClassRef></saml:AuthnContext>
              </saml:AuthnStatement>
              <saml:AttributeStatement>
                <saml:Attribute Name="https://data.gov.dk/model/core/specVersion" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" FriendlyName="spec">
                  <saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:string">OIO-SAML-3.0</saml:AttributeValue>
                </saml:Attribute>
                <saml:Attribute Name="https://data.gov.dk/model/core/eid/cprNumber">
                  <saml:AttributeValue>0501792275</saml:AttributeValue>
                </saml:Attribute>
              </saml:AttributeStatement>
            </saml:Assertion>""";

    private final SamlAssertionReader reader = new SamlAssertionReader();

    private static X509Certificate wsc() {
        return TestSigningKeys.employee().certificate();
    }

    private static String token() {
        return TOKEN.replace("CERTIFICATE", Base64.getEncoder().encodeToString(encoded(wsc())));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SamlAssertion read(String text) {
        return reader.read(xml(text)).assertion();
    }

    private void assertRefused(String expected, String text) {
        Element element = xml(text);
        StsFault fault = assertThrows(StsFault.class, () -> reader.read(element));
        assertEquals(FaultCode.AUTHENTICATION_BAD_ELEMENTS, fault.code());
        assertEquals(expected, fault.getMessage());
    }

    // ---- what an assertion says

    @Test
    void readWhenBootstrapTokenThenEveryPartIsRead() {
        Element element = xml(token());

        ParsedAssertion parsed = reader.read(element);

        SamlAssertion expected = SamlAssertion.builder()
                .id("_a1")
                .issueInstant(Instant.parse("2024-03-01T10:15:30Z"))
                .issuer("https://idp.test.nspop.dk")
                .subject(Subject.of(NameId.of("dk:gov:saml:attribute:CprNumberIdentifier:0501792275", NameId.PERSISTENT),
                        SubjectConfirmation.holderOfKey(wsc(), "https://fmk", Instant.parse("2024-03-01T11:15:30Z"))))
                .conditions(Conditions.of(Instant.parse("2024-03-01T10:15:30Z"), Instant.parse("2024-03-01T11:15:30Z"),
                        "https://bootstrap.sts.nspop.dk/"))
                .authnStatement(Optional.of(new AuthnStatement(Instant.parse("2024-03-01T10:15:00Z"), Optional.of("_s1"),
                        Optional.of(AuthnStatement.X509))))
                .addAttribute(new SamlAttribute("https://data.gov.dk/model/core/specVersion", Optional.of(SamlAttribute.URI),
                        Optional.of("spec"), List.of(new AttributeValue.Text("OIO-SAML-3.0"))))
                .addAttribute(new SamlAttribute("https://data.gov.dk/model/core/eid/cprNumber", Optional.empty(),
                        Optional.empty(), List.of(new AttributeValue.Text("0501792275"))))
                .build();
        assertEquals(expected, parsed.assertion());
        assertSame(element, parsed.element());
        assertEquals(Optional.empty(), parsed.signature());
    }

    @Test
    void readWhenReadThenElementUnchanged() {
        Element element = xml(token());
        String before = serialised(element);

        reader.read(element);

        assertEquals(before, serialised(element));
    }

    @Test
    void readWhenOnlyIssuerThenNoSubjectConditionsOrStatements() {
        SamlAssertion assertion = read("""
                <Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="x" IssueInstant="2024-03-01T10:15:30Z" Version="2.0">\
                <Issuer>i</Issuer></Assertion>""");

        assertEquals(SamlAssertion.builder().id("x").issueInstant(Instant.parse("2024-03-01T10:15:30Z")).issuer("i").build(),
                assertion);
    }

    @Test
    void readWhenSignedThenSignatureIsTheDirectChild() {
        Element element = xml(token().replace("</saml:Issuer>", "</saml:Issuer><ds:Signature Id=\"OCESSignature\"/>"));

        Element signature = reader.read(element).signature().orElseThrow();

        assertEquals("OCESSignature", signature.getAttribute("Id"));
        assertSame(element, signature.getParentNode());
    }

    @Test
    void readWhenSignatureOnlyNestedDeeperThenNoSignature() {
        Element element = xml(token().replace("<saml:AuthnContext>", "<saml:AuthnContext><ds:Signature/>"));

        assertEquals(Optional.empty(), reader.read(element).signature());
    }

    @Test
    void readWhenAssertionNestedInAdviceThenOnlyTheOuterOneIsRead() {
        String outer = token();
        String inner = """
                <saml:Assertion ID="_evil" IssueInstant="2030-01-01T00:00:00Z" Version="2.0"><saml:Issuer>evil</saml:Issuer>\
                <saml:Subject><saml:NameID>someone else</saml:NameID></saml:Subject>\
                <saml:Conditions><saml:AudienceRestriction><saml:Audience>https://evil</saml:Audience></saml:AudienceRestriction></saml:Conditions>\
                <saml:AttributeStatement><saml:Attribute Name="https://data.gov.dk/model/core/eid/cprNumber">\
                <saml:AttributeValue>1111111118</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>\
                <ds:Signature/></saml:Assertion>""";
        Element element = xml(outer.replace("<saml:AuthnStatement", "<saml:Advice>" + inner + "</saml:Advice><saml:AuthnStatement"));

        ParsedAssertion parsed = reader.read(element);

        assertEquals(read(outer), parsed.assertion());
        assertEquals(Optional.empty(), parsed.signature());
    }

    // ---- lenient about form

    @Test
    void readWhenDefaultNamespaceAndOtherPrefixesThenSameAssertion() {
        String other = token().replace("<saml:", "<").replace("</saml:", "</").replace("xmlns:saml=", "xmlns=")
                .replace("<ds:", "<dsig:").replace("</ds:", "</dsig:").replace("xmlns:ds=", "xmlns:dsig=");

        assertEquals(read(token()), read(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xsi:type=\"xs:string\"", "xsi:type=\"xsd:string\"", "xsi:type=\"string\"", ""})
    void readWhenXsiTypeOnAttributeValueIsAnyFormOrNoneThenTextValue(String type) {
        SamlAssertion assertion = read(token().replace(" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"xs:string\"",
                type.isEmpty() ? "" : " " + type));

        assertEquals(Optional.of("OIO-SAML-3.0"),
                assertion.attribute("https://data.gov.dk/model/core/specVersion").orElseThrow().firstText());
    }

    @Test
    void readWhenXsiTypeUnprefixedThenTextValue() {
        SamlAssertion assertion = read(token().replace("xsi:type=\"xs:string\"", "xsi:type=\"string\""));

        assertEquals(List.of(new AttributeValue.Text("OIO-SAML-3.0")),
                assertion.attribute("https://data.gov.dk/model/core/specVersion").orElseThrow().values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xsi:type=\"saml:KeyInfoConfirmationDataType\"", "xsi:type=\"KeyInfoConfirmationDataType\"", ""})
    void readWhenConfirmationDataTypeIsAnyFormOrNoneThenCertificate(String type) {
        SamlAssertion assertion = read(token().replace("xsi:type=\"saml:KeyInfoConfirmationDataType\"", type));

        assertEquals(Optional.of(wsc()), assertion.subject().confirmations().get(0).holderOfKeyCertificate());
    }

    @Test
    void readWhenCertificateBase64HasLineBreaksAndSpacesThenCertificate() {
        String broken = Base64.getMimeEncoder().encodeToString(encoded(wsc())).replace("\r\n", "\r\n        ");

        SamlAssertion assertion = read(TOKEN.replace("CERTIFICATE", "\n        " + broken + "\n      "));

        assertEquals(Optional.of(wsc()), assertion.subject().confirmations().get(0).holderOfKeyCertificate());
    }

    @Test
    void readWhenKeyInfoHoldsOnlyKeyNameThenNoCertificate() {
        SamlAssertion assertion = read(token().replaceFirst("<ds:X509Data>.*</ds:X509Data>", "<ds:KeyName>SigningKey</ds:KeyName>"));

        assertEquals(Optional.empty(), assertion.subject().confirmations().get(0).holderOfKeyCertificate());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-01T10:15:30.123Z, 2024-03-01T10:15:30.123Z",
            "2024-03-01T11:15:30+01:00, 2024-03-01T10:15:30Z",
            "2024-03-01T05:15:30.5-05:00, 2024-03-01T10:15:30.5Z",
            "2024-03-01T10:15:30, 2024-03-01T10:15:30Z",
            "' 2024-03-01T10:15:30Z ', 2024-03-01T10:15:30Z"})
    void readWhenTimeHasFractionOffsetOrNoZoneThenInstant(String written, String expected) {
        SamlAssertion assertion = read(token().replace("IssueInstant=\"2024-03-01T10:15:30Z\"", "IssueInstant=\"" + written + "\""));

        assertEquals(Instant.parse(expected), assertion.issueInstant());
    }

    @Test
    void readWhenWhitespaceAroundValuesThenStripped() {
        SamlAssertion assertion = read(token()
                .replace(">https://idp.test.nspop.dk<", ">\n  https://idp.test.nspop.dk\n<")
                .replace(">0501792275<", ">\n\t0501792275\n\t\t<")
                .replace(">https://bootstrap.sts.nspop.dk/<", "> https://bootstrap.sts.nspop.dk/ <")
                .replace("Recipient=\"https://fmk\"", "Recipient=\" https://fmk \""));

        assertEquals(read(token()), assertion);
    }

    @Test
    void readWhenUnknownElementsAndAttributesThenIgnored() {
        SamlAssertion assertion = read(token()
                .replace("Version=\"2.0\">", "Version=\"2.0\" Extra=\"x\"><saml:Unknown/><other xmlns=\"urn:x\"/>")
                .replace("<saml:AudienceRestriction>", "<saml:OneTimeUse/><saml:AudienceRestriction>")
                .replace("Recipient=\"https://fmk\"", "Recipient=\"https://fmk\" InResponseTo=\"_r\" Address=\"10.0.0.1\"")
                .replace("<saml:AttributeStatement>", "<saml:AttributeStatement><saml:EncryptedAttribute/>"));

        assertEquals(read(token()), assertion);
    }

    @Test
    void readWhenStatementsBeforeSubjectThenSameAssertion() {
        String text = token();
        String statements = text.substring(text.indexOf("<saml:AuthnStatement"), text.indexOf("</saml:Assertion>"));
        String reordered = text.replace(statements, "").replace("<saml:Subject>", statements + "<saml:Subject>");

        assertEquals(read(text), read(reordered));
    }

    @Test
    void readWhenSeveralAttributeStatementsThenOneListInDocumentOrder() {
        SamlAssertion assertion = read(token().replace("</saml:AttributeStatement>",
                "</saml:AttributeStatement><saml:AttributeStatement><saml:Attribute Name=\"third\"><saml:AttributeValue>3"
                        + "</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>"));

        assertEquals(List.of("https://data.gov.dk/model/core/specVersion", "https://data.gov.dk/model/core/eid/cprNumber", "third"),
                assertion.attributes().stream().map(SamlAttribute::name).toList());
    }

    @Test
    void readWhenAttributeValueHoldsAnElementThenXml() {
        String epr = "<wsa:EndpointReference xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<wsa:Address>http://sosi.dk/sts</wsa:Address></wsa:EndpointReference>";

        SamlAssertion assertion = read(token().replace("<saml:AttributeValue>0501792275</saml:AttributeValue>",
                "<saml:AttributeValue>\n  " + epr + "\n</saml:AttributeValue>"));

        assertEquals(List.of(new AttributeValue.Xml(xml(epr))),
                assertion.attribute("https://data.gov.dk/model/core/eid/cprNumber").orElseThrow().values());
    }

    @Test
    void readWhenAttributeValueEmptyOrSeveralThenAllKept() {
        SamlAssertion assertion = read(token().replace("<saml:AttributeValue>0501792275</saml:AttributeValue>",
                "<saml:AttributeValue/><saml:AttributeValue>b</saml:AttributeValue><saml:AttributeValue><![CDATA[c<]]></saml:AttributeValue>"));

        assertEquals(List.of(new AttributeValue.Text(""), new AttributeValue.Text("b"), new AttributeValue.Text("c<")),
                assertion.attribute("https://data.gov.dk/model/core/eid/cprNumber").orElseThrow().values());
    }

    @Test
    void readWhenAttributeWithoutValueThenNoValues() {
        SamlAssertion assertion = read(token().replace("<saml:AttributeValue>0501792275</saml:AttributeValue>", ""));

        assertEquals(List.of(), assertion.attribute("https://data.gov.dk/model/core/eid/cprNumber").orElseThrow().values());
    }

    @Test
    void readWhenSeveralConfirmationsThenAllInOrder() {
        SamlAssertion assertion = read(token().replace("</saml:Subject>",
                "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:sender-vouches\"/></saml:Subject>"));

        assertEquals(List.of(SubjectConfirmation.HOLDER_OF_KEY, SubjectConfirmation.SENDER_VOUCHES),
                assertion.subject().confirmations().stream().map(SubjectConfirmation::method).toList());
    }

    // ---- strict about content

    @ParameterizedTest
    @CsvSource({
            "'<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">x</saml:Issuer>', '\"{urn:oasis:names:tc:SAML:2.0:assertion}Issuer\"'",
            "'<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\"/>', '\"{urn:oasis:names:tc:SAML:1.0:assertion}Assertion\"'",
            "'<Assertion/>', '\"{}Assertion\"'"})
    void readWhenNotASamlAssertionThenInvalidRequest(String text, String found) {
        Element element = xml(text);

        StsFault fault = assertThrows(StsFault.class, () -> reader.read(element));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals("The token must be a saml:Assertion (urn:oasis:names:tc:SAML:2.0:assertion), was " + found, fault.getMessage());
    }

    @Test
    void readWhenNoVersionThenRefused() {
        assertRefused("The saml:Assertion has no Version attribute", token().replace(" Version=\"2.0\"", ""));
    }

    @Test
    void readWhenVersionNot20ThenRefused() {
        assertRefused("The saml:Assertion must have Version 2.0, was \"1.1\"", token().replace("Version=\"2.0\"", "Version=\"1.1\""));
    }

    @Test
    void readWhenVersionHasControlCharactersThenEchoedSafely() {
        assertRefused("The saml:Assertion must have Version 2.0, was \"2.0\\u0001\"",
                token().replace("Version=\"2.0\"", "Version=\"2.0&#1;\"").replaceFirst("^", "<?xml version=\"1.1\"?>"));
    }

    @Test
    void readWhenVersionVeryLongThenEchoCut() {
        String version = "9".repeat(1000);
        Element element = xml(token().replace("Version=\"2.0\"", "Version=\"" + version + "\""));

        StsFault fault = assertThrows(StsFault.class, () -> reader.read(element));

        assertEquals(String.format(SamlAssertionReader.NOT_VERSION_2, CallerText.quote(version)), fault.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ID=\"\"", "ID=\"  \"", "id=\"_a1\""})
    void readWhenNoIdThenRefused(String id) {
        assertRefused("The saml:Assertion has no ID attribute", token().replace("ID=\"_a1\"", id));
    }

    @Test
    void readWhenNoIssueInstantThenRefused() {
        assertRefused("The saml:Assertion has no IssueInstant attribute", token().replace(" IssueInstant=\"2024-03-01T10:15:30Z\"", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-03-01", "2024-13-01T10:15:30Z", "2024-03-01T10:15:30 Z", "2024-03-01T10:15:30[Europe/Copenhagen]"})
    void readWhenIssueInstantNotADateTimeThenRefused(String value) {
        assertRefused("The saml:Assertion IssueInstant is not an xs:dateTime: \"" + value + "\"",
                token().replace("IssueInstant=\"2024-03-01T10:15:30Z\"", "IssueInstant=\"" + value + "\""));
    }

    @Test
    void readWhenNoIssuerThenRefused() {
        assertRefused("The saml:Assertion has no saml:Issuer", token().replace("<saml:Issuer>https://idp.test.nspop.dk</saml:Issuer>", ""));
    }

    @Test
    void readWhenIssuerOnlyInsideSubjectThenRefused() {
        assertRefused("The saml:Assertion has no saml:Issuer", token()
                .replace("<saml:Issuer>https://idp.test.nspop.dk</saml:Issuer>", "")
                .replace("<saml:Subject>", "<saml:Subject><saml:Issuer>https://idp.test.nspop.dk</saml:Issuer>"));
    }

    @Test
    void readWhenIssuerEmptyThenRefused() {
        assertRefused("The saml:Issuer is empty", token().replace(">https://idp.test.nspop.dk<", "> \n <"));
    }

    @ParameterizedTest
    @CsvSource({
            "<saml:Issuer>https://idp.test.nspop.dk</saml:Issuer>, saml:Issuer",
            "<ds:Signature/><ds:Signature/>, ds:Signature",
            "<saml:Subject/>, saml:Subject",
            "<saml:Conditions/>, saml:Conditions",
            "<saml:AuthnStatement AuthnInstant=\"2024-03-01T10:15:00Z\"/>, saml:AuthnStatement"})
    void readWhenSingularChildTwiceThenRefused(String added, String name) {
        assertRefused("The saml:Assertion holds more than one " + name, token().replace("</saml:Assertion>", added + "</saml:Assertion>"));
    }

    @Test
    void readWhenNameIdTwiceThenRefused() {
        assertRefused("The saml:Subject holds more than one saml:NameID",
                token().replace("<saml:Subject>", "<saml:Subject><saml:NameID>other</saml:NameID>"));
    }

    @Test
    void readWhenNameIdEmptyThenRefused() {
        assertRefused("The saml:NameID is empty",
                token().replace(">dk:gov:saml:attribute:CprNumberIdentifier:0501792275<", "><"));
    }

    @Test
    void readWhenConfirmationWithoutMethodThenRefused() {
        assertRefused("The saml:SubjectConfirmation has no Method attribute",
                token().replace(" Method=\"urn:oasis:names:tc:SAML:2.0:cm:holder-of-key\"", ""));
    }

    @Test
    void readWhenConfirmationDataTwiceThenRefused() {
        assertRefused("The saml:SubjectConfirmation holds more than one saml:SubjectConfirmationData",
                token().replace("</saml:SubjectConfirmation>", "<saml:SubjectConfirmationData/></saml:SubjectConfirmation>"));
    }

    @Test
    void readWhenConfirmationDataNotOnOrAfterNotADateTimeThenRefused() {
        assertRefused("The saml:SubjectConfirmationData NotOnOrAfter is not an xs:dateTime: \"soon\"",
                token().replace("NotOnOrAfter=\"2024-03-01T11:15:30Z\" Recipient", "NotOnOrAfter=\"soon\" Recipient"));
    }

    @Test
    void readWhenTwoCertificatesThenRefused() {
        String text = token();
        String keyInfo = text.substring(text.indexOf("<ds:KeyInfo>"), text.indexOf("</ds:KeyInfo>") + "</ds:KeyInfo>".length());

        assertRefused("The saml:SubjectConfirmationData holds more than one ds:X509Certificate", text.replace(keyInfo, keyInfo + keyInfo));
    }

    @Test
    void readWhenCertificateNotBase64ThenRefused() {
        assertRefused(SamlAssertionReader.NOT_A_CERTIFICATE, TOKEN.replace("CERTIFICATE", "not base64!"));
    }

    @Test
    void readWhenCertificateNotACertificateThenRefused() {
        assertRefused(SamlAssertionReader.NOT_A_CERTIFICATE, TOKEN.replace("CERTIFICATE", "AAECAwQF"));
    }

    @Test
    void readWhenBytesFollowTheCertificateThenRefused() {
        byte[] der = encoded(wsc());
        byte[] longer = Arrays.copyOf(der, der.length + 3);

        assertRefused(SamlAssertionReader.NOT_A_CERTIFICATE, TOKEN.replace("CERTIFICATE", Base64.getEncoder().encodeToString(longer)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotBefore", "NotOnOrAfter"})
    void readWhenConditionsTimeNotADateTimeThenRefused(String attribute) {
        assertRefused("The saml:Conditions " + attribute + " is not an xs:dateTime: \"never\"",
                token().replace("<saml:Conditions NotBefore=\"2024-03-01T10:15:30Z\" NotOnOrAfter=\"2024-03-01T11:15:30Z\">",
                        "<saml:Conditions " + attribute + "=\"never\">"));
    }

    @Test
    void readWhenTwoAudienceRestrictionsThenRefused() {
        assertRefused("The saml:Conditions holds more than one saml:AudienceRestriction", token().replace("</saml:Conditions>",
                "<saml:AudienceRestriction><saml:Audience>https://other</saml:Audience></saml:AudienceRestriction></saml:Conditions>"));
    }

    @Test
    void readWhenAudienceRestrictionWithoutAudienceThenRefused() {
        assertRefused("The saml:AudienceRestriction has no saml:Audience",
                token().replace("<saml:Audience>https://bootstrap.sts.nspop.dk/</saml:Audience>", ""));
    }

    @Test
    void readWhenAudienceEmptyThenRefused() {
        assertRefused("The saml:Audience is empty", token().replace(">https://bootstrap.sts.nspop.dk/<", ">  <"));
    }

    @Test
    void readWhenAuthnStatementWithoutAuthnInstantThenRefused() {
        assertRefused("The saml:AuthnStatement has no AuthnInstant attribute",
                token().replace(" AuthnInstant=\"2024-03-01T10:15:00Z\"", ""));
    }

    @Test
    void readWhenAuthnContextTwiceThenRefused() {
        assertRefused("The saml:AuthnStatement holds more than one saml:AuthnContext",
                token().replace("</saml:AuthnStatement>", "<saml:AuthnContext/></saml:AuthnStatement>"));
    }

    @Test
    void readWhenAuthnContextClassRefTwiceThenRefused() {
        assertRefused("The saml:AuthnContext holds more than one saml:AuthnContextClassRef", token().replace("</saml:AuthnContext>",
                "<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext>"));
    }

    @Test
    void readWhenAttributeWithoutNameThenRefused() {
        assertRefused("The saml:Attribute has no Name attribute",
                token().replace(" Name=\"https://data.gov.dk/model/core/eid/cprNumber\"", ""));
    }

    @Test
    void readWhenAttributeNameTwiceInOtherStatementThenRefused() {
        assertRefused("The saml:Attribute \"https://data.gov.dk/model/core/eid/cprNumber\" appears more than once",
                token().replace("</saml:AttributeStatement>", "</saml:AttributeStatement><saml:AttributeStatement>"
                        + "<saml:Attribute Name=\"https://data.gov.dk/model/core/eid/cprNumber\"><saml:AttributeValue>1111111118"
                        + "</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text<x/>", "<x/>text", "<x/><y/>"})
    void readWhenAttributeValueNeitherTextNorOneElementThenRefused(String content) {
        assertRefused("A saml:AttributeValue of saml:Attribute \"https://data.gov.dk/model/core/eid/cprNumber\" must hold either text or one element",
                token().replace(">0501792275<", ">" + content + "<"));
    }

    @Test
    void readWhenNullThenNullPointer() {
        assertEquals("element", assertThrows(NullPointerException.class, () -> reader.read(null)).getMessage());
    }
}

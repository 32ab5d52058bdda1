package dk.sosi.sts.exchange.oiosaml2sosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.TestSamlAssertions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class HealthcareContextTokenTest {

    private static final String SUBJECT = "C=DK,O=Demo Lægehus // CVR:20921897,CN=Karl Hansen,Serial=CVR:20921897-RID:46283716";
    private static final NameId KARL = NameId.of(SUBJECT, NameId.X509_SUBJECT_NAME);

    /** A context token as Seal's HealthcareContextTokenDOMBuilder writes one, with {@code attributes} in its statement. */
    private static Element token(String nameId, String attributes) {
        return TestSamlAssertions.xml("""
                <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="sva" IssueInstant="2024-03-01T10:15:30Z" \
                Version="2.0"><saml:Issuer>Demo Webapp</saml:Issuer><saml:Subject>\
                <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">%s</saml:NameID>\
                <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:sender-vouches"/></saml:Subject>\
                <saml:AttributeStatement>%s</saml:AttributeStatement></saml:Assertion>""".formatted(nameId, attributes));
    }

    private static String attribute(String name, String value) {
        return "<saml:Attribute Name=\"dk:healthcare:saml:attribute:" + name + "\"><saml:AttributeValue>" + value
                + "</saml:AttributeValue></saml:Attribute>";
    }

    @Test
    void readWhenSealsShapeThenEveryAttribute() {
        HealthcareContextToken token = HealthcareContextToken.read(token(SUBJECT, attribute("ITSystemName", "Demo Webapp")
                + attribute("UserAuthorizationCode", "J0184") + attribute("UserEducationCode", "7170")
                + attribute("UserGivenName", "Karl Emil") + attribute("UserSurName", " Hansen ")), KARL, new SamlAssertionReader());

        assertEquals(new HealthcareContextToken("Demo Webapp", Optional.of("J0184"), Optional.of("7170"), Optional.of("Karl Emil"),
                Optional.of("Hansen")), token);
    }

    @Test
    void readWhenNoItSystemNameThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> HealthcareContextToken.read(token(SUBJECT,
                attribute("UserEducationCode", "7170")), KARL, new SamlAssertionReader()));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals(HealthcareContextToken.NO_IT_SYSTEM, fault.getMessage());
    }

    @Test
    void readWhenAboutAnotherSubjectThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> HealthcareContextToken.read(token(SUBJECT.replace("Karl", "Lise"),
                attribute("ITSystemName", "Demo Webapp")), KARL, new SamlAssertionReader()));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals(HealthcareContextToken.OTHER_SUBJECT, fault.getMessage());
    }

    @Test
    void readWhenRoleIsAnIncompleteNationalRoleThenInvalidRequest() {
        StsFault fault = assertThrows(StsFault.class, () -> HealthcareContextToken.read(token(SUBJECT,
                attribute("ITSystemName", "Demo Webapp") + attribute("UserEducationCode", "urn:dk:healthcare:national-federation-role:code:1")),
                KARL, new SamlAssertionReader()));

        assertEquals(FaultCode.INVALID_REQUEST, fault.code());
        assertEquals(String.format(HealthcareContextToken.NOT_A_ROLE, "\"urn:dk:healthcare:national-federation-role:code:1\""),
                fault.getMessage());
    }
}

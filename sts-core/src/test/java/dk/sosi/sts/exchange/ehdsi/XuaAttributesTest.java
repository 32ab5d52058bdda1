package dk.sosi.sts.exchange.ehdsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.AttributeValue;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.xml.SecureXml;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XuaAttributesTest {

    private static final String HL7 = "urn:hl7-org:v3";

    private static SamlAttribute text(String name, String value) {
        return new SamlAttribute(name, Optional.of(SamlAttribute.URI), Optional.of("friendly " + name), List.of(new AttributeValue.Text(value)));
    }

    private static SamlAttribute coded(String name, String element, String code, String codeSystem) {
        Document document = SecureXml.newDocument();
        Element value = document.createElementNS(HL7, element);
        value.setAttributeNS(null, "code", code);
        value.setAttributeNS(null, "codeSystem", codeSystem);
        return new SamlAttribute(name, Optional.of(SamlAttribute.URI), Optional.empty(), List.of(new AttributeValue.Xml(value)));
    }

    private static SamlAssertion bst(SamlAttribute... attributes) {
        SamlAssertion.Builder token = SamlAssertion.builder().id("_a").issueInstant(Instant.EPOCH).issuer("https://ncp");
        List.of(attributes).forEach(token::addAttribute);
        return token.build();
    }

    @Test
    void patientCprIsTheIdOfADanishCxPatientId() {
        assertEquals("1011649927", XuaAttributes.patientCpr(bst(text(XuaAttributes.RESOURCE_ID, " 1011649927^^^&1.2.208.176.1.2&ISO "))));
    }

    @Test
    void patientCprWhenMissingOrNotDanishThenInvalidSecurityToken() {
        for (SamlAssertion bst : List.of(bst(), bst(text(XuaAttributes.RESOURCE_ID, "101164992^^^&1.2.208.176.1.2&ISO")),
                bst(text(XuaAttributes.RESOURCE_ID, "1011649927^^^&1.2.246.21&ISO")),
                bst(text(XuaAttributes.RESOURCE_ID, "1011649927^^^&1.2.208.176.1.2")))) {
            StsFault fault = assertThrows(StsFault.class, () -> XuaAttributes.patientCpr(bst));
            assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        }
    }

    @Test
    void forTokenReplacesThePolicyKeepsTheOrderAndWritesCodedValuesInTheRealStsForm() {
        SamlAttribute subject = text("urn:oasis:names:tc:xspa:1.0:subject:subject-id", "John House");
        List<SamlAttribute> token = XuaAttributes.forToken(List.of(subject,
                coded(XuaAttributes.PURPOSE_OF_USE, "PurposeOfUse", "EMERGENCY", XuaAttributes.EHDSI_PURPOSE_OF_USE_CODE_SYSTEM),
                coded("urn:oasis:names:tc:xacml:2.0:subject:role", "Role", "221", "2.16.840.1.113883.2.9.6.2.7"),
                text(XuaAttributes.ISSUANCE_POLICY, "urn:dk:ncp:eHDSI-default")), "test-ehdsi-sts-policy");

        assertEquals(subject, token.get(0));
        AttributeValue.Xml purpose = (AttributeValue.Xml) token.get(1).values().get(0);
        assertEquals(Optional.of("CE"), purpose.xsiType());
        assertEquals(XuaAttributes.XSPA_CODE_SYSTEM, purpose.content().getAttribute("codeSystem"));
        AttributeValue.Xml role = (AttributeValue.Xml) token.get(2).values().get(0);
        assertEquals(Optional.of("CE"), role.xsiType());
        assertEquals("2.16.840.1.113883.2.9.6.2.7", role.content().getAttribute("codeSystem"));
        assertEquals(text(XuaAttributes.ISSUANCE_POLICY, "test-ehdsi-sts-policy"), token.get(3));
    }

    @Test
    void forTokenWhenPurposeOfUseIsNoEhdsiPurposeThenInvalidSecurityToken() {
        List<SamlAttribute> attributes = List.of(coded(XuaAttributes.PURPOSE_OF_USE, "PurposeOfUse", "RESEARCH", XuaAttributes.XSPA_CODE_SYSTEM));

        StsFault fault = assertThrows(StsFault.class, () -> XuaAttributes.forToken(attributes, "p"));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals("The DK NCP bootstrap token's PurposeOfUse \"RESEARCH\" is neither TREATMENT nor EMERGENCY", fault.getMessage());
    }
}

package dk.sosi.sts.exchange.bst2sosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivilegeListTest {

    private static SamlAttribute privileges(String xml) {
        return SamlAttribute.basic("dk:gov:saml:attribute:Privileges_intermediate",
                Base64.getMimeEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void atWhenGroupsForSeveralOrganisationsThenOnlyThoseOfTheCvr() {
        SamlAttribute attribute = privileges("<bpp:PrivilegeList xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\">"
                + "<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:20921897\"><Privilege>urn:a</Privilege>"
                + "<Privilege> urn:b </Privilege></PrivilegeGroup>"
                + "<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>urn:c</Privilege></PrivilegeGroup>"
                + "</bpp:PrivilegeList>");

        assertEquals(Set.of("urn:a", "urn:b"), PrivilegeList.at(attribute, "20921897"));
        assertEquals(Set.of(), PrivilegeList.at(attribute, "22222222"));
    }

    @Test
    void atWhenNotAPrivilegeListThenInvalidSecurityToken() {
        StsFault fault = assertThrows(StsFault.class, () -> PrivilegeList.at(privileges("<other/>"), "20921897"));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals(PrivilegeList.MALFORMED, fault.getMessage());
    }

    @Test
    void atWhenNotXmlOrNotBase64ThenInvalidSecurityToken() {
        assertThrows(StsFault.class, () -> PrivilegeList.at(privileges("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                "20921897"));
        assertThrows(StsFault.class, () -> PrivilegeList.at(SamlAttribute.basic("p", "not base64 !"), "20921897"));
    }
}

package dk.sosi.sts.exchange.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.idsas.IdsasService;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class BlurringTest {

    private final List<String> asked = new ArrayList<>();
    private List<String> organisations = List.of("SOR:2", "SOR:1");
    private final Blurring blurring = new Blurring((cpr, request) -> {
        asked.add(cpr);
        return organisations;
    });

    @Test
    void attributeForWhenAudienceWithoutBlurringThenNoAttributeAndIdsasNotAsked() {
        assertEquals(Optional.empty(), blurring.attributeFor(TestAudiences.minlog(null), "1503154321", TestRequests.ANY));
        assertTrue(asked.isEmpty());
    }

    @Test
    void attributeForWhenBlurringV11ThenIdsasAskedForTheViewedCprAndInstructionsListItsOrganisations() throws Exception {
        SamlAttribute attribute = blurring.attributeFor(TestAudiences.minlog("V11"), "1503154321", TestRequests.ANY).orElseThrow();

        assertEquals(List.of("1503154321"), asked);
        assertEquals("urn:dk:sosi:sts:attribute:BlurringInstructions", attribute.name());
        Element instructions = decoded(attribute);
        assertEquals("urn:dk:sosi:sts:blurring_instructions:1.0", instructions.getNamespaceURI());
        assertEquals("BlurringInstructions", instructions.getLocalName());
        assertEquals("V11", instructions.getAttribute("Version"));
        assertEquals(2, instructions.getChildNodes().getLength());
        assertEquals("BlurredOrganisation", instructions.getChildNodes().item(0).getLocalName());
        assertEquals("SOR:2", instructions.getChildNodes().item(0).getTextContent());
        assertEquals("SOR:1", instructions.getChildNodes().item(1).getTextContent());
    }

    @Test
    void attributeForWhenBlurringV10AndNothingBlurredThenEmptyInstructions() throws Exception {
        organisations = List.of();

        Element instructions = decoded(blurring.attributeFor(TestAudiences.minlog("V10"), "0505651234", TestRequests.ANY).orElseThrow());

        assertEquals("V10", instructions.getAttribute("Version"));
        assertEquals(0, instructions.getChildNodes().getLength());
    }

    @Test
    void attributeForWhenBlurringValueUnknownThenRequestFailedNamingAudienceAndValue() {
        StsFault fault = assertThrows(StsFault.class,
                () -> blurring.attributeFor(TestAudiences.minlog("V12"), "0505651234", TestRequests.ANY));

        assertEquals(FaultCode.REQUEST_FAILED, fault.code());
        assertEquals("The audienceConfiguration blurring of audience \"https://minlog\" must be V10 or V11, was \"V12\"",
                fault.getMessage());
        assertTrue(asked.isEmpty());
    }

    @Test
    void attributeForWhenIdsasDownThenBackendUnavailablePassesThrough() {
        Blurring down = new Blurring((cpr, request) -> {
            throw new BackendUnavailableException(IdsasService.SERVICE_NAME, "no answer", null);
        });

        assertThrows(BackendUnavailableException.class, () -> down.attributeFor(TestAudiences.minlog("V11"), "0505651234", TestRequests.ANY));
    }

    private static Element decoded(SamlAttribute attribute) throws Exception {
        byte[] xml = Base64.getDecoder().decode(attribute.firstText().orElseThrow());
        return SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }
}

package dk.sosi.sts.token.saml;

import static dk.sosi.sts.token.saml.TestSamlAssertions.ISSUED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamlAssertionTest {

    @Test
    void buildWhenOnlyIdInstantAndIssuerThenNoOtherParts() {
        SamlAssertion assertion = TestSamlAssertions.minimal().build();

        assertEquals("_minimal", assertion.id());
        assertEquals(ISSUED, assertion.issueInstant());
        assertEquals(Optional.empty(), assertion.issuerFormat());
        assertEquals(Subject.NONE, assertion.subject());
        assertEquals(Conditions.NONE, assertion.conditions());
        assertEquals(Optional.empty(), assertion.authnStatement());
        assertEquals(List.of(), assertion.attributes());
    }

    @Test
    void toBuilderWhenBuiltAgainThenEqual() {
        SamlAssertion assertion = TestSamlAssertions.oioSamlAssertion().build();

        assertEquals(assertion, assertion.toBuilder().build());
    }

    @Test
    void toBuilderWhenAttributeAddedThenOriginalUnchanged() {
        SamlAssertion assertion = TestSamlAssertions.oioSamlAssertion().build();

        SamlAssertion changed = assertion.toBuilder().addAttribute(SamlAttribute.basic("extra", "x")).build();

        assertEquals(assertion.attributes().size() + 1, changed.attributes().size());
        assertEquals(Optional.empty(), assertion.attribute("extra"));
    }

    @Test
    void attributeWhenNamePresentThenThatAttribute() {
        SamlAssertion assertion = TestSamlAssertions.oioSamlAssertion().build();

        assertEquals(Optional.of("DK-SAML-2.0"),
                assertion.attribute("dk:gov:saml:attribute:SpecVer").flatMap(SamlAttribute::firstText));
        assertEquals(Optional.empty(), assertion.attribute("dk:gov:saml:attribute:RidNumberIdentifier"));
    }

    @Test
    void attributesWhenSourceListChangedThenAssertionUnchanged() {
        List<SamlAttribute> attributes = new ArrayList<>(List.of(SamlAttribute.basic("a", "1")));
        SamlAssertion assertion = TestSamlAssertions.minimal().attributes(attributes).build();

        attributes.add(SamlAttribute.basic("b", "2"));

        assertEquals(List.of(SamlAttribute.basic("a", "1")), assertion.attributes());
        assertThrows(UnsupportedOperationException.class, () -> assertion.attributes().add(SamlAttribute.basic("c", "3")));
    }

    @Test
    void buildWhenIdEmptyThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestSamlAssertions.minimal().id("").build());
        assertEquals("an assertion needs an ID", refused.getMessage());
    }

    @Test
    void buildWhenIssuerEmptyThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestSamlAssertions.minimal().issuer("").build());
        assertEquals("an assertion needs an Issuer", refused.getMessage());
    }

    @Test
    void buildWhenAttributeNameTwiceThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestSamlAssertions.minimal().addAttribute(SamlAttribute.basic("a", "1"))
                        .addAttribute(SamlAttribute.basic("a", "2")).build());
        assertEquals("the attribute a appears more than once", refused.getMessage());
    }

    @Test
    void buildWhenRequiredPartMissingThenNullPointerNamingIt() {
        assertEquals("id", assertThrows(NullPointerException.class,
                () -> TestSamlAssertions.minimal().id(null).build()).getMessage());
        assertEquals("issueInstant", assertThrows(NullPointerException.class,
                () -> TestSamlAssertions.minimal().issueInstant(null).build()).getMessage());
        assertEquals("issuer", assertThrows(NullPointerException.class,
                () -> TestSamlAssertions.minimal().issuer(null).build()).getMessage());
        assertEquals("subject", assertThrows(NullPointerException.class,
                () -> TestSamlAssertions.minimal().subject(null).build()).getMessage());
    }
}

package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamlAttributeTest {

    @Test
    void basicWhenValuesThenBasicNameFormatAndTextValuesInOrder() {
        SamlAttribute attribute = SamlAttribute.basic("urn:oid:2.5.4.3", "Lars", "Larsen");

        assertEquals(new SamlAttribute("urn:oid:2.5.4.3", Optional.of(SamlAttribute.BASIC), Optional.empty(),
                List.of(new AttributeValue.Text("Lars"), new AttributeValue.Text("Larsen"))), attribute);
    }

    @Test
    void withFriendlyNameWhenGivenThenOnlyFriendlyNameChanges() {
        SamlAttribute attribute = SamlAttribute.basic("urn:oid:2.5.4.4", "Larsen");

        SamlAttribute named = attribute.withFriendlyName("surName");

        assertEquals(Optional.of("surName"), named.friendlyName());
        assertEquals(attribute, new SamlAttribute(named.name(), named.nameFormat(), Optional.empty(), named.values()));
    }

    @Test
    void firstTextWhenTextValuesThenTheFirst() {
        assertEquals(Optional.of("Lars"), SamlAttribute.basic("n", "Lars", "Larsen").firstText());
    }

    @Test
    void firstTextWhenNoValueThenEmpty() {
        assertEquals(Optional.empty(), SamlAttribute.basic("n").firstText());
    }

    @Test
    void firstTextWhenFirstValueIsXmlThenEmpty() {
        assertEquals(Optional.empty(), TestSamlAssertions.discoveryEpr().firstText());
    }

    @Test
    void constructWhenNameEmptyThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SamlAttribute.basic("", "x"));
        assertEquals("a saml:Attribute needs a Name", refused.getMessage());
    }

    @Test
    void valuesWhenChangedThenUnsupported() {
        SamlAttribute attribute = SamlAttribute.basic("n", "x");

        assertThrows(UnsupportedOperationException.class, () -> attribute.values().add(new AttributeValue.Text("y")));
    }
}

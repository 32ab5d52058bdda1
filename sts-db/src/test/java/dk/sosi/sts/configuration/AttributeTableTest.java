package dk.sosi.sts.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lives in sts-db because the table's behaviour matters where rows are loaded; the class itself is in sts-core. */
class AttributeTableTest {

    private static AttributeTable fmk() {
        AttributeTable.Builder builder = AttributeTable.builder();
        builder.addIfAbsent("https://fmk", "lifetime", "300");
        builder.addIfAbsent("https://fmk", "certificate.b", "UI:DK-B");
        builder.addIfAbsent("https://fmk", "certificate.a", "UI:DK-A");
        builder.addIfAbsent("https://fmk", "certificates", "not a certificate.xxx attribute");
        builder.addIfAbsent("https://minlog", "blurring", "V11");
        return builder.build();
    }

    @Test
    void valueWhenKeyAndAttributeConfiguredThenReturnsIt() {
        assertEquals(Optional.of("300"), fmk().value("https://fmk", "lifetime"));
        assertEquals(Optional.empty(), fmk().value("https://fmk", "blurring"));
        assertEquals(Optional.empty(), fmk().value("https://FMK", "lifetime"));
    }

    @Test
    void withPrefixWhenSeveralCertificatesThenReturnsExactlyThoseSorted() {
        Map<String, String> certificates = fmk().withPrefix("https://fmk", "certificate.");

        assertEquals(List.of("certificate.a", "certificate.b"), List.copyOf(certificates.keySet()));
        assertEquals(Map.of(), fmk().withPrefix("https://unknown", "certificate."));
    }

    @Test
    void addIfAbsentWhenAttributeRepeatedThenFirstValueWins() {
        AttributeTable.Builder builder = AttributeTable.builder();

        assertTrue(builder.addIfAbsent("https://fmk", "lifetime", "300"));
        assertFalse(builder.addIfAbsent("https://fmk", "lifetime", "3600"));
        assertEquals(Optional.of("300"), builder.build().value("https://fmk", "lifetime"));
    }

    @Test
    void keysWhenBuiltThenListsEveryKeyAndToStringHidesValues() {
        AttributeTable table = fmk();

        assertEquals(Set.of("https://fmk", "https://minlog"), table.keys());
        assertEquals(4, table.attributes("https://fmk").size());
        assertEquals("AttributeTable[https://fmk, https://minlog]", table.toString());
    }
}

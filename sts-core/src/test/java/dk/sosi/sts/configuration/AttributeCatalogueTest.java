package dk.sosi.sts.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guide's attribute names per map-format table, and the name a misspelt one was meant to be. */
class AttributeCatalogueTest {

    @Test
    void knowsWhenExactNameOrFamilyWithSuffixThenTrue() {
        assertTrue(AttributeCatalogue.AUDIENCE_CONFIGURATION.knows("lifetime"));
        assertTrue(AttributeCatalogue.AUDIENCE_CONFIGURATION.knows("certificate.fmk"));
        assertTrue(AttributeCatalogue.TRUSTED_IDP_CITIZEN_CONFIGURATION.knows("audience"));
        assertTrue(AttributeCatalogue.EHDSI_AUDIENCE_CONFIGURATION.knows("whitelistValidation"));
    }

    @Test
    void knowsWhenWrongCaseOrFamilyWithoutSuffixOrOtherTablesNameThenFalse() {
        assertFalse(AttributeCatalogue.AUDIENCE_CONFIGURATION.knows("Lifetime"));
        assertFalse(AttributeCatalogue.AUDIENCE_CONFIGURATION.knows("certificate."));
        assertFalse(AttributeCatalogue.AUDIENCE_CONFIGURATION.knows("signingKey.1"));
        assertFalse(AttributeCatalogue.TRUSTED_IDP_CITIZEN_CONFIGURATION.knows("certificate.a"));
    }

    @Test
    void suggestionWhenMisspeltThenTheKnownName() {
        assertEquals(Optional.of("lifetime"), AttributeCatalogue.AUDIENCE_CONFIGURATION.suggestion("Lifetime"));
        assertEquals(Optional.of("lifetime"), AttributeCatalogue.AUDIENCE_CONFIGURATION.suggestion("lifetim"));
        assertEquals(Optional.of("signingKey.valid"), AttributeCatalogue.TRUSTED_IDP_CONFIGURATION.suggestion("signingkey.valid"));
        assertEquals(Optional.of("certificate.xxx"), AttributeCatalogue.AUDIENCE_CONFIGURATION.suggestion("certificat"));
        assertEquals(Optional.of("recipientURL"), AttributeCatalogue.AUDIENCE_CONFIGURATION.suggestion("recipientUrl"));
    }

    @Test
    void suggestionWhenNothingCloseThenEmpty() {
        assertEquals(Optional.empty(), AttributeCatalogue.TRUSTED_IDP_CONFIGURATION.suggestion("colour"));
    }

    @Test
    void byTableWhenTheGuidesNameThenItsDatabaseAndKeyColumn() {
        AttributeCatalogue ehdsi = AttributeCatalogue.byTable("ehdsiAudienceConfiguration").orElseThrow();

        assertEquals("sts_ehdsiconf", ehdsi.database());
        assertEquals("audience", ehdsi.keyColumn());
        assertEquals(Optional.empty(), AttributeCatalogue.byTable("iboConfig"));
    }
}

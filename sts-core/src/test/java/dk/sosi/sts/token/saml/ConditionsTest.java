package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void isEmptyWhenNoneThenTrue() {
        assertTrue(Conditions.NONE.isEmpty());
    }

    @Test
    void isEmptyWhenOnlyNotOnOrAfterThenFalse() {
        assertFalse(new Conditions(Optional.empty(), Optional.of(Instant.EPOCH), List.of()).isEmpty());
    }

    @Test
    void ofWhenAudiencesThenInOrder() {
        Conditions conditions = Conditions.of(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "https://b", "https://a");

        assertEquals(List.of("https://b", "https://a"), conditions.audiences());
    }

    @Test
    void constructWhenAudienceEmptyThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Conditions.of(Instant.EPOCH, Instant.EPOCH, ""));
        assertEquals("an Audience must not be empty", refused.getMessage());
    }
}

package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectTest {

    private static final SubjectConfirmation BEARER =
            SubjectConfirmation.bearer("https://sosi", Instant.parse("2022-05-02T15:04:13Z"));

    @Test
    void isEmptyWhenNoneThenTrue() {
        assertTrue(Subject.NONE.isEmpty());
    }

    @Test
    void isEmptyWhenOnlyConfirmationOrOnlyNameIdThenFalse() {
        assertFalse(new Subject(Optional.empty(), List.of(BEARER)).isEmpty());
        assertFalse(Subject.of(new NameId("x", Optional.empty())).isEmpty());
    }

    @Test
    void confirmationsWhenSourceListChangedThenSubjectUnchanged() {
        List<SubjectConfirmation> confirmations = new ArrayList<>(List.of(BEARER));
        Subject subject = new Subject(Optional.empty(), confirmations);

        confirmations.clear();

        assertEquals(List.of(BEARER), subject.confirmations());
    }

    @Test
    void nameIdWhenEmptyValueThenIllegalArgument() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> NameId.of("", NameId.PERSISTENT));
        assertEquals("a NameID must not be empty", refused.getMessage());
    }
}

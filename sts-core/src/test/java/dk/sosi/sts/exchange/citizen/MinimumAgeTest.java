package dk.sosi.sts.exchange.citizen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MinimumAgeTest {

    /** 15 March 2030, 00:30 in Denmark (23:30 UTC the day before). */
    private static final Clock MARCH_15_2030 = Clock.fixed(Instant.parse("2030-03-14T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void birthDateWhenSeventhDigitSaysTheCenturyThenTheCprOfficesRule() {
        assertEquals(LocalDate.of(1965, 5, 5), MinimumAge.birthDate("0505651234"));
        assertEquals(LocalDate.of(1999, 12, 31), MinimumAge.birthDate("3112993999"));
        assertEquals(LocalDate.of(2015, 3, 15), MinimumAge.birthDate("1503154321"));
        assertEquals(LocalDate.of(1937, 1, 1), MinimumAge.birthDate("0101374321"));
        assertEquals(LocalDate.of(2036, 1, 1), MinimumAge.birthDate("0101369321"));
        assertEquals(LocalDate.of(2057, 2, 1), MinimumAge.birthDate("0102575321"));
        assertEquals(LocalDate.of(1858, 2, 1), MinimumAge.birthDate("0102588321"));
    }

    @Test
    void checkWhenFifteenthBirthdayTodayInDenmarkThenAllowed() {
        assertDoesNotThrow(() -> new MinimumAge(15, MARCH_15_2030).check("1503154321"));
    }

    @Test
    void checkWhenOneDayShortOfFifteenThenFailedAuthentication() {
        StsFault fault = assertThrows(StsFault.class, () -> new MinimumAge(15, MARCH_15_2030).check("1603154321"));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the citizen is younger than the minimum allowed age of 15 years", fault.getMessage());
    }

    @Test
    void checkWhenMinimumZeroThenEveryValidCprAllowed() {
        assertDoesNotThrow(() -> new MinimumAge(0, MARCH_15_2030).check("1403304321"));
    }

    @Test
    void checkWhenCprHoldsNoDateThenInvalidRequest() {
        MinimumAge age = new MinimumAge(15, MARCH_15_2030);

        for (String cpr : new String[] {"3102651234", "0013651234", "050565123", "05056512345", "05O5651234"}) {
            StsFault fault = assertThrows(StsFault.class, () -> age.check(cpr), cpr);
            assertEquals(FaultCode.INVALID_REQUEST, fault.code());
            assertEquals("The citizen's CPR number has no valid date of birth", fault.getMessage());
        }
    }

    @Test
    void constructWhenNegativeMinimumThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MinimumAge(-1, MARCH_15_2030));
    }
}

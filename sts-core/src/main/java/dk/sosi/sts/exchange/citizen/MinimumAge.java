package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Thread-safe. The guide's {@code minimumAllowedAge} (services.xml, shared by Bst2Idws, JWT2Idws and JWT2OIOSaml): a
 * citizen younger than it gets no token. The age comes from the CPR number (OQ-15): DDMMYY is the date of birth, and
 * the 7th digit says the century (CPR-kontoret's rule): 0–3 → 19YY; 4 and 9 → 20YY for YY ≤ 36, else 19YY; 5–8 → 20YY
 * for YY ≤ 57, else 18YY. A birthday counts from its first day, in Danish time.
 */
public final class MinimumAge {

    static final String TOO_YOUNG = "Authentication failed: the citizen is younger than the minimum allowed age of %d years";
    static final String NO_BIRTH_DATE = "The citizen's CPR number has no valid date of birth";

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final Pattern CPR = Pattern.compile("\\d{10}");

    private final int minimumAllowedAge;
    private final Clock clock;

    /** @param minimumAllowedAge in whole years, not negative (bean {@code minimumAllowedAge}) */
    public MinimumAge(int minimumAllowedAge, Clock clock) {
        if (minimumAllowedAge < 0) {
            throw new IllegalArgumentException("minimumAllowedAge must not be negative, was " + minimumAllowedAge);
        }
        this.minimumAllowedAge = minimumAllowedAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns normally when the citizen with {@code cpr} is at least {@code minimumAllowedAge} years old today.
     *
     * @throws StsFault {@code wst:FailedAuthentication} when younger, {@code wst:InvalidRequest} when the CPR number holds
     *                  no date of birth
     */
    public void check(String cpr) {
        LocalDate born = birthDate(cpr);
        if (Period.between(born, LocalDate.now(clock.withZone(DENMARK))).getYears() < minimumAllowedAge) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(TOO_YOUNG, minimumAllowedAge));
        }
    }

    /** The date of birth {@code cpr} holds; {@code wst:InvalidRequest} when it is no CPR number or no date. */
    public static LocalDate birthDate(String cpr) {
        if (cpr == null || !CPR.matcher(cpr).matches()) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_BIRTH_DATE);
        }
        int day = Integer.parseInt(cpr.substring(0, 2));
        int month = Integer.parseInt(cpr.substring(2, 4));
        int yy = Integer.parseInt(cpr.substring(4, 6));
        int century = switch (cpr.charAt(6)) {
            case '0', '1', '2', '3' -> 1900;
            case '4', '9' -> yy <= 36 ? 2000 : 1900;
            default -> yy <= 57 ? 2000 : 1800;
        };
        try {
            return LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_BIRTH_DATE);
        }
    }
}

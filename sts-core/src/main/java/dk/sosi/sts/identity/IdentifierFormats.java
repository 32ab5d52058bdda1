package dk.sosi.sts.identity;

import java.util.regex.Pattern;

/**
 * Stateless, thread-safe. The forms of the identifiers the STS passes to its backends or repeats in
 * the tokens it signs. A value outside its form is the caller's error, refused before any backend is
 * asked (a malformed CPR must never count as a failure of the register that could not answer it).
 */
public final class IdentifierFormats {

    /** A CPR number: ten digits, no dash. */
    public static final Pattern CPR = Pattern.compile("\\d{10}");
    /** A CVR number: eight digits. */
    public static final Pattern CVR = Pattern.compile("\\d{8}");
    /**
     * An authorisation code of the Autorisationsregister: letters and digits, five in the register (e.g.
     * {@code J0184}, protocol.md 3.8), shorter in Seal's own examples ({@code 2101}).
     */
    public static final Pattern AUTHORIZATION_CODE = Pattern.compile("[A-Za-z0-9]{1,10}");
    /** The prefix of a national role; a role that starts with it must be a whole national role. */
    public static final String NATIONAL_ROLE_PREFIX = "urn:dk:healthcare:national-federation-role:";
    /** {@code urn:dk:healthcare:national-federation-role:code:<digits>:value:<name>}. */
    public static final Pattern NATIONAL_ROLE = Pattern.compile(
            Pattern.quote(NATIONAL_ROLE_PREFIX) + "code:(\\d{1,10}):value:([\\p{L}\\p{N}_.\\-]{1,100})");
    /** A role text (national role, education code or free text) is at most this long. */
    public static final int MAX_ROLE_LENGTH = 256;

    private IdentifierFormats() {
    }

    /** True when {@code role} is printable, not longer than {@link #MAX_ROLE_LENGTH} and, if national, a whole national role. */
    public static boolean isRole(String role) {
        if (role.length() > MAX_ROLE_LENGTH || role.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        return !role.startsWith(NATIONAL_ROLE_PREFIX) || NATIONAL_ROLE.matcher(role).matches();
    }
}

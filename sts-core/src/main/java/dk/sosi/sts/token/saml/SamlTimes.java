package dk.sosi.sts.token.saml;

import dk.sosi.sts.xml.XmlTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Thread-safe. SAML times: written in UTC with {@code Z} and without fraction; read leniently, with
 * fractions, any offset, or none (taken as UTC, the only zone SAML allows).
 */
final class SamlTimes {

    private SamlTimes() {
    }

    /** {@code instant} as written, truncated to the second. */
    static String format(Instant instant) {
        return XmlTimes.zulu(instant);
    }

    /**
     * The instant {@code text} names.
     *
     * @throws DateTimeException if {@code text} is not an xs:dateTime
     */
    static Instant parse(String text) {
        return XmlTimes.parse(text, ZoneOffset.UTC);
    }
}

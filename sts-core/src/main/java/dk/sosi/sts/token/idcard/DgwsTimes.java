package dk.sosi.sts.token.idcard;

import dk.sosi.sts.xml.XmlTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Immutable and thread-safe. Reads and writes the times of a card (protocol.md 3.5): DGWS 1.0 writes
 * local time without a zone, 1.0.1 UTC with {@code Z}, both to the second. Reading is lenient: either
 * form, fractional seconds, any offset, surrounding whitespace.
 */
final class DgwsTimes {

    private final ZoneId dgws10Zone;

    DgwsTimes(ZoneId dgws10Zone) {
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
    }

    /** {@code instant} as {@code version} writes it, truncated to the second. */
    String format(Instant instant, DgwsVersion version) {
        return switch (version) {
            case V1_0 -> XmlTimes.local(instant, dgws10Zone);
            case V1_0_1 -> XmlTimes.zulu(instant);
        };
    }

    /**
     * The instant {@code text} names; a time without zone or offset is local time in the DGWS 1.0 zone.
     *
     * @throws DateTimeException if {@code text} is not an xs:dateTime
     */
    Instant parse(String text) {
        return XmlTimes.parse(text, dgws10Zone);
    }
}

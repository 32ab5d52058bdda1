package dk.sosi.sts.xml;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Thread-safe. The {@code xs:dateTime} forms the STS writes and reads. Written: UTC with {@code Z} to the
 * second (what every client parses: Seal accepts no fraction or exactly three digits, unsealed none), or
 * local time without a zone (DGWS 1.0). Read leniently: fractions, any offset, surrounding whitespace, and
 * no zone at all (then in the zone the caller names).
 */
public final class XmlTimes {

    private static final DateTimeFormatter ZULU =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private XmlTimes() {
    }

    /** {@code instant} in UTC with {@code Z}, truncated to the second, e.g. {@code 2026-11-29T17:05:09Z}. */
    public static String zulu(Instant instant) {
        return ZULU.format(instant);
    }

    /** {@code instant} as local time in {@code zone} without a zone, truncated to the second. */
    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /**
     * The instant {@code text} names; a time without zone or offset is read in {@code unzoned}.
     *
     * @throws DateTimeException if {@code text} is not an xs:dateTime
     */
    public static Instant parse(String text, ZoneId unzoned) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(unzoned).toInstant();
    }
}

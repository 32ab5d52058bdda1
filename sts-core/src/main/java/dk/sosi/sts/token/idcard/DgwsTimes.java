package dk.sosi.sts.token.idcard;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * Immutable and thread-safe. Reads and writes the times of a card (protocol.md 3.5): DGWS 1.0 writes
 * local time without a zone, 1.0.1 UTC with {@code Z}, both to the second. Reading is lenient: either
 * form, fractional seconds, any offset, surrounding whitespace.
 */
final class DgwsTimes {

    private static final DateTimeFormatter ZULU =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ZoneId dgws10Zone;

    DgwsTimes(ZoneId dgws10Zone) {
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
    }

    /** {@code instant} as {@code version} writes it, truncated to the second. */
    String format(Instant instant, DgwsVersion version) {
        return switch (version) {
            case V1_0 -> LOCAL.format(instant.atZone(dgws10Zone));
            case V1_0_1 -> ZULU.format(instant);
        };
    }

    /**
     * The instant {@code text} names; a time without zone or offset is local time in the DGWS 1.0 zone.
     *
     * @throws DateTimeException if {@code text} is not an xs:dateTime
     */
    Instant parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return Instant.from(parsed);
        }
        return LocalDateTime.from(parsed).atZone(dgws10Zone).toInstant();
    }
}

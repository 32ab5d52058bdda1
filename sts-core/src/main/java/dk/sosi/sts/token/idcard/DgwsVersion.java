package dk.sosi.sts.token.idcard;

import java.util.Objects;

/**
 * Immutable. The value of {@code sosi:IDCardVersion} (protocol.md 3.3). It also decides how the card's
 * times are written (protocol.md 3.5): 1.0 in local time without a zone, 1.0.1 in UTC with {@code Z}.
 */
public enum DgwsVersion {
    /** DGWS 1.0: local times without a zone. */
    V1_0("1.0"),
    /** DGWS 1.0.1: UTC times ending in {@code Z}; Seal's default. */
    V1_0_1("1.0.1");

    private final String value;

    DgwsVersion(String value) {
        this.value = value;
    }

    /** The attribute value as written on the card: {@code 1.0} or {@code 1.0.1}. */
    public String value() {
        return value;
    }

    /**
     * The version whose {@link #value()} is exactly {@code value}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static DgwsVersion of(String value) {
        Objects.requireNonNull(value, "value");
        for (DgwsVersion version : values()) {
            if (version.value.equals(value)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Not a DGWS id-card version: " + value);
    }

    /**
     * The version a message's {@code wsu:Timestamp/wsu:Created} shows, read as Seal reads it (protocol.md 2):
     * a time with a zone ({@code Z} or an offset) is DGWS 1.0.1, a local time without one DGWS 1.0.
     */
    public static DgwsVersion ofCreated(String created) {
        String text = created.strip();
        int time = text.indexOf('T');
        boolean zoned = text.endsWith("Z") || (time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0));
        return zoned ? V1_0_1 : V1_0;
    }
}

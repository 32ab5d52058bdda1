package dk.sosi.sts.token.idcard;

import java.util.Objects;

/** Immutable. The value of {@code sosi:IDCardType} (protocol.md 3.3). */
public enum IdCardType {
    /** A card for a person: carries a UserLog. */
    USER("user"),
    /** A card for an IT system acting on its own behalf. */
    SYSTEM("system");

    private final String value;

    IdCardType(String value) {
        this.value = value;
    }

    /** The attribute value as written on the card: {@code user} or {@code system}. */
    public String value() {
        return value;
    }

    /**
     * The type whose {@link #value()} is exactly {@code value}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static IdCardType of(String value) {
        Objects.requireNonNull(value, "value");
        for (IdCardType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not an id-card type: " + value);
    }
}

package dk.sosi.sts.token.saml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Immutable. A {@code saml:Attribute} and its values, in document order.
 *
 * @param name         {@code @Name}; never empty
 * @param nameFormat   {@code @NameFormat}, e.g. {@link #BASIC}
 * @param friendlyName {@code @FriendlyName}
 * @param values       the {@code saml:AttributeValue}s; may be none
 */
public record SamlAttribute(String name, Optional<String> nameFormat, Optional<String> friendlyName,
                            List<AttributeValue> values) {

    public static final String BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    public static final String URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";

    /** @throws IllegalArgumentException if {@code name} is empty */
    public SamlAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameFormat, "nameFormat");
        Objects.requireNonNull(friendlyName, "friendlyName");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a saml:Attribute needs a Name");
        }
    }

    /** An attribute of NameFormat {@link #BASIC} with text {@code values} (exchanges.md 2.8 S4). */
    public static SamlAttribute basic(String name, String... values) {
        return new SamlAttribute(name, Optional.of(BASIC), Optional.empty(),
                Stream.of(values).<AttributeValue>map(AttributeValue.Text::new).toList());
    }

    /** This attribute with {@code friendlyName}. */
    public SamlAttribute withFriendlyName(String friendlyName) {
        return new SamlAttribute(name, nameFormat, Optional.of(friendlyName), values);
    }

    /** The text of the first value; empty if there is no value or the first one is XML. */
    public Optional<String> firstText() {
        return values.isEmpty() || !(values.get(0) instanceof AttributeValue.Text text)
                ? Optional.empty()
                : Optional.of(text.value());
    }
}

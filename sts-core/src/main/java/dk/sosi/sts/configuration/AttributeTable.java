package dk.sosi.sts.configuration;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable. A table on the guide's "map-format" ({@code audienceConfiguration},
 * {@code trustedIdpConfiguration}, {@code trustedIdpCitizenConfiguration},
 * {@code ehdsiAudienceConfiguration}): key (audience or issuer) → attribute → attribute_value.
 *
 * <p>Keys and attributes are sorted, so that lookups by prefix ({@code certificate.},
 * {@code signingKey.}) are cheap and every listing comes out in the same order. The comparison is
 * exact (case and white space count), matching the binary collation of the table's key columns.
 */
public final class AttributeTable {

    private static final AttributeTable EMPTY = new AttributeTable(new TreeMap<>());

    private final NavigableMap<String, NavigableMap<String, String>> rows;

    private AttributeTable(NavigableMap<String, NavigableMap<String, String>> rows) {
        this.rows = rows;
    }

    /** A table without rows. */
    public static AttributeTable empty() {
        return EMPTY;
    }

    /** A builder that keeps the first value of a repeated (key, attribute). */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of {@code attribute} for {@code key} (an audience or issuer), if configured. */
    public Optional<String> value(String key, String attribute) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attribute, "attribute");
        NavigableMap<String, String> attributes = rows.get(key);
        return attributes == null ? Optional.empty() : Optional.ofNullable(attributes.get(attribute));
    }

    /** All attributes of {@code key}, sorted by attribute name; empty when the key is not configured. */
    public Map<String, String> attributes(String key) {
        Objects.requireNonNull(key, "key");
        NavigableMap<String, String> attributes = rows.get(key);
        return attributes == null ? Map.of() : Collections.unmodifiableNavigableMap(attributes);
    }

    /**
     * The attributes of {@code key} whose name starts with {@code prefix}, e.g. every
     * {@code certificate.xxx} whitelisting; the suffix carries no meaning (the guide says so).
     */
    public Map<String, String> withPrefix(String key, String prefix) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(prefix, "prefix");
        NavigableMap<String, String> attributes = rows.get(key);
        if (attributes == null) {
            return Map.of();
        }
        NavigableMap<String, String> tail = attributes.tailMap(prefix, true);
        NavigableMap<String, String> matching = new TreeMap<>();
        for (Map.Entry<String, String> entry : tail.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            matching.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableNavigableMap(matching);
    }

    /** The configured keys (audiences or issuers), sorted. */
    public Set<String> keys() {
        return Collections.unmodifiableNavigableSet(rows.navigableKeySet());
    }

    /** Whether {@code key} has at least one attribute. */
    public boolean contains(String key) {
        Objects.requireNonNull(key, "key");
        return rows.containsKey(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeTable table && rows.equals(table.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    /** Names the keys only: values include private keys ({@code encryptionKey.xxx}) that must stay out of logs. */
    @Override
    public String toString() {
        return "AttributeTable" + rows.keySet();
    }

    /** Not thread-safe. Collects rows for one {@link AttributeTable}. */
    public static final class Builder {

        private final NavigableMap<String, NavigableMap<String, String>> rows = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds a row unless (key, attribute) is already present. Returns {@code false} and keeps the
         * first value when it is, which is how the guide says duplicates are treated ("duplikater
         * vil blive ignoreret").
         */
        public boolean addIfAbsent(String key, String attribute, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
            return rows.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(attribute, value) == null;
        }

        /** The table of the rows added so far. */
        public AttributeTable build() {
            NavigableMap<String, NavigableMap<String, String>> copy = new TreeMap<>();
            rows.forEach((key, attributes) -> copy.put(key, new TreeMap<>(attributes)));
            return new AttributeTable(copy);
        }
    }
}

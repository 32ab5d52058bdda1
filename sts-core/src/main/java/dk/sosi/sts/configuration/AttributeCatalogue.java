package dk.sosi.sts.configuration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The attributes the operations guide defines for each table on "map-format", by table: the one
 * list of valid names, for whoever lints an admin's rows. A name ending in {@code .} is a family whose
 * {@code .xxx} suffix is free text ({@code certificate.xxx}, {@code signingKey.xxx}); the others are exact.
 */
public enum AttributeCatalogue {

    AUDIENCE_CONFIGURATION("sts_audconf", "audienceConfiguration", "audience",
            "lifetime", "certificate.", "blurring", "srp.ward.certificate", "jwtScope", "publicKey", "recipientURL",
            "includeBST"),
    TRUSTED_IDP_CONFIGURATION("sts_audconf", "trustedIdpConfiguration", "issuer",
            "encryptionKey.", "encryptionPublicKey.", "tokenProfile.", "validateHOK", "signingKey.", "certificate."),
    TRUSTED_IDP_CITIZEN_CONFIGURATION("sts_audconf", "trustedIdpCitizenConfiguration", "issuer",
            "encryptionKey.", "encryptionPublicKey.", "tokenProfile.", "signingKey.", "audience"),
    EHDSI_AUDIENCE_CONFIGURATION("sts_ehdsiconf", "ehdsiAudienceConfiguration", "audience",
            "lifetime", "fuzzyTime", "certificate.", "signingKey.", "validateHOK", "allowedDriftInSeconds",
            "whitelistValidation");

    /** The attribute whose presence activates an audience (audienceConfiguration, ehdsiAudienceConfiguration). */
    public static final String LIFETIME = "lifetime";
    /** The family of whitelisted callers' subject serial numbers. */
    public static final String CERTIFICATE = "certificate.";
    /** The family of trusted signing certificates, base64 DER. */
    public static final String SIGNING_KEY = "signingKey.";
    /** The family of private keys, base64 PKCS#8. */
    public static final String ENCRYPTION_KEY = "encryptionKey.";

    /** Edits that turn a misspelt name into a known one at most, for a suggestion. */
    private static final int MAX_TYPO = 2;

    private final String database;
    private final String table;
    private final String keyColumn;
    private final List<String> attributes;

    AttributeCatalogue(String database, String table, String keyColumn, String... attributes) {
        this.database = database;
        this.table = table;
        this.keyColumn = keyColumn;
        this.attributes = List.of(attributes);
    }

    /** The table by its name as the guide writes it, e.g. {@code audienceConfiguration}. */
    public static Optional<AttributeCatalogue> byTable(String table) {
        return Arrays.stream(values()).filter(c -> c.table.equals(table)).findFirst();
    }

    /** {@code sts_audconf} or {@code sts_ehdsiconf}. */
    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    /** {@code audience} or {@code issuer}. */
    public String keyColumn() {
        return keyColumn;
    }

    /** The guide's names; a family ends in {@code .}. */
    public List<String> attributes() {
        return attributes;
    }

    /** Whether the table has a family {@code prefix} such as {@code signingKey.}. */
    public boolean hasFamily(String prefix) {
        return attributes.contains(prefix);
    }

    /** Whether {@code attribute} is one of the guide's names, or a family's with a non-empty suffix. */
    public boolean knows(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        return attributes.stream().anyMatch(known -> known.endsWith(".")
                ? attribute.startsWith(known) && attribute.length() > known.length()
                : attribute.equals(known));
    }

    /**
     * The known name {@code attribute} was probably meant to be, e.g. {@code lifetime} for {@code Lifetime} or
     * {@code lifetim}, {@code signingKey.1} for {@code signingkey.1}; empty when nothing is close.
     */
    public Optional<String> suggestion(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        return attributes.stream()
                .map(known -> known.endsWith(".") ? inFamily(known, attribute)
                        : new Scored(known, distance(normal(attribute), normal(known))))
                .filter(scored -> scored.distance() <= MAX_TYPO)
                .min(Comparator.comparingInt(Scored::distance))
                .map(Scored::name);
    }

    /** The family's name with {@code attribute}'s suffix, scored by how far its part before the first dot is from the family's. */
    private static Scored inFamily(String family, String attribute) {
        int dot = attribute.indexOf('.');
        String stem = dot < 0 ? attribute : attribute.substring(0, dot);
        String suffix = dot < 0 || dot == attribute.length() - 1 ? "xxx" : attribute.substring(dot + 1);
        return new Scored(family + suffix, distance(normal(stem), normal(family.substring(0, family.length() - 1))));
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int distance) {
    }
}

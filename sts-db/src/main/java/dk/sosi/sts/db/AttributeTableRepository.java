package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.AUDIENCE_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.EHDSI_AUDIENCE_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.STS_EHDSICONF;
import static dk.sosi.sts.db.StsDatabaseNames.TRUSTED_IDP_CITIZEN_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.TRUSTED_IDP_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.AttributeCatalogue;
import dk.sosi.sts.configuration.AttributeTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable. Reads one table on the guide's "map-format" ({@code <key>, attribute, attribute_value,
 * comment}) into an {@link AttributeTable}. The four tables are the factory methods; the names are
 * fixed so that no caller can put text of its own into the query.
 */
public final class AttributeTableRepository {

    private static final Logger LOG = LoggerFactory.getLogger(AttributeTableRepository.class);

    private final String table;
    private final String keyColumn;
    private final String selectAll;
    private final String selectDuplicates;
    private final String insert;

    private AttributeTableRepository(String database, String table, String keyColumn) {
        this.table = qualified(database, table);
        this.keyColumn = keyColumn;
        this.selectAll = "SELECT id, " + keyColumn + ", attribute, attribute_value FROM " + this.table
                + " ORDER BY id";
        this.selectDuplicates = "SELECT " + keyColumn + ", attribute, COUNT(*) AS copies FROM " + this.table
                + " GROUP BY " + keyColumn + ", attribute HAVING COUNT(*) > 1 ORDER BY " + keyColumn + ", attribute";
        this.insert = "INSERT INTO " + this.table + " (" + keyColumn + ", attribute, attribute_value, comment) VALUES (?, ?, ?, ?)";
    }

    /** The repository of the table {@code catalogue} describes. */
    public static AttributeTableRepository of(AttributeCatalogue catalogue) {
        return new AttributeTableRepository(catalogue.database(), catalogue.table(), catalogue.keyColumn());
    }

    /** {@code sts_audconf.audienceConfiguration}, keyed by audience. */
    public static AttributeTableRepository audienceConfiguration() {
        return new AttributeTableRepository(STS_AUDCONF, AUDIENCE_CONFIGURATION, "audience");
    }

    /** {@code sts_audconf.trustedIdpConfiguration}, keyed by issuer. */
    public static AttributeTableRepository trustedIdpConfiguration() {
        return new AttributeTableRepository(STS_AUDCONF, TRUSTED_IDP_CONFIGURATION, "issuer");
    }

    /** {@code sts_audconf.trustedIdpCitizenConfiguration}, keyed by issuer. */
    public static AttributeTableRepository trustedIdpCitizenConfiguration() {
        return new AttributeTableRepository(STS_AUDCONF, TRUSTED_IDP_CITIZEN_CONFIGURATION, "issuer");
    }

    /** {@code sts_ehdsiconf.ehdsiAudienceConfiguration}, keyed by audience. */
    public static AttributeTableRepository ehdsiAudienceConfiguration() {
        return new AttributeTableRepository(STS_EHDSICONF, EHDSI_AUDIENCE_CONFIGURATION, "audience");
    }

    /** {@code database.table} as the guide writes it. */
    public String table() {
        return table;
    }

    /**
     * Every row, read on {@code connection}. The table's unique key keeps (key, attribute) unique;
     * should a copy of the table lack that key, the oldest row (lowest id) wins, as the guide's
     * "duplicates are ignored" says, and each ignored row is logged.
     */
    public AttributeTable findAll(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        AttributeTable.Builder builder = AttributeTable.builder();
        try (PreparedStatement statement = connection.prepareStatement(selectAll);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String key = result.getString(keyColumn);
                String attribute = result.getString("attribute");
                if (!builder.addIfAbsent(key, attribute, result.getString("attribute_value"))) {
                    LOG.warn("{} has more than one row for ({} '{}', attribute '{}'); row id {} is ignored, the first one is used",
                            table, keyColumn, key, attribute, result.getLong("id"));
                }
            }
        }
        return builder.build();
    }

    /**
     * The (key, attribute) pairs that have more than one row: none while the table has its unique key, but a
     * table taken over from another installation may lack it, and then all but the first row are ignored.
     */
    public List<Duplicate> findDuplicates(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<Duplicate> duplicates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(selectDuplicates);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                duplicates.add(new Duplicate(result.getString(keyColumn), result.getString("attribute"), result.getInt("copies")));
            }
        }
        return duplicates;
    }

    /** Adds one row; {@code comment} may be null. Fails on a (key, attribute) the table already has. */
    public void insert(Connection connection, String key, String attribute, String value, String comment) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, Objects.requireNonNull(key, "key"));
            statement.setString(2, Objects.requireNonNull(attribute, "attribute"));
            statement.setString(3, Objects.requireNonNull(value, "value"));
            statement.setString(4, comment);
            statement.executeUpdate();
        }
    }

    /** Immutable. A (key, attribute) pair that has {@code copies} rows. */
    public record Duplicate(String key, String attribute, int copies) {
    }
}

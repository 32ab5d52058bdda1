package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.AUDIENCE_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.EHDSI_AUDIENCE_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.STS_EHDSICONF;
import static dk.sosi.sts.db.StsDatabaseNames.TRUSTED_IDP_CITIZEN_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.TRUSTED_IDP_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.AttributeTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private AttributeTableRepository(String database, String table, String keyColumn) {
        this.table = qualified(database, table);
        this.keyColumn = keyColumn;
        this.selectAll = "SELECT id, " + keyColumn + ", attribute, attribute_value FROM " + this.table
                + " ORDER BY id";
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
}

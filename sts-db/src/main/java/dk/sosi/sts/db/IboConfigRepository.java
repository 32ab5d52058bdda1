package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.IBO_CONFIG;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.IboConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Immutable. Reads {@code sts_audconf.iboConfig}. */
public final class IboConfigRepository {

    private static final String SELECT_ALL = "SELECT audience, publicKey, recipientURL, includeBST,"
            + " deliveryNotOnOrAfterOffset, notBeforeOffset, notOnOrAfterOffset, idCardMaxAgeMins, encryption"
            + " FROM " + qualified(STS_AUDCONF, IBO_CONFIG) + " ORDER BY audience";

    /** Every row, ordered by audience, read on {@code connection} (so that a caller can read several tables in one transaction). */
    public List<IboConfig> findAll(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<IboConfig> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new IboConfig(
                        result.getString("audience"),
                        result.getString("publicKey"),
                        result.getString("recipientURL"),
                        result.getBoolean("includeBST"),
                        result.getLong("deliveryNotOnOrAfterOffset"),
                        result.getLong("notBeforeOffset"),
                        result.getLong("notOnOrAfterOffset"),
                        result.getObject("idCardMaxAgeMins", Integer.class),
                        Optional.ofNullable(result.getString("encryption"))));
            }
        }
        return rows;
    }
}

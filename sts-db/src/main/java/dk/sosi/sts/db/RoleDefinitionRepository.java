package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.ROLE_DEFINITIONS;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.RoleDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Immutable. Reads {@code sts_audconf.roleDefinitions}. */
public final class RoleDefinitionRepository {

    private static final String SELECT_ALL = "SELECT source, externalName, code, `value` FROM "
            + qualified(STS_AUDCONF, ROLE_DEFINITIONS) + " ORDER BY id";

    /** Every row, in the order they were added, read on {@code connection}. */
    public List<RoleDefinition> findAll(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<RoleDefinition> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new RoleDefinition(result.getString("source"), result.getString("externalName"),
                        result.getString("code"), result.getString("value")));
            }
        }
        return rows;
    }
}

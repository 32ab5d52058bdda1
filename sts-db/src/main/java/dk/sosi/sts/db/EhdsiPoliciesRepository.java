package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.EHDSI_POLICIES_CONFIGURATION;
import static dk.sosi.sts.db.StsDatabaseNames.STS_EHDSICONF;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.EhdsiPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Immutable. Reads {@code sts_ehdsiconf.ehdsiPoliciesConfiguration}. */
public final class EhdsiPoliciesRepository {

    private static final String SELECT_ALL = "SELECT audience, bst_policy, sts_policy FROM "
            + qualified(STS_EHDSICONF, EHDSI_POLICIES_CONFIGURATION) + " ORDER BY id";

    /** Every row, in the order they were added, read on {@code connection}. */
    public List<EhdsiPolicy> findAll(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<EhdsiPolicy> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new EhdsiPolicy(result.getString("audience"), result.getString("bst_policy"),
                        result.getString("sts_policy")));
            }
        }
        return rows;
    }
}

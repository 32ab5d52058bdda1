package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.TRUSTED_CVR;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.configuration.TrustedCvr;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Immutable. Reads {@code sts_audconf.trustedCvr}. */
public final class TrustedCvrRepository {

    private static final String SELECT_ALL = "SELECT cvr, endpoint, roleValue FROM "
            + qualified(STS_AUDCONF, TRUSTED_CVR) + " ORDER BY id";

    /** Every row, in the order they were added, read on {@code connection}; SQL NULL roleValue stays {@code null}. */
    public List<TrustedCvr> findAll(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<TrustedCvr> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new TrustedCvr(result.getString("cvr"), result.getString("endpoint"),
                        result.getString("roleValue")));
            }
        }
        return rows;
    }
}

package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.CRL_SOURCE;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Thread-safe. Reads {@code sts_cra.crl_source}, the list of URLs the CRL fetcher downloads from. */
public final class CrlSourceRepository {

    private static final String SELECT_ALL = "SELECT url, comment FROM " + qualified(STS_CRA, CRL_SOURCE)
            + " ORDER BY url";

    private final DataSource dataSource;

    public CrlSourceRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Every source, ordered by URL. */
    public List<CrlSource> findAll() throws SQLException {
        List<CrlSource> sources = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT_ALL);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                sources.add(new CrlSource(result.getString("url"), result.getString("comment")));
            }
        }
        return sources;
    }
}

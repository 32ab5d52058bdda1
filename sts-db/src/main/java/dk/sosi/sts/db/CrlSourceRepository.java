package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.CRL_SOURCE;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.db.internal.Causes;
import dk.sosi.sts.trust.CrlSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Thread-safe. Reads {@code sts_cra.crl_source}, the list of URLs the CRL fetcher downloads from. */
public final class CrlSourceRepository implements CrlSources {

    private static final String TABLE = qualified(STS_CRA, CRL_SOURCE);
    private static final String SELECT_ALL = "SELECT url, comment FROM " + TABLE + " ORDER BY url";
    // Not INSERT IGNORE: that would also turn a too long URL into a silently truncated one.
    private static final String INSERT_IF_ABSENT = "INSERT INTO " + TABLE + " (url, comment) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE url = url";

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

    /**
     * @throws IllegalStateException when the CRA database cannot be read; the fetcher tries again later
     */
    @Override
    public List<String> urls() {
        try {
            return findAll().stream().map(CrlSource::url).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + TABLE + ": " + Causes.describe(e), e);
        }
    }

    /** Adds {@code source} unless its URL is listed already, whatever that row's comment. */
    public void addIfAbsent(CrlSource source) throws SQLException {
        Objects.requireNonNull(source, "source");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT_IF_ABSENT)) {
            statement.setString(1, source.url());
            statement.setString(2, source.comment());
            statement.executeUpdate();
        }
    }
}

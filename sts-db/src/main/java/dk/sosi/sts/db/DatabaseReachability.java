package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.CRL;
import static dk.sosi.sts.db.StsDatabaseNames.SCHEMA_HISTORY;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.monitor.Reachability;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Thread-safe. Asks the STS or CRA database whether it answers, for the status page's
 * {@code monitorStsDBCheck} and {@code monitorCraDBCheck}: one cheap query on a table the STS needs,
 * so a reachable server without the schema also counts as down.
 */
public final class DatabaseReachability implements Reachability {

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final String probeQuery;

    private DatabaseReachability(DataSource dataSource, String probeQuery) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.probeQuery = probeQuery;
    }

    /** Probes {@code sts_audconf}, where the configuration and the schema history are. */
    public static DatabaseReachability stsDatabase(DataSource dataSource) {
        return new DatabaseReachability(dataSource,
                "SELECT 1 FROM " + qualified(STS_AUDCONF, SCHEMA_HISTORY) + " LIMIT 1");
    }

    /** Probes {@code sts_cra}, where the revocation lists are. */
    public static DatabaseReachability craDatabase(DataSource dataSource) {
        return new DatabaseReachability(dataSource, "SELECT 1 FROM " + qualified(STS_CRA, CRL) + " LIMIT 1");
    }

    /**
     * Returns when the query answers; throws the driver's or pool's exception otherwise (no connection
     * within the pool's connection timeout, or no answer within {@link #QUERY_TIMEOUT}).
     */
    @Override
    public void probe() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
            statement.executeQuery(probeQuery).close();
        }
    }
}

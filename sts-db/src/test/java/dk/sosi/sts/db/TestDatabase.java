package dk.sosi.sts.db;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Thread-safe. The one embedded MariaDB that the module's test classes share, started on first use
 * (starting one costs about ten seconds) and stopped when the test JVM exits. Its schema is migrated.
 * Tests that stop the server use their own {@link EmbeddedMariaDb} instead.
 */
final class TestDatabase {

    /** Every table an admin fills, emptied by {@link #clearTables()}. */
    static final List<String> TABLES = List.of(
            "sts_audconf.iboConfig",
            "sts_audconf.audienceConfiguration",
            "sts_audconf.trustedIdpConfiguration",
            "sts_audconf.trustedIdpCitizenConfiguration",
            "sts_audconf.roleDefinitions",
            "sts_audconf.trustedCvr",
            "sts_ehdsiconf.ehdsiAudienceConfiguration",
            "sts_ehdsiconf.ehdsiPoliciesConfiguration",
            "sts_cra.crl",
            "sts_cra.crl_source");

    private static EmbeddedMariaDb server;
    private static HikariDataSource dataSource;

    private TestDatabase() {
    }

    /** A pool on the shared, migrated server. */
    static synchronized DataSource dataSource() {
        if (server == null) {
            server = EmbeddedMariaDb.start(0, null);
            dataSource = DataSources.create(server.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
            new SchemaMigrator(dataSource).migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dataSource.close();
                server.close();
            }, "test-database-shutdown"));
        }
        return dataSource;
    }

    /** A connection of its own, outside the pool, for statements that change the session (such as {@code use}). */
    static Connection openConnection() throws SQLException {
        dataSource();
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }

    /** Empties every configuration and CRA table. */
    static void clearTables() throws SQLException {
        for (String table : TABLES) {
            execute("DELETE FROM " + table);
        }
    }

    /** Runs {@code sql} statements one by one on a pooled connection. */
    static void execute(String... sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }
}

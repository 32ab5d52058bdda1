package dk.sosi.sts.db;

import static dk.sosi.sts.db.ReloadingStsConfigurationTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.testkit.db.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the STS does while its database is down: a server of its own, stopped and restarted, so
 * that the shared test database stays up for the other classes.
 */
class DatabaseOutageTest {

    private static final Duration SHORT_INTERVAL = Duration.ofMillis(200);

    private static EmbeddedMariaDb server;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMariaDb.start(0, null);
        // A short connection timeout keeps each failed attempt, and so the test, short.
        dataSource = DataSources.create("outage-db", server.jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD,
                Duration.ofMillis(500));
        new SchemaMigrator(dataSource).migrate();
    }

    @AfterAll
    static void stopServer() {
        dataSource.close();
        server.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        execute("DELETE FROM sts_audconf.audienceConfiguration", "DELETE FROM sts_cra.crl");
    }

    @AfterEach
    void serverRunsAgain() {
        server.restartServer();
        // The pool reconnects by itself; the next test starts once it has.
        awaitTrue(() -> {
            try {
                DatabaseReachability.stsDatabase(dataSource).probe();
                return true;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    @Test
    void currentWhenDatabaseStopsThenKeepsLastSnapshotUntilItRecoversByItself() throws SQLException {
        execute("INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value)"
                + " VALUES ('https://fmk', 'lifetime', '300')");
        try (ReloadingStsConfiguration configuration =
                new ReloadingStsConfiguration(new JdbcConfigurationLoader(dataSource), SHORT_INTERVAL)) {
            configuration.start();
            ConfigurationSnapshot loaded = configuration.current();

            server.stopServer();

            assertFalse(configuration.reloadNow());
            assertSame(loaded, configuration.current());
            assertTrue(configuration.status().failing());
            assertFalse(configuration.status().lastFailureCause().orElseThrow().isBlank());
            assertEquals(Optional.of(loaded.loadedAt()), configuration.status().lastSuccessfulReload());

            server.restartServer();

            awaitTrue(() -> !configuration.status().failing());
            assertTrue(configuration.current().loadedAt().isAfter(loaded.loadedAt()));
            assertEquals(Optional.of("300"), configuration.current().audienceConfiguration().value("https://fmk", "lifetime"));
        }
    }

    @Test
    void currentWhenDatabaseIsDownAtStartThenThrowsUntilTheDatabaseComesUp() throws SQLException {
        execute("INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value)"
                + " VALUES ('https://fmk', 'lifetime', '300')");
        server.stopServer();
        try (ReloadingStsConfiguration configuration =
                new ReloadingStsConfiguration(dataSource, SHORT_INTERVAL, Clock.systemUTC())) {
            configuration.start();

            ConfigurationUnavailableException unavailable =
                    assertThrows(ConfigurationUnavailableException.class, configuration::current);
            assertTrue(unavailable.getMessage().startsWith(
                    "The STS database is unreachable and no configuration has been loaded yet: "), unavailable.getMessage());
            assertTrue(configuration.status().lastSuccessfulReload().isEmpty());

            server.restartServer();

            awaitTrue(() -> configuration.status().lastSuccessfulReload().isPresent());
            assertEquals(Optional.of("300"), configuration.current().audienceConfiguration().value("https://fmk", "lifetime"));
        }
    }

    @Test
    void forIssuerWhenDatabaseIsDownThenServesTheCachedList() {
        String issuer = "CN=TRUST2408 Systemtest XXII CA,O=TRUST2408,C=DK";
        TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
        JdbcCrlStore store = new JdbcCrlStore(dataSource, Duration.ofSeconds(60), clock);
        store.store(TestCrls.crl(issuer, Instant.parse("2026-11-23T08:00:00Z"), 7), "http://crl.example/ca.crl");

        server.stopServer();
        clock.advance(Duration.ofMinutes(5));

        assertTrue(store.forIssuer(new X500Principal(issuer)).isPresent());
        assertEquals(1, store.all().size());
    }

    @Test
    void probeWhenDatabaseIsDownThenThrows() {
        server.stopServer();

        assertThrows(SQLException.class, () -> DatabaseReachability.stsDatabase(dataSource).probe());
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }
}

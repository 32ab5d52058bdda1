package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReloadingStsConfigurationTest {

    private static final String LIFETIME = "INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value)"
            + " VALUES ('https://fmk', 'lifetime', '%s')";

    private final JdbcConfigurationLoader loader = new JdbcConfigurationLoader(TestDatabase.dataSource());

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabase.clearTables();
    }

    @Test
    void reloadNowWhenRowEditedThenSnapshotShowsTheEdit() throws SQLException {
        TestDatabase.execute(String.format(LIFETIME, "300"));
        try (ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(loader, Duration.ofMinutes(5))) {
            configuration.start();
            assertEquals(Optional.of("300"), lifetime(configuration));

            TestDatabase.execute("UPDATE sts_audconf.audienceConfiguration SET attribute_value = '3600'"
                    + " WHERE audience = 'https://fmk' AND attribute = 'lifetime'");

            assertEquals(Optional.of("300"), lifetime(configuration), "not before the reload");
            assertTrue(configuration.reloadNow());
            assertEquals(Optional.of("3600"), lifetime(configuration));
            assertEquals(Optional.of(configuration.current().loadedAt()), configuration.status().lastSuccessfulReload());
        }
    }

    @Test
    void startWhenIntervalIsShortThenEditsShowUpByThemselves() throws SQLException {
        try (ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(loader, Duration.ofMillis(200))) {
            configuration.start();
            assertEquals(Optional.empty(), lifetime(configuration));

            TestDatabase.execute(String.format(LIFETIME, "300"));

            awaitTrue(() -> lifetime(configuration).isPresent());
            assertEquals(Optional.of("300"), lifetime(configuration));
        }
    }

    @Test
    void reloadWhenDuplicateAudienceAttributeInsertedThenDatabaseRefusesItAndFirstValueStays() throws SQLException {
        TestDatabase.execute(String.format(LIFETIME, "300"));
        try (ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(loader, Duration.ofMinutes(5))) {
            configuration.start();

            assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> TestDatabase.execute(String.format(LIFETIME, "3600")));

            assertTrue(configuration.reloadNow());
            assertEquals(Optional.of("300"), lifetime(configuration));
            TestDatabase.execute("INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value)"
                    + " VALUES ('https://fmk', 'certificate.xyz', 'UI:DK-O:G:1')");
            assertTrue(configuration.reloadNow());
            assertEquals(Optional.of("UI:DK-O:G:1"),
                    configuration.current().audienceConfiguration().value("https://fmk", "certificate.xyz"));
            assertTrue(configuration.status().lastFailure().isEmpty());
        }
    }

    @Test
    void currentWhenNothingChangedThenReturnsTheSameSnapshotUntilTheNextReload() {
        try (ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(loader, Duration.ofMinutes(5))) {
            configuration.start();

            assertSame(configuration.current(), configuration.current());
        }
    }

    @Test
    void constructorWhenIntervalIsNotPositiveThenRefuses() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ReloadingStsConfiguration(loader, Duration.ZERO));

        assertEquals("refreshInterval must be > 0, was PT0S", refused.getMessage());
    }

    @Test
    void startWhenCalledTwiceThenRefuses() {
        try (ReloadingStsConfiguration configuration = new ReloadingStsConfiguration(loader, Duration.ofMinutes(5))) {
            configuration.start();

            assertThrows(IllegalStateException.class, configuration::start);
        }
    }

    private static Optional<String> lifetime(ReloadingStsConfiguration configuration) {
        return configuration.current().audienceConfiguration().value("https://fmk", "lifetime");
    }

    /** Polls until {@code condition} holds; fails after 10 s. */
    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}

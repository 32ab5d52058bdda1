package dk.sosi.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StsEnvironmentTest {

    @Test
    void fromWhenNeitherFolderNorDatabaseIsSetThenOneMessageNamingBoth() {
        StartupException failure = assertThrows(StartupException.class, () -> StsEnvironment.from(key -> null, Map.of()));

        assertEquals("The STS needs its configuration folder and database; missing sts.config.dir (-Dsts.config.dir=… or "
                + "environment variable STS_CONFIG_DIR) and sts.jdbc.url (-Dsts.jdbc.url=… or environment variable STS_JDBC_URL). "
                + "It never starts without them.", failure.getMessage());
    }

    @Test
    void fromWhenOnlyTheDatabaseIsMissingThenItIsNamed() {
        StartupException failure = assertThrows(StartupException.class,
                () -> StsEnvironment.from(key -> null, Map.of("STS_CONFIG_DIR", "/pack/sts", "STS_JDBC_URL", " ")));

        assertEquals("The STS needs its configuration folder and database; missing sts.jdbc.url (-Dsts.jdbc.url=… or "
                + "environment variable STS_JDBC_URL). It never starts without them.", failure.getMessage());
    }

    @Test
    void fromWhenSetInTheEnvironmentThenSystemPropertiesWinAndDefaultsFillTheRest() {
        StsEnvironment environment = StsEnvironment.from(key -> key.equals("sts.jdbc.url") ? "jdbc:mysql://db:3306/" : null,
                Map.of("STS_CONFIG_DIR", "/pack/sts", "STS_JDBC_URL", "jdbc:mysql://ignored/", "STS_CONFIG_REFRESH", "60"));

        assertEquals(Path.of("/pack/sts"), environment.configDir());
        assertEquals("jdbc:mysql://db:3306/", environment.jdbcUrl());
        assertEquals("jdbc:mysql://db:3306/", environment.craJdbcUrl());
        assertEquals("root", environment.jdbcUser());
        assertEquals(Duration.ofSeconds(60), environment.configRefresh());
    }

    @Test
    void fromWhenKeystoreReloadLeftOutThenAMinuteAndWhenSetThenThatInterval() {
        Map<String, String> required = Map.of("STS_CONFIG_DIR", "/pack/sts", "STS_JDBC_URL", "jdbc:mysql://db:3306/");

        StsEnvironment shipped = StsEnvironment.from(key -> null, required);
        StsEnvironment tests = StsEnvironment.from(key -> key.equals("sts.keystore.reload") ? "PT0.1S" : null, required);

        assertEquals(Duration.ofMinutes(1), shipped.keystoreReload());
        assertEquals(Duration.ofMillis(100), tests.keystoreReload());
    }

    @Test
    void fromWhenKeystoreReloadLongerThanTenMinutesThenStartupFailsNamingIt() {
        StartupException failure = assertThrows(StartupException.class, () -> StsEnvironment.from(key -> null,
                Map.of("STS_CONFIG_DIR", "/pack/sts", "STS_JDBC_URL", "jdbc:mysql://db:3306/", "STS_KEYSTORE_RELOAD", "PT1H")));

        assertEquals("sts.keystore.reload must be between 0 and PT10M, was PT1H", failure.getMessage());
    }
}

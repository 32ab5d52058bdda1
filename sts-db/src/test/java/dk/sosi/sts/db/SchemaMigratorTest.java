package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private final DataSource dataSource = TestDatabase.dataSource();

    @Test
    void migrateWhenDatabasesAreMissingThenCreatesEveryTableWithTheGuidesColumns() throws Exception {
        dropDatabases();

        int applied = new SchemaMigrator(dataSource).migrate();

        assertEquals(SchemaMigrator.SCRIPTS.size(), applied);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("sts_audconf.iboConfig", List.of("audience", "publicKey", "recipientURL", "includeBST",
                "deliveryNotOnOrAfterOffset", "notBeforeOffset", "notOnOrAfterOffset", "idCardMaxAgeMins",
                "encryption")); // the last one is ours (V4), not the guide's
        expected.put("sts_audconf.audienceConfiguration", List.of("id", "audience", "attribute", "attribute_value", "comment"));
        expected.put("sts_audconf.trustedIdpConfiguration", List.of("id", "issuer", "attribute", "attribute_value", "comment"));
        expected.put("sts_audconf.trustedIdpCitizenConfiguration",
                List.of("id", "issuer", "attribute", "attribute_value", "comment"));
        expected.put("sts_audconf.roleDefinitions", List.of("id", "source", "externalName", "code", "value"));
        expected.put("sts_audconf.trustedCvr", List.of("id", "cvr", "endpoint", "roleValue"));
        expected.put("sts_ehdsiconf.ehdsiAudienceConfiguration",
                List.of("id", "audience", "attribute", "attribute_value", "comment"));
        expected.put("sts_ehdsiconf.ehdsiPoliciesConfiguration",
                List.of("id", "audience", "bst_policy", "sts_policy", "comment"));
        expected.put("sts_cra.crl", List.of("id", "issuer_hash", "issuer_dn", "authority_key_id", "crl", "this_update", "next_update",
                "source_url", "stored_at"));
        expected.put("sts_cra.crl_source", List.of("url", "comment"));
        expected.put("sts_audconf.schema_history", List.of("version", "description", "script", "checksum", "installed_on"));
        for (Map.Entry<String, List<String>> table : expected.entrySet()) {
            assertEquals(table.getValue(), columns(table.getKey()), table.getKey());
        }
    }

    @Test
    void migrateWhenRunTwiceThenSecondRunAppliesNothing() throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrate();

        assertEquals(0, migrator.migrate());
        assertEquals(SchemaMigrator.SCRIPTS.size(), historyRows());
    }

    @Test
    void migrateWhenAnAppliedScriptChangedThenRefusesWithClearMessage() throws SQLException {
        TestDatabase.execute("UPDATE sts_audconf.schema_history SET checksum = REPEAT('0', 64) WHERE version = 2");
        try {
            SchemaMigrationException refused =
                    assertThrows(SchemaMigrationException.class, () -> new SchemaMigrator(dataSource).migrate());

            assertTrue(refused.getMessage().startsWith("Migration V2__sts_ehdsiconf.sql has changed since it was "
                    + "applied to this database (checksum in sts_audconf.schema_history: " + "0".repeat(64)),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("The STS does not start until this is resolved"), refused.getMessage());
        } finally {
            dropDatabases();
            new SchemaMigrator(dataSource).migrate();
        }
    }

    @Test
    void migrateWhenTwoNodesStartAtOnceThenEachScriptIsAppliedOnce() throws Exception {
        dropDatabases();
        Callable<Integer> node = () -> new SchemaMigrator(dataSource).migrate();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = nodes.submit(node);
            Future<Integer> second = nodes.submit(node);

            assertEquals(SchemaMigrator.SCRIPTS.size(), first.get() + second.get());
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(SchemaMigrator.SCRIPTS.size(), historyRows());
    }

    @Test
    void scriptsWhenListedThenMatchTheMigrationDirectory() throws IOException, URISyntaxException {
        Path directory = Paths.get(getClass().getClassLoader().getResource(SchemaMigrator.SCRIPT_DIRECTORY).toURI());
        List<String> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.map(path -> path.getFileName().toString()).sorted().toList();
        }

        assertEquals(files, SchemaMigrator.SCRIPTS.stream().sorted().toList());
    }

    private List<String> columns(String qualifiedTable) throws SQLException {
        String[] parts = qualifiedTable.split("\\.");
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME FROM "
                        + "information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, parts[0]);
            statement.setString(2, parts[1]);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        }
        return columns;
    }

    private int historyRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM sts_audconf.schema_history")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void dropDatabases() throws SQLException {
        TestDatabase.execute("DROP DATABASE IF EXISTS sts_audconf", "DROP DATABASE IF EXISTS sts_ehdsiconf",
                "DROP DATABASE IF EXISTS sts_cra");
    }
}

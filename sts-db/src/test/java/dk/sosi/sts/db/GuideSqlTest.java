package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.configuration.TrustedCvr;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL written the way the operations guide writes it ({@code use}, backticks, double-quoted
 * literals, {@code true}, {@code null}) runs against the schema and ends up in the snapshot. The
 * guide's own examples are run by {@link GuideSqlExamplesSpecTest} where the guide is at hand.
 */
class GuideSqlTest {

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabase.clearTables();
    }

    @Test
    void executeWhenStatementsHaveTheGuidesShapesThenRowsLoadIntoTheSnapshot() throws SQLException {
        try (Connection connection = TestDatabase.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("USE sts_audconf;");
            statement.execute("INSERT INTO `iboConfig` \n (audience,\n  publicKey,\n  recipientURL,\n  includeBST,\n"
                    + "  deliveryNotOnOrAfterOffset,\n  notBeforeOffset,\n  notOnOrAfterOffset,\n  idCardMaxAgeMins) \n"
                    + "VALUES\n ('/ststest3', 'MIIGiDCC\n  BLygAwIB', '/ststest/login', \n  true, \n  0, \n  0, \n"
                    + "  3600000, \n  null);");
            statement.execute("use sts_audconf;");
            statement.execute("insert into roleDefinitions (source, externalName, code, value) values "
                    + "('NationalFederation', 'nspPlejeAssR3', '41003', 'PlejeAssR3');");
            statement.execute("INSERT INTO audienceConfiguration (audience, attribute, attribute_value, comment)\n"
                    + "VALUES ('https://minlog', 'srp.ward.certificate', 'UI:DK-O:G:23550132', \"FMK Online\");");
            statement.execute("-- Whitelisting af certifikat for anvender\n"
                    + "INSERT INTO trustedIdpConfiguration (issuer, attribute, attribute_value, comment)\nVALUES\n(\n"
                    + "   '*',\n   'certificate.testorganisationa',\n   'UI:DK-E:C:e9f5888c',\n"
                    + "   'Whitelisting af TestOrganisation A/S'\n);");
            statement.execute("INSERT INTO trustedCvr (cvr, endpoint, roleValue) VALUES ('29190909', 'STS', NULL);");
            statement.execute("use sts_ehdsiconf;");
            statement.execute("INSERT INTO ehdsiPoliciesConfiguration (audience, bst_policy, sts_policy) VALUES "
                    + "('https://audience.nspop.dk/ehdsi', 'urn:dk:sosi:sts:eHDSI-strict', 'test-ehdsi-sts-policy');");
        }

        ConfigurationSnapshot snapshot = new JdbcConfigurationLoader(TestDatabase.dataSource()).load();

        IboConfig ibo = snapshot.iboConfigFor("/ststest3").orElseThrow();
        assertEquals("MIIGiDCC\n  BLygAwIB", ibo.publicKey());
        assertTrue(ibo.includeBST());
        assertEquals(3_600_000L, ibo.notOnOrAfterOffset());
        assertNull(ibo.idCardMaxAgeMins());
        assertEquals(IboConfig.DEFAULT_ID_CARD_MAX_AGE, ibo.idCardMaxAge());
        assertEquals("PlejeAssR3", snapshot.roleDefinitions().get(0).value());
        assertEquals(Optional.of("UI:DK-O:G:23550132"),
                snapshot.audienceConfiguration().value("https://minlog", "srp.ward.certificate"));
        assertEquals(Optional.of("UI:DK-E:C:e9f5888c"),
                snapshot.trustedIdpConfiguration().value("*", "certificate.testorganisationa"));
        assertEquals(List.of(new TrustedCvr("29190909", "STS", null)), snapshot.trustedCvr());
        assertEquals("test-ehdsi-sts-policy", snapshot.ehdsiPoliciesConfiguration().get(0).stsPolicy());
    }

    @Test
    void executeWhenAttributeValueIsALargeKeyThenItIsStoredWhole() throws SQLException {
        String key = "MIIG".repeat(5_000);
        TestDatabase.execute("INSERT INTO sts_audconf.trustedIdpCitizenConfiguration (issuer, attribute, attribute_value)"
                + " VALUES ('https://oio3bst-issuer.dk', 'encryptionKey.1', '" + key + "')");

        ConfigurationSnapshot snapshot = new JdbcConfigurationLoader(TestDatabase.dataSource()).load();

        assertEquals(Optional.of(key),
                snapshot.trustedIdpCitizenConfiguration().value("https://oio3bst-issuer.dk", "encryptionKey.1"));
    }
}

package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EhdsiPolicy;
import dk.sosi.sts.configuration.RoleDefinition;
import dk.sosi.sts.configuration.TrustedCvr;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcConfigurationLoaderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final JdbcConfigurationLoader loader =
            new JdbcConfigurationLoader(TestDatabase.dataSource(), new TestClock(NOW));

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabase.clearTables();
    }

    @Test
    void loadWhenEveryTableHasRowsThenSnapshotHoldsThemUnderTheGuidesNames() throws SQLException {
        TestDatabase.execute(
                "INSERT INTO sts_audconf.iboConfig VALUES ('https://ibo', 'MIIB', 'https://ibo/login', false, 1, 2, 3, 60, NULL)",
                "INSERT INTO sts_audconf.iboConfig VALUES ('https://gcm', 'MIIB', 'https://gcm/login', true, 1, 2, 3, NULL,"
                        + " 'aes128-gcm rsa-oaep')",
                "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value)"
                        + " VALUES ('https://idp', 'validateHOK', 'true')",
                "INSERT INTO sts_audconf.trustedIdpCitizenConfiguration (issuer, attribute, attribute_value)"
                        + " VALUES ('https://citizen-idp', 'tokenProfile.1', 'OIO3BST_CITIZEN')",
                "INSERT INTO sts_audconf.roleDefinitions (source, externalName, code, value)"
                        + " VALUES ('NationalFederation', 'nspLaegesekretaer', '40001', 'Laegesekretaer')",
                "INSERT INTO sts_audconf.trustedCvr (cvr, endpoint, roleValue) VALUES ('29190909', 'STS', 'Laegesekretaer')",
                "INSERT INTO sts_ehdsiconf.ehdsiAudienceConfiguration (audience, attribute, attribute_value)"
                        + " VALUES ('https://audience.nspop.dk/ehdsi', 'signingKey.1', 'MIIC')",
                "INSERT INTO sts_ehdsiconf.ehdsiAudienceConfiguration (audience, attribute, attribute_value)"
                        + " VALUES ('https://audience.nspop.dk/ehdsi', 'signingKey.2', 'MIID')",
                "INSERT INTO sts_ehdsiconf.ehdsiPoliciesConfiguration (audience, bst_policy, sts_policy)"
                        + " VALUES ('https://audience.nspop.dk/ehdsi', 'bst', 'sts')");

        ConfigurationSnapshot snapshot = loader.load();

        assertEquals(60, snapshot.iboConfigFor("https://ibo").orElseThrow().idCardMaxAge().toMinutes());
        assertEquals(Optional.empty(), snapshot.iboConfigFor("https://ibo").orElseThrow().encryption());
        assertEquals(Optional.of("aes128-gcm rsa-oaep"), snapshot.iboConfigFor("https://gcm").orElseThrow().encryption());
        assertEquals(Optional.of("true"), snapshot.trustedIdpConfiguration().value("https://idp", "validateHOK"));
        assertEquals(Optional.of("OIO3BST_CITIZEN"),
                snapshot.trustedIdpCitizenConfiguration().value("https://citizen-idp", "tokenProfile.1"));
        assertEquals(List.of(new RoleDefinition("NationalFederation", "nspLaegesekretaer", "40001", "Laegesekretaer")),
                snapshot.roleDefinitions());
        assertEquals(List.of(new TrustedCvr("29190909", "STS", "Laegesekretaer")), snapshot.trustedCvr());
        assertEquals(Map.of("signingKey.1", "MIIC", "signingKey.2", "MIID"),
                snapshot.ehdsiAudienceConfiguration().withPrefix("https://audience.nspop.dk/ehdsi", "signingKey."));
        assertEquals(List.of(new EhdsiPolicy("https://audience.nspop.dk/ehdsi", "bst", "sts")),
                snapshot.ehdsiPoliciesConfiguration());
        assertEquals(NOW, snapshot.loadedAt());
    }

    @Test
    void loadWhenTableLacksItsUniqueKeyAndHasDuplicatesThenFirstRowWins() throws SQLException {
        TestDatabase.execute("ALTER TABLE sts_audconf.trustedIdpConfiguration"
                + " DROP INDEX trustedIdpConfiguration_issuer_attribute");
        try {
            TestDatabase.execute(
                    "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value)"
                            + " VALUES ('https://idp', 'validateHOK', 'true')",
                    "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value)"
                            + " VALUES ('https://idp', 'validateHOK', 'false')");

            assertEquals(Optional.of("true"), loader.load().trustedIdpConfiguration().value("https://idp", "validateHOK"));
        } finally {
            TestDatabase.clearTables();
            TestDatabase.execute("ALTER TABLE sts_audconf.trustedIdpConfiguration"
                    + " ADD UNIQUE KEY trustedIdpConfiguration_issuer_attribute (issuer, attribute)");
        }
    }
}

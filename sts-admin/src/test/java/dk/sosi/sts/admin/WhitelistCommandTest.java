package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sts-admin whitelist}: the guide's INSERT for a certificate, printed or run. */
class WhitelistCommandTest {

    private static final String FOCES_SSN = "CVR:20921897-FID:12345678";
    private static final String FOCES_NAME = "demolgehussystemfunktionscertifikat";
    private static final String FOCES_CN = "Demo Lægehus system (funktionscertifikat)";

    @Test
    void whitelistWhenAudienceConfigurationThenTheInsertOfItsSubjectSerialNumber() throws Exception {
        AdminFixture.Result result = AdminFixture.run("whitelist", "audienceConfiguration", "https://fmk",
                AdminFixture.client(DemoClient.SYSTEM_FOCES).toString(), "--password", AdminFixture.PASSWORD);

        assertEquals(StsAdmin.OK, result.exit(), result.err());
        assertEquals("USE sts_audconf;\nINSERT INTO audienceConfiguration (audience, attribute, attribute_value, comment) VALUES "
                + "('https://fmk', 'certificate." + FOCES_NAME + "', '" + FOCES_SSN + "', '" + FOCES_CN + "');\n", result.out());
    }

    @Test
    void whitelistWhenTrustedIdpConfigurationThenCertificateXxxAndWithSigningKeyItsBase64(@TempDir Path folder) throws Exception {
        Path cer = folder.resolve("idp.cer");
        Files.write(cer, AdminFixture.certificate(DemoClient.SYSTEM_FOCES).getEncoded());

        AdminFixture.Result caller = AdminFixture.run("whitelist", "trustedIdpConfiguration", "*", cer.toString(),
                "--name", "testorganisationa", "--comment", "Whitelisting af TestOrganisation A/S");
        AdminFixture.Result signer = AdminFixture.run("whitelist", "trustedIdpConfiguration", "https://oio3bst-issuer.dk",
                cer.toString(), "--signing-key", "--name", "valid");

        assertEquals("USE sts_audconf;\nINSERT INTO trustedIdpConfiguration (issuer, attribute, attribute_value, comment) VALUES "
                + "('*', 'certificate.testorganisationa', '" + FOCES_SSN + "', 'Whitelisting af TestOrganisation A/S');\n",
                caller.out());
        assertEquals("USE sts_audconf;\nINSERT INTO trustedIdpConfiguration (issuer, attribute, attribute_value, comment) VALUES "
                + "('https://oio3bst-issuer.dk', 'signingKey.valid', '"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(cer)) + "', '" + FOCES_CN + "');\n", signer.out());
    }

    @Test
    void whitelistWhenCitizenIssuerThenSigningKeyAndEhdsiInItsOwnDatabase(@TempDir Path folder) throws Exception {
        Path cer = folder.resolve("idp.cer");
        Files.write(cer, AdminFixture.certificate(DemoClient.SYSTEM_FOCES3).getEncoded());

        AdminFixture.Result citizen = AdminFixture.run("whitelist", "trustedIdpCitizenConfiguration", "https://oio3bst-issuer.dk",
                cer.toString(), "--name", "1");
        AdminFixture.Result ehdsi = AdminFixture.run("whitelist", "ehdsiAudienceConfiguration", "https://audience.nspop.dk/ehdsi",
                cer.toString(), "--name", "ncp");

        assertTrue(citizen.out().contains("('https://oio3bst-issuer.dk', 'signingKey.1', '"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(cer)) + "'"), citizen.out());
        assertTrue(ehdsi.out().startsWith("USE sts_ehdsiconf;\nINSERT INTO ehdsiAudienceConfiguration (audience, attribute, "
                + "attribute_value, comment) VALUES ('https://audience.nspop.dk/ehdsi', 'certificate.ncp', "
                + "'UI:DK-O:G:2b6a96fc-9a40-4479-8c90-84c2a15c5bce'"), ehdsi.out());
    }

    @Test
    void whitelistWhenQuotesAndBackslashesThenEscapedLiterals() throws Exception {
        AdminFixture.Result result = AdminFixture.run("whitelist", "audienceConfiguration", "https://x/it's",
                AdminFixture.client(DemoClient.SYSTEM_FOCES).toString(), "--password", AdminFixture.PASSWORD,
                "--name", "a", "--comment", "Bo's \\ test");

        assertTrue(result.out().contains("VALUES ('https://x/it''s', 'certificate.a', '" + FOCES_SSN + "', 'Bo''s \\\\ test');"),
                result.out());
    }

    @Test
    void whitelistWhenApplyThenTheRowIsInsertedOnceAndTheSecondTimeRefused() throws Exception {
        String audience = "https://whitelist-apply.example/";
        String[] command = {"whitelist", "audienceConfiguration", audience, AdminFixture.client(DemoClient.SYSTEM_FOCES).toString(),
            "--password", AdminFixture.PASSWORD, "--apply"};
        try {
            AdminFixture.Result first = AdminFixture.run(command);
            AdminFixture.Result second = AdminFixture.run(command);

            assertEquals(StsAdmin.OK, first.exit(), first.out() + first.err());
            assertTrue(first.out().startsWith("Inserted into sts_audconf.audienceConfiguration: INSERT INTO"), first.out());
            try (Connection connection = AdminFixture.jdbc(); PreparedStatement select = connection.prepareStatement(
                    "SELECT attribute, attribute_value, comment FROM sts_audconf.audienceConfiguration WHERE audience = ?")) {
                select.setString(1, audience);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals("certificate." + FOCES_NAME, row.getString(1));
                    assertEquals(FOCES_SSN, row.getString(2));
                    assertEquals(FOCES_CN, row.getString(3));
                    assertFalse(row.next());
                }
            }
            assertEquals(StsAdmin.ERRORS, second.exit());
            assertTrue(second.out().contains("already has audience '" + audience + "' with attribute 'certificate." + FOCES_NAME + "'"),
                    second.out());
        } finally {
            AdminFixture.sql("DELETE FROM sts_audconf.audienceConfiguration WHERE audience = '" + audience + "'");
        }
    }

    @Test
    void whitelistWhenTableNotOnMapFormatOrWithoutSigningKeysThenUsage() throws Exception {
        String foces = AdminFixture.client(DemoClient.SYSTEM_FOCES).toString();

        AdminFixture.Result ibo = AdminFixture.run("whitelist", "iboConfig", "/ststest3", foces, "--password", AdminFixture.PASSWORD);
        AdminFixture.Result audience = AdminFixture.run("whitelist", "audienceConfiguration", "https://fmk", foces,
                "--password", AdminFixture.PASSWORD, "--signing-key");
        AdminFixture.Result misspelt = AdminFixture.run("whitelist", "audienceConfiguration", "https://fmk", foces,
                "--password", AdminFixture.PASSWORD, "--aply");
        AdminFixture.Result missing = AdminFixture.run("whitelist", "audienceConfiguration", "https://fmk");

        assertEquals(StsAdmin.USAGE, ibo.exit());
        assertTrue(ibo.err().contains("no table 'iboConfig' on map-format"), ibo.err());
        assertEquals(StsAdmin.USAGE, audience.exit());
        assertTrue(audience.err().contains("audienceConfiguration has no signingKey.xxx"), audience.err());
        assertEquals(StsAdmin.USAGE, misspelt.exit());
        assertEquals(StsAdmin.USAGE, missing.exit());
        assertTrue(missing.err().contains("expected <table> <audience-or-issuer> <certificate-file>"), missing.err());
    }
}

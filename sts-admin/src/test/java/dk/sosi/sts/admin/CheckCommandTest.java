package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sts-admin check}: one line per finding in the demo configuration as an admin breaks it, exit 1 on errors. */
class CheckCommandTest {

    private static final String LINT = "https://lint.example/";

    @Test
    void checkWhenTheDemoConfigurationThenNoErrors() throws Exception {
        AdminFixture.Result result = AdminFixture.run("check");

        assertEquals(StsAdmin.OK, result.exit(), result.out() + result.err());
        assertTrue(result.lines().stream().noneMatch(line -> line.startsWith("ERROR")), result.out());
    }

    @Test
    void checkWhenMisspeltAttributesAndAnAudienceWithoutLifetimeThenEachNamedAndExit1() throws Exception {
        try {
            AdminFixture.sql("INSERT INTO sts_audconf.audienceConfiguration (audience, attribute, attribute_value) VALUES ('"
                    + LINT + "', 'Lifetime', '300')",
                    "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value) VALUES ('"
                    + LINT + "', 'signingkey.1', 'MIIB')",
                    "INSERT INTO sts_audconf.trustedIdpConfiguration (issuer, attribute, attribute_value) VALUES ('"
                    + LINT + "', 'colour', 'blue')");

            AdminFixture.Result result = AdminFixture.run("check");

            assertEquals(StsAdmin.ERRORS, result.exit(), result.out());
            List<String> lines = result.lines();
            assertTrue(lines.contains("ERROR    sts_audconf.audienceConfiguration[" + LINT
                    + "]: unknown attribute 'Lifetime' (did you mean 'lifetime'?)"), result.out());
            assertTrue(lines.contains("ERROR    sts_audconf.trustedIdpConfiguration[" + LINT
                    + "]: unknown attribute 'signingkey.1' (did you mean 'signingKey.1'?)"), result.out());
            assertTrue(lines.contains("ERROR    sts_audconf.trustedIdpConfiguration[" + LINT + "]: unknown attribute 'colour' "
                    + "(the guide's: encryptionKey.xxx, encryptionPublicKey.xxx, tokenProfile.xxx, validateHOK, signingKey.xxx, "
                    + "certificate.xxx)"), result.out());
            assertTrue(lines.contains("WARNING  sts_audconf.audienceConfiguration[" + LINT
                    + "]: no lifetime, so the audience is not active"), result.out());
            assertTrue(lines.get(lines.size() - 1).matches("3 errors, \\d+ warnings?"), result.out());
        } finally {
            clean();
        }
    }

    @Test
    void checkWhenTheTableLacksItsUniqueKeyAndHasDuplicatesThenEachPairNamed() throws Exception {
        String table = "sts_audconf.trustedIdpCitizenConfiguration";
        AdminFixture.sql("ALTER TABLE " + table + " DROP INDEX trustedIdpCitizenConfiguration_issuer_attribute");
        try {
            AdminFixture.sql("INSERT INTO " + table + " (issuer, attribute, attribute_value) VALUES ('" + LINT
                    + "', 'audience', 'https://one/'), ('" + LINT + "', 'audience', 'https://two/')");

            AdminFixture.Result result = AdminFixture.run("check");

            assertEquals(StsAdmin.ERRORS, result.exit(), result.out());
            assertTrue(result.lines().contains("ERROR    " + table + "[" + LINT
                    + "]: 2 rows for attribute 'audience'; the STS uses the first and ignores the others"), result.out());
        } finally {
            clean();
            AdminFixture.sql("ALTER TABLE " + table + " ADD UNIQUE KEY trustedIdpCitizenConfiguration_issuer_attribute (issuer, attribute)");
        }
    }

    @Test
    void checkWhenKeysUnreadableOrCertificatesExpiredOrRevokedThenErrors() throws Exception {
        String expired = base64(AdminFixture.certificate(DemoClient.EMPLOYEE_MOCES_EXPIRED));
        String revoked = base64(AdminFixture.certificate(DemoClient.EMPLOYEE_MOCES_REVOKED));
        String table = "sts_audconf.trustedIdpCitizenConfiguration";
        try {
            AdminFixture.sql("INSERT INTO " + table + " (issuer, attribute, attribute_value) VALUES "
                    + "('" + LINT + "', 'encryptionKey.bad', 'bm90IGEga2V5'), ('" + LINT + "', 'signingKey.bad', 'MIIB%%'), "
                    + "('" + LINT + "', 'signingKey.old', '" + expired + "'), ('" + LINT + "', 'signingKey.revoked', '" + revoked + "')");

            AdminFixture.Result result = AdminFixture.run("check");

            assertEquals(StsAdmin.ERRORS, result.exit(), result.out());
            String at = "ERROR    " + table + "[" + LINT + "]";
            List<String> lines = result.lines();
            assertTrue(lines.contains(at + ".encryptionKey.bad: not a base64 PKCS#8 RSA private key"), result.out());
            assertTrue(lines.contains(at + ".signingKey.bad: Unreadable (not a base64 DER certificate)"), result.out());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(at + ".signingKey.old -> CVR:20921897-RID:52718190: Expired")),
                    result.out());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(at + ".signingKey.revoked -> CVR:20921897-RID:93817264: Revoked")),
                    result.out());
        } finally {
            clean();
        }
    }

    @Test
    void checkWhenACertificateExpiresWithinTheWarningDaysThenAWarningWithTheDaysLeft() throws Exception {
        X509Certificate sts = AdminFixture.embedded().demo().loadStsCredential().certificate();
        Clock tenDaysBefore = Clock.fixed(sts.getNotAfter().toInstant().minus(Duration.ofDays(10)).minusSeconds(60), ZoneOffset.UTC);

        AdminFixture.Result result = AdminFixture.run(AdminFixture.configDir(), tenDaysBefore, "check");

        assertTrue(result.lines().stream().anyMatch(line -> line.startsWith("WARNING  teststs-1.keystore/sts -> ")
                && line.contains(": Expiring, 10 days left (NotAfter " + sts.getNotAfter().toInstant() + ")")), result.out());
    }

    @Test
    void checkWhenServicesXmlOfAnEarlierReleaseThenAWarningPerMissingBean(@TempDir Path folder) throws Exception {
        Path config = AdminFixture.copyOfConfiguration(folder);
        Path services = config.resolve("services.xml");
        String xml = Files.readString(services);
        for (String bean : List.of("securityTokenService", "crlFetcher", "certificateExpiryWarning")) {
            xml = withoutBean(xml, bean);
        }
        Files.writeString(services, xml);

        AdminFixture.Result result = AdminFixture.run(config, Clock.systemUTC(), "check");

        assertEquals(StsAdmin.OK, result.exit(), result.out() + result.err());
        for (String bean : List.of("securityTokenService", "crlFetcher", "certificateExpiryWarning")) {
            assertTrue(result.lines().contains("WARNING  services.xml has no bean '" + bean
                    + "': the shipped default is used; copy it from the shipped services.xml"), result.out());
        }
    }

    @Test
    void checkWhenAKeystoreIsUnreadableThenTheStsWouldNotStart(@TempDir Path folder) throws Exception {
        Path config = AdminFixture.copyOfConfiguration(folder);
        Files.writeString(config.resolve("test-jwt-idp-trust.jks"), "not a keystore");

        AdminFixture.Result result = AdminFixture.run(config, Clock.systemUTC(), "check");

        assertEquals(StsAdmin.ERRORS, result.exit(), result.out());
        assertTrue(result.lines().stream().anyMatch(line -> line.startsWith("ERROR    The STS would not start: ")
                && line.contains("keystore")), result.out());
    }

    /** {@code xml} without the bean {@code id}, as a services.xml of a release before it was added. */
    static String withoutBean(String xml, String id) {
        int start = xml.indexOf("<bean id=\"" + id + "\"");
        int end = xml.indexOf("</bean>", start) + "</bean>".length();
        return xml.substring(0, start) + xml.substring(end);
    }

    private static String base64(X509Certificate certificate) throws Exception {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }

    private static void clean() throws Exception {
        AdminFixture.sql("DELETE FROM sts_audconf.audienceConfiguration WHERE audience = '" + LINT + "'",
                "DELETE FROM sts_audconf.trustedIdpConfiguration WHERE issuer = '" + LINT + "'",
                "DELETE FROM sts_audconf.trustedIdpCitizenConfiguration WHERE issuer = '" + LINT + "'");
    }
}

package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import org.junit.jupiter.api.Test;

/** {@code sts-admin certificates}: the inventory of /sts/certificates from the folder and the database, no STS running. */
class CertificatesCommandTest {

    @Test
    void certificatesWhenTheDemoConfigurationThenKeystoresAndTablesWithDaysLeft() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificates");

        assertEquals(StsAdmin.OK, result.exit(), result.err());
        assertTrue(result.lines().stream().anyMatch(line -> line.startsWith("OK\tteststs-1.keystore/sts\t")
                && line.matches(".*\tExpires: \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d:\\d\\d\tDays left: \\d+")), result.out());
        assertTrue(result.lines().stream().anyMatch(line -> line.startsWith("OK\tfederation-trust.jks/")), result.out());
        assertTrue(result.lines().stream().anyMatch(line -> line.contains("\tNBOTrustStore/")), result.out());
        assertTrue(result.lines().stream().anyMatch(line -> line.contains(
                "\tsts_audconf.trustedIdpConfiguration[" + DemoBootstrapTokenIssuer.ISSUER + "].signingKey.")), result.out());
    }
}

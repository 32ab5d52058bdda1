package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sts-admin certificate <file>} on the demo client certificates, against the demo federation and CRA database. */
class CertificateCommandTest {

    @Test
    void certificateWhenFocesKeystoreThenItsNamesTrustedAndNotRevoked() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificate", AdminFixture.client(DemoClient.SYSTEM_FOCES).toString(),
                "--password", AdminFixture.PASSWORD);

        assertEquals(StsAdmin.OK, result.exit(), result.out() + result.err());
        assertEquals("CVR:20921897-FID:12345678", result.value("Serial number"));
        assertEquals("20921897 (OCES2, subject serial number)", result.value("CVR"));
        assertEquals("system", result.value("Kind"));
        assertTrue(result.value("Issuer").contains("CN="), result.out());
        assertTrue(result.value("Valid").endsWith("days left)"), result.out());
        assertEquals(CertificateCommand.fingerprint(AdminFixture.certificate(DemoClient.SYSTEM_FOCES)), result.value("SHA-256"));
        assertEquals("yes (chains to federation-trust.jks, valid, not revoked)", result.value("Federation trust"));
        assertEquals("no (not on a CRL in the CRA database)", result.value("Revoked"));
    }

    @Test
    void certificateWhenOces3PemThenTheCvrOfItsOrganizationIdentifier(@TempDir Path folder) throws Exception {
        X509Certificate foces3 = AdminFixture.certificate(DemoClient.SYSTEM_FOCES3);
        Path pem = folder.resolve("foces3.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(foces3.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);

        AdminFixture.Result result = AdminFixture.run("certificate", pem.toString());

        assertEquals(StsAdmin.OK, result.exit(), result.out() + result.err());
        assertEquals("UI:DK-O:G:2b6a96fc-9a40-4479-8c90-84c2a15c5bce", result.value("Serial number"));
        assertEquals("20921897 (OCES3, organizationIdentifier NTRDK-20921897)", result.value("CVR"));
    }

    @Test
    void certificateWhenDerCerOfAnEmployeeThenEmployee(@TempDir Path folder) throws Exception {
        Path cer = folder.resolve("karl.cer");
        Files.write(cer, AdminFixture.certificate(DemoClient.EMPLOYEE_MOCES).getEncoded());

        AdminFixture.Result result = AdminFixture.run("certificate", cer.toString());

        assertEquals(StsAdmin.OK, result.exit(), result.out() + result.err());
        assertEquals("CVR:20921897-RID:46283716", result.value("Serial number"));
        assertEquals("employee", result.value("Kind"));
    }

    @Test
    void certificateWhenRevokedThenRevokedYesAndExit1() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificate",
                AdminFixture.client(DemoClient.EMPLOYEE_MOCES_REVOKED).toString(), "--password", AdminFixture.PASSWORD);

        assertEquals(StsAdmin.ERRORS, result.exit(), result.out() + result.err());
        assertTrue(result.value("Revoked").startsWith("yes (on the CRL of "), result.out());
        assertEquals("no: The signing certificate CVR:20921897-RID:93817264 has been revoked", result.value("Federation trust"));
    }

    @Test
    void certificateWhenExpiredThenExpiredAndExit1() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificate",
                AdminFixture.client(DemoClient.EMPLOYEE_MOCES_EXPIRED).toString(), "--password", AdminFixture.PASSWORD);

        assertEquals(StsAdmin.ERRORS, result.exit(), result.out() + result.err());
        assertTrue(result.value("Valid").contains("expired"), result.out());
        assertTrue(result.value("Federation trust").startsWith("no: The signing certificate CVR:20921897-RID:52718190 expired at"),
                result.out());
    }

    @Test
    void certificateWhenFromAnUnknownCaThenNotTrustedAndExit1() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificate", AdminFixture.client(DemoClient.UNTRUSTED_FOCES).toString(),
                "--password", AdminFixture.PASSWORD);

        assertEquals(StsAdmin.ERRORS, result.exit(), result.out() + result.err());
        assertEquals("no: Authentication failed: Token in request signed by untrusted party", result.value("Federation trust"));
    }

    @Test
    void certificateWhenKeystoreWithoutPasswordThenUsage() throws Exception {
        AdminFixture.Result result = AdminFixture.run("certificate", AdminFixture.client(DemoClient.SYSTEM_FOCES).toString());

        assertEquals(StsAdmin.USAGE, result.exit());
        assertTrue(result.err().contains("is a keystore: give its --password"), result.err());
    }

    @Test
    void certificateWhenFileMissingOrNotACertificateThenExit1(@TempDir Path folder) throws Exception {
        Path text = Files.writeString(folder.resolve("notes.pem"), "not a certificate");

        AdminFixture.Result missing = AdminFixture.run("certificate", folder.resolve("missing.cer").toString());
        AdminFixture.Result garbage = AdminFixture.run("certificate", text.toString());

        assertEquals(StsAdmin.ERRORS, missing.exit());
        assertTrue(missing.err().contains("missing.cer: no such file"), missing.err());
        assertEquals(StsAdmin.ERRORS, garbage.exit());
        assertTrue(garbage.err().contains("notes.pem"), garbage.err());
    }
}

package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.trust.TrustStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * An operator replaces a trust store file of a running STS (a second STS on its own copy of the configuration
 * folder, so the shared one keeps its files): the new contents are used without a restart, a corrupt file raises
 * the alarm naming it while the last good contents stay in use, and the mended file clears it.
 */
class KeystoreReloadTest {

    private static final char[] PASSWORD = DemoConfiguration.DEFAULT_PASSWORD.toCharArray();
    private static final String KEYSTORES = "Keystores: ";

    private static StsTestServer sts;
    private static StsServer node;
    private static Path nboTrustStore;
    private static NboClientFixture clients;

    @BeforeAll
    static void start(@TempDir Path folder) throws Exception {
        sts = StsTestServer.shared();
        StsTestServer.copyConfiguration(folder);
        nboTrustStore = folder.resolve(DemoConfiguration.NEMLOGIN_IDP_TRUSTSTORE);
        node = StsTestServer.startAnother(folder);
        clients = new NboClientFixture(sts);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void exchangeWhenNboTrustStoreGainsAnIdpThenItIsTrustedWithoutRestartAndACorruptFileKeepsItUntilMended() throws Exception {
        IssuedCredential newIdp = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(
                "CN=Ny NemLog-in IdP + SERIALNUMBER=UI:DK-O:G:" + UUID.randomUUID() + ", O=SOSI-STS demo, C=DK",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(700))).build());
        Map<String, X509Certificate> trusted = new HashMap<>(TrustStore.load(nboTrustStore, PASSWORD).certificates());
        assertTrue(exchange(newIdp).body().contains("signed by untrusted party"), "not trusted yet");

        trusted.put("ny_nemlogin_idp", newIdp.certificate());
        KeystoreFiles.writeTrustStore(nboTrustStore, KeystoreFiles.JKS, trusted, PASSWORD);

        Await.until(() -> exchange(newIdp), response -> !response.body().contains("Fault"));
        HttpResponse<String> calm = page("/alarm");
        assertEquals(200, calm.statusCode(), calm.body());
        assertTrue(keystoresLine(calm).startsWith(KEYSTORES + "OK ("), calm.body());
        assertTrue(keystoresLine(calm).contains("ny_nemlogin_idp "), calm.body());

        Files.write(nboTrustStore, "not a keystore any more".getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> alarm = Await.until(() -> page("/alarm"), page -> keystoresLine(page).contains(nboTrustStore.toString()));
        assertEquals(500, alarm.statusCode(), alarm.body());
        assertTrue(keystoresLine(alarm).startsWith(KEYSTORES + "NBOTrustStore " + nboTrustStore + " cannot be reloaded since "),
                alarm.body());
        assertTrue(keystoresLine(alarm).contains("Cannot read the NBOTrustStore keystore " + nboTrustStore), alarm.body());
        assertTrue(keystoresLine(page("/status")).contains(nboTrustStore + " cannot be reloaded"), page("/status").body());
        assertEquals(200, page("/status").statusCode(), "the STS still works with the last good trust store");
        OioClientFixture.answer(exchange(newIdp));

        KeystoreFiles.writeTrustStore(nboTrustStore, KeystoreFiles.JKS, trusted, PASSWORD);

        HttpResponse<String> mended = Await.until(() -> page("/alarm"), page -> keystoresLine(page).startsWith(KEYSTORES + "OK ("));
        assertEquals(200, mended.statusCode(), mended.body());
        OioClientFixture.answer(exchange(newIdp));
        String checkstatus = page("/checkstatus").body();
        assertTrue(checkstatus.lines().anyMatch(line -> line.startsWith("Keystore NBOTrustStore " + nboTrustStore.getFileName()
                + " loaded ") && line.contains("ny_nemlogin_idp ")), checkstatus);
    }

    /** OIOSaml2Sosi at the node, with Karl's assertion signed by {@code idp}; the backends answer, so only keystores may alarm. */
    private static HttpResponse<String> exchange(IssuedCredential idp) throws Exception {
        String cpr = clients.karlsCpr();
        clients.authorizationsAre(cpr);
        SamlAssertion karl = NboClientFixture.karl(cpr);
        Document request = clients.request(NemLogInDemoIdp.signed(karl, idp),
                NboClientFixture.contextToken(karl, Optional.of("7170"), Optional.empty()));
        return clients.post(node.baseUri(), request);
    }

    private static HttpResponse<String> page(String path) throws Exception {
        return sts.get(URI.create(node.baseUri() + path));
    }

    private static String keystoresLine(HttpResponse<String> page) {
        return page.body().lines().filter(line -> line.startsWith(KEYSTORES)).findFirst()
                .orElseThrow(() -> new AssertionError("no Keystores line in " + page.body()));
    }
}

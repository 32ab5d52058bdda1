package dk.sosi.sts.config.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.cvrrid.HttpCvrRidService;
import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.exchange.TestRequests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/** The STS's TLS identity and trust towards backends, against a WireMock that demands a client certificate. */
class BackendSslContextTest {

    private static WireMockServer server;
    private static URI endpoint;

    @BeforeAll
    static void startServerThatNeedsClientCertificate() {
        Path pki = TestBackendPki.folder();
        server = new WireMockServer(WireMockConfiguration.options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(pki.resolve(TestBackendPki.SERVER_KEYSTORE).toString())
                .keystorePassword(TestBackendPki.PASSWORD)
                .keyManagerPassword(TestBackendPki.PASSWORD)
                .keystoreType("JKS")
                .needClientAuth(true)
                .trustStorePath(pki.resolve(TestBackendPki.SERVER_TRUSTSTORE).toString())
                .trustStorePassword(TestBackendPki.PASSWORD)
                .trustStoreType("JKS"));
        server.start();
        server.stubFor(get(urlEqualTo("/cvr-rid/cvr/20921897/rid/46283716")).willReturn(aResponse().withStatus(200).withBody("0101701234")));
        endpoint = URI.create("https://localhost:" + server.httpsPort() + "/cvr-rid");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void callWhenClientCertificateAndTrustConfiguredThenMutualTlsAnswers() {
        HttpCvrRidService service = service(client(TestBackendPki.CLIENT_KEYSTORE, TestBackendPki.CLIENT_TRUSTSTORE));

        assertEquals(Optional.of("0101701234"), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void callWhenNoClientCertificateThenUnavailable() {
        HttpCvrRidService service = service(client(null, TestBackendPki.CLIENT_TRUSTSTORE));

        assertThrows(BackendUnavailableException.class, () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void callWhenServerNotTrustedThenUnavailableNamingTls() {
        HttpCvrRidService service = service(client(TestBackendPki.CLIENT_KEYSTORE, TestBackendPki.OTHER_TRUSTSTORE));

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(e.getMessage().contains("TLS failed") || e.getMessage().contains("connection failed"), e.getMessage());
    }

    @Test
    void callWhenTruststoreFileReplacedThenNewServerTrustedWithoutRestart(@TempDir Path folder) throws Exception {
        Path truststore = folder.resolve("testtdc.keystore");
        Files.copy(TestBackendPki.folder().resolve(TestBackendPki.OTHER_TRUSTSTORE), truststore);
        TrustStores files = new TrustStores();
        GenericApplicationContext beans = new GenericApplicationContext();
        beans.registerBean(BeanNames.TRUST_STORES, TrustStores.class, () -> files);
        beans.refresh();
        BackendClient client = new BackendClient();
        client.setBeanFactory(beans);
        client.setKeystoreFile(TestBackendPki.folder().resolve(TestBackendPki.CLIENT_KEYSTORE).toString());
        client.setKeystorePassword(TestBackendPki.PASSWORD);
        client.setTruststoreFile(truststore.toString());
        client.setTruststorePassword(TestBackendPki.PASSWORD);
        HttpCvrRidService service = service(client);
        assertThrows(BackendUnavailableException.class, () -> service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        Files.copy(TestBackendPki.folder().resolve(TestBackendPki.CLIENT_TRUSTSTORE), truststore, StandardCopyOption.REPLACE_EXISTING);
        files.refresh();

        assertEquals(Optional.of("0101701234"), service.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void createWhenKeystorePasswordWrongThenStartupExceptionNamingFile() {
        Path keystore = TestBackendPki.folder().resolve(TestBackendPki.CLIENT_KEYSTORE);

        StartupException e = assertThrows(StartupException.class,
                () -> BackendSslContext.create(keystore, "wrong".toCharArray(), null, null));

        assertTrue(e.getMessage().contains(keystore.toString()), e.getMessage());
    }

    @Test
    void createWhenKeystoreHoldsNoKeyThenStartupException() {
        Path truststore = TestBackendPki.folder().resolve(TestBackendPki.CLIENT_TRUSTSTORE);

        StartupException e = assertThrows(StartupException.class,
                () -> BackendSslContext.create(truststore, TestBackendPki.PASSWORD.toCharArray(), null, null));

        assertTrue(e.getMessage().contains("holds no private key"), e.getMessage());
    }

    private static HttpCvrRidService service(BackendClient client) {
        return new HttpCvrRidService(endpoint, client.requestTimeout(), client.httpClient());
    }

    private static BackendClient client(String keystore, String truststore) {
        BackendClient client = new BackendClient();
        if (keystore != null) {
            client.setKeystoreFile(TestBackendPki.folder().resolve(keystore).toString());
            client.setKeystorePassword(TestBackendPki.PASSWORD);
        }
        client.setTruststoreFile(TestBackendPki.folder().resolve(truststore).toString());
        client.setTruststorePassword(TestBackendPki.PASSWORD);
        client.afterPropertiesSet();
        return client;
    }
}

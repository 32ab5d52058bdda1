package dk.sosi.sts.config.crl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import dk.sosi.sts.trust.CrlFetcher;
import dk.sosi.sts.trust.CrlSources;
import dk.sosi.sts.trust.CrlStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The beans {@code crlFetcher} and {@code monitorCRLCheck} exactly as the shipped services.xml declares
 * them, loaded the way the STS loads its configuration folder, against WireMock serving a CRL.
 */
class CrlFetcherBeansTest {

    private static final String CRL_PATH = "/crl/issuing.crl";
    private static final String BEANS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd">
            %s
            </beans>
            """;
    private static final String SERVICE_INFO_COLLECTOR = """
                <bean id="serviceInfoCollector" class="dk.sosi.sts.ServiceInfoCollector" scope="prototype">
                    <constructor-arg value="24"/>
                </bean>
            """;

    private static WireMockServer server;
    private static CertificateAuthority ca;
    private final Map<X500Principal, X509CRL> stored = new ConcurrentHashMap<>();
    private GenericApplicationContext infrastructure;
    private OperatorConfiguration configuration;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Instant now = Instant.now();
        ca = CertificateAuthority.createRoot("CN=Demo CRL CA, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void close() {
        if (configuration != null) {
            configuration.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        server.resetAll();
    }

    @Test
    void loadWhenShippedBeansThenFetcherStoresVerifiedCrlAndCheckAlarmsOnFailedDownload(@TempDir Path folder) throws Exception {
        X509CRL crl = ca.crl(Set.of(), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
        server.stubFor(get(urlEqualTo(CRL_PATH)).willReturn(aResponse().withStatus(200).withBody(crl.getEncoded())));
        load(folder, UnaryOperator.identity());
        CrlFetcher fetcher = configuration.bean("crlFetcher", CrlFetcher.class);
        Check check = configuration.bean("monitorCRLCheck", Check.class);

        fetcher.fetchNow();

        assertEquals(crl, stored.get(crl.getIssuerX500Principal()));
        assertEquals("CRL: OK", check.run().line());
        assertEquals(1, fetcher.serviceInfo().totalCalls());

        server.stubFor(get(urlEqualTo(CRL_PATH)).willReturn(aResponse().withStatus(404)));
        fetcher.fetchNow();

        assertEquals("CRL: FAILED (the latest download from " + url() + " failed: answered HTTP 404)", check.run().line());
    }

    @Test
    void loadWhenShippedBeansThenHourlyUnlessTheSystemPropertySaysOtherwise(@TempDir Path folder) throws Exception {
        load(folder, UnaryOperator.identity());

        CrlFetcherProperties properties = configuration.bean("&crlFetcher", CrlFetcherProperties.class);

        assertEquals(Duration.ofHours(1), properties.toSettings().refreshInterval());
        assertEquals(Duration.ofSeconds(30), properties.toSettings().requestTimeout());
        configuration.close();
        infrastructure.close();
        System.setProperty("sts.crl.refresh", "2");
        try {
            load(folder, UnaryOperator.identity());

            assertEquals(Duration.ofSeconds(2),
                    configuration.bean("&crlFetcher", CrlFetcherProperties.class).toSettings().refreshInterval());
        } finally {
            System.clearProperty("sts.crl.refresh");
        }
    }

    @Test
    void loadWhenTrustStoreMissingThenStartupFailsNamingTheFile(@TempDir Path folder) {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("/federation-trust.jks", "/no-such-trust.jks")));

        assertTrue(e.getMessage().contains("no-such-trust.jks") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void loadWhenRefreshIntervalNotPositiveThenStartupFailsNamingTheProperty(@TempDir Path folder) {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("${sts.crl.refresh:3600}", "0")));

        assertTrue(e.getMessage().contains("refreshIntervalSeconds must be positive, was 0"), e.getMessage());
    }

    private static String url() {
        return "http://127.0.0.1:" + server.port() + CRL_PATH;
    }

    /** A configuration folder whose services.xml holds the shipped beans, after {@code edit}. */
    private void load(Path folder, UnaryOperator<String> edit) throws IOException {
        String shipped = resource("/dk/sosi/sts/config/defaults/services.xml");
        String beans = SERVICE_INFO_COLLECTOR + bean(shipped, "crlFetcher") + bean(shipped, "monitorCRLCheck");
        Files.writeString(folder.resolve("services.xml"), edit.apply(String.format(BEANS, beans)));
        for (String file : List.of("interface.xml", "cvr-rid.xml", "idsas.xml")) {
            Files.writeString(folder.resolve(file), String.format(BEANS, ""));
        }
        KeystoreFiles.writeTrustStore(folder.resolve("federation-trust.jks"), KeystoreFiles.JKS,
                Map.of("demo-crl-ca", ca.certificate()), "Test1234".toCharArray());
        CrlStore store = new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return Optional.ofNullable(stored.get(issuer));
            }

            @Override
            public List<StoredCrl> all() {
                return stored.values().stream().map(crl -> new StoredCrl(crl, url(), Instant.now())).toList();
            }

            @Override
            public void store(X509CRL crl, String sourceUrl) {
                stored.put(crl.getIssuerX500Principal(), crl);
            }
        };
        infrastructure = new GenericApplicationContext();
        infrastructure.registerBean("clock", Clock.class, Clock::systemUTC);
        infrastructure.registerBean("crlStore", CrlStore.class, () -> store);
        infrastructure.registerBean("crlSources", CrlSources.class, () -> () -> List.of(url()));
        infrastructure.refresh();
        configuration = OperatorConfiguration.load(folder, infrastructure);
    }

    private static String bean(String xml, String id) {
        Matcher bean = Pattern.compile("<bean id=\"" + id + "\".*?</bean>", Pattern.DOTALL).matcher(xml);
        assertTrue(bean.find(), id);
        return bean.group();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CrlFetcherBeansTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

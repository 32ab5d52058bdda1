package dk.sosi.sts.config.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.idsas.IdsasService;
import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.backend.procuration.ProcurationService;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.MonitoredService;
import dk.sosi.sts.sla.SlaLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The backend beans as an operator declares them in cvr-rid.xml, interface.xml, idsas.xml and (person
 * information) services.xml, the shipped text, loaded the way the STS loads
 * its configuration folder, against WireMock standing in for the backends.
 */
class BackendBeansTest {

    private static final String SERVICES_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd">
                <bean id="serviceInfoCollector" class="dk.sosi.sts.ServiceInfoCollector" scope="prototype">
                    <constructor-arg value="24"/>
                </bean>
            %s
            </beans>
            """;

    private static WireMockServer backends;
    private GenericApplicationContext infrastructure;
    private OperatorConfiguration configuration;

    @BeforeAll
    static void startBackends() {
        backends = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        backends.start();
        System.setProperty("sts.backends.url", "http://127.0.0.1:" + backends.port() + "/backends");
    }

    @AfterAll
    static void stopBackends() {
        System.clearProperty("sts.backends.url");
        backends.stop();
    }

    @AfterEach
    void close() {
        if (configuration != null) {
            configuration.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        backends.resetAll();
    }

    @Test
    void loadWhenSnippetsDeclaredThenEachServiceAnswersOverHttpAndIsMonitored(@TempDir Path folder) throws Exception {
        backends.stubFor(get(urlEqualTo("/backends/cvr-rid/cvr/20921897/rid/46283716"))
                .willReturn(aResponse().withStatus(200).withBody("0101701234")));
        backends.stubFor(get(urlEqualTo("/backends/pid/pid/9208-2002-2-741852963/cpr/0505651234"))
                .willReturn(aResponse().withStatus(200).withBody("true")));
        backends.stubFor(get(urlEqualTo("/backends/roles/users/0101701234/organisations/20921897/roles"))
                .willReturn(aResponse().withStatus(200).withBody("nspLaegesekretaer\n")));
        backends.stubFor(get(urlEqualTo("/backends/authorization/authorizations/0101701234"))
                .willReturn(aResponse().withStatus(200).withBody("J0184;7170\n")));
        backends.stubFor(get(urlEqualTo("/backends/uuid2cpr/uuid/e9f5888c-26c1-46f7-b22f-de1cf658b0d9"))
                .willReturn(aResponse().withStatus(200).withBody("0101701234")));
        load(folder, UnaryOperator.identity());

        assertEquals(Optional.of("0101701234"),
                configuration.bean("cvrRidService", CvrRidService.class).findRelatedCpr("20921897", "46283716", TestRequests.withMessageId("msg-1")));
        assertTrue(configuration.bean("pidService", PidService.class).isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
        assertEquals(Set.of("nspLaegesekretaer"),
                configuration.bean("userRoleDirectory", UserRoleDirectory.class).rolesOf("0101701234", "20921897", TestRequests.ANY));
        assertEquals(List.of(new Authorization("J0184", "7170")),
                configuration.bean("authorizationRegister", AuthorizationRegister.class).authorizationsOf("0101701234", TestRequests.ANY));
        assertEquals(Optional.of("0101701234"), configuration.bean("uuid2CprService", Uuid2CprService.class)
                .cprOf("e9f5888c-26c1-46f7-b22f-de1cf658b0d9", TestRequests.ANY));

        List<String> ids = List.of("cvrRidService", "pidService", "userRoleDirectory", "authorizationRegister", "uuid2CprService");
        List<ServiceInfoCollector> collectors = ids.stream()
                .map(id -> configuration.bean(id, MonitoredService.class).serviceInfo()).toList();
        for (int i = 0; i < collectors.size(); i++) {
            assertEquals(1, collectors.get(i).window().calls(), ids.get(i));
            for (int j = i + 1; j < collectors.size(); j++) {
                assertNotSame(collectors.get(i), collectors.get(j), "each service has its own serviceInfoCollector");
            }
        }
        assertEquals(List.of("CPR-RID: OK (1 calls, 0 failed)", "CPR-PID: OK (1 calls, 0 failed)",
                        "Roles: OK (1 calls, 0 failed)", "Authorization: OK (1 calls, 0 failed)", "UUID2CPR: OK (1 calls, 0 failed)"),
                checks().stream().map(Check::run).map(CheckResult::line).toList());
    }

    @Test
    void checkWhenBackendFailsEveryCallThenOnlyItsFailureCheckAlarms(@TempDir Path folder) throws Exception {
        backends.stubFor(get(urlEqualTo("/backends/pid/pid/9208-2002-2-741852963/cpr/0505651234"))
                .willReturn(aResponse().withStatus(503)));
        load(folder, UnaryOperator.identity());
        PidService pid = configuration.bean("pidService", PidService.class);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> pid.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));

        assertEquals("PID service did not answer; try again later", e.callerMessage());
        List<CheckResult> results = checks().stream().map(Check::run).toList();
        assertEquals("CPR-PID: FAILED (100% of 1 calls failed in the last 24h, max 5%)", results.get(1).line());
        assertTrue(results.get(0).healthy() && results.get(2).healthy() && results.get(3).healthy() && results.get(4).healthy());
    }

    @Test
    void loadWhenCitizenBackendsShippedThenEachAnswersOverHttpAndHasItsFailureCheck(@TempDir Path folder) throws Exception {
        backends.stubFor(get(urlEqualTo("/backends/procuration/grantors/0707451122/grantees/0505651234/privileges"))
                .willReturn(aResponse().withStatus(200).withBody("urn:dk:sosi:sts:demo:privilege:read\n")));
        backends.stubFor(get(urlEqualTo("/backends/person-information/persons/0505651234/custody"))
                .willReturn(aResponse().withStatus(200).withBody("1503154321\n")));
        backends.stubFor(get(urlEqualTo("/backends/idsas/idsas/20230601/lookup/0505651234"))
                .willReturn(aResponse().withStatus(503)));
        load(folder, UnaryOperator.identity());

        assertEquals(List.of("urn:dk:sosi:sts:demo:privilege:read"), configuration.bean("digstProcurationService", ProcurationService.class)
                .getProcurationPrivileges("0707451122", "0505651234", TestRequests.ANY));
        assertEquals(Set.of("1503154321"), configuration.bean("personInformationClient", PersonInformationService.class)
                .childrenInCustody("0505651234", TestRequests.ANY));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> configuration.bean("idsasService", IdsasService.class).blurredOrganisations("0505651234", TestRequests.ANY));

        assertEquals("IDSAS did not answer; try again later", e.callerMessage());
        assertEquals(List.of("Procuration: OK (1 calls, 0 failed)", "Procuration: OK (1 calls, 0 failed)",
                        "Person Information Client: OK (1 calls, 0 failed)",
                        "IDSAS: FAILED (100% of 1 calls failed in the last 24h, max 5%)"),
                List.of("monitorDigstProcurationServiceCheck", "monitorProcurationCheck", "personInformationServiceClient",
                        "monitorIdsasCheck").stream().map(id -> configuration.bean(id, Check.class).run().line()).toList());
    }

    @Test
    void loadWhenProcurationClassIsV1ThenTheV1ServiceAnswersAndFaultsNameIt(@TempDir Path folder) throws Exception {
        backends.stubFor(get(urlEqualTo("/backends/procuration/grantors/0707451122/grantees/0505651234/privileges"))
                .willReturn(aResponse().withStatus(500)));
        load(folder, xml -> xml.replace("backend.ProcurationWebserviceV2\"", "backend.ProcurationWebservice\""));
        ProcurationService procuration = configuration.bean("digstProcurationService", ProcurationService.class);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> procuration.getProcurationPrivileges("0707451122", "0505651234", TestRequests.ANY));

        assertEquals("Procuration service V1 did not answer; try again later", e.callerMessage());
    }

    @Test
    void loadWhenProcurationEndpointNotAUrlThenStartupFailsNamingTheGuidesProperty(@TempDir Path folder) throws Exception {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("${sts.backends.url:http://127.0.0.1:8080/demo-backends}/procuration", "fuldmagt")));

        assertTrue(e.getMessage().contains("endpoint must be an http or https URL") && !e.getMessage().contains("serviceEndpoint"),
                e.getMessage());
    }

    @Test
    void loadWhenBackendKeystoreMissingThenStartupFailsNamingTheFile(@TempDir Path folder) throws Exception {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("/nsp-test-rid.jks", "/no-such.jks")));

        assertTrue(e.getMessage().contains("no-such.jks") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void loadWhenServiceEndpointNotAUrlThenStartupFailsNamingTheProperty(@TempDir Path folder) throws Exception {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("${sts.backends.url:http://127.0.0.1:8080/demo-backends}/pid", "cpr-pid-host")));

        assertTrue(e.getMessage().contains("serviceEndpoint must be an http or https URL"), e.getMessage());
    }

    @Test
    void loadWhenTimeoutNotPositiveThenStartupFailsNamingTheProperty(@TempDir Path folder) throws Exception {
        StartupException e = assertThrows(StartupException.class,
                () -> load(folder, xml -> xml.replace("name=\"requestTimeoutMillis\" value=\"${sts.backends.requestTimeoutMillis:5000}\"", "name=\"requestTimeoutMillis\" value=\"0\"")));

        assertTrue(e.getMessage().contains("requestTimeoutMillis must be positive"), e.getMessage());
    }

    @Test
    void loadWhenTlsSettingsLeftOutThenPlainHttpStillWorks(@TempDir Path folder) throws Exception {
        backends.stubFor(get(urlEqualTo("/backends/cvr-rid/cvr/20921897/rid/46283716")).willReturn(aResponse().withStatus(404)));
        load(folder, xml -> xml.replaceAll("\\s*<property name=\"(keystore|truststore)(File|Password)\" value=\"[^\"]*\"/>", ""));

        assertFalse(configuration.bean("cvrRidService", CvrRidService.class).findRelatedCpr("20921897", "46283716", TestRequests.ANY).isPresent());
    }

    /** The configuration folder: the snippets as cvr-rid.xml and interface.xml, after {@code edit}. */
    private void load(Path folder, UnaryOperator<String> edit) throws IOException {
        String shippedServices = resource("/dk/sosi/sts/config/defaults/services.xml");
        Files.writeString(folder.resolve("services.xml"), String.format(SERVICES_XML,
                bean(shippedServices, "personInformationClient") + bean(shippedServices, "personInformationServiceClient")));
        Files.writeString(folder.resolve("cvr-rid.xml"), edit.apply(resource("/dk/sosi/sts/config/defaults/cvr-rid.xml")));
        Files.writeString(folder.resolve("interface.xml"), edit.apply(resource("/dk/sosi/sts/config/defaults/interface.xml")));
        Files.writeString(folder.resolve("idsas.xml"), resource("/dk/sosi/sts/config/defaults/idsas.xml"));
        for (String keystore : List.of(TestBackendPki.CLIENT_KEYSTORE, TestBackendPki.CLIENT_TRUSTSTORE)) {
            Files.copy(TestBackendPki.folder().resolve(keystore), folder.resolve(keystore));
        }
        infrastructure = new GenericApplicationContext();
        infrastructure.registerBean("clock", Clock.class, Clock::systemUTC);
        infrastructure.registerBean("slaLog", SlaLog.class, () -> new SlaLog(Clock.systemUTC()));
        infrastructure.refresh();
        configuration = OperatorConfiguration.load(folder, infrastructure);
    }

    private List<Check> checks() {
        return List.of("monitorCvrRidFailureCheck", "monitorPidFailureCheck", "monitorUserRoleFailureCheck",
                "monitorAuthorizationFailureCheck", "monitorUuid2CprCheck").stream().map(id -> configuration.bean(id, Check.class)).toList();
    }

    /** The declaration of bean {@code id} in {@code xml}. */
    private static String bean(String xml, String id) {
        Matcher m = Pattern.compile("<bean id=\"" + id + "\".*?</bean>", Pattern.DOTALL).matcher(xml);
        assertTrue(m.find(), id);
        return m.group();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = BackendBeansTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

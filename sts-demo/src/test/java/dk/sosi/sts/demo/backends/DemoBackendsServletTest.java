package dk.sosi.sts.demo.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.backend.authorization.HttpAuthorizationRegister;
import dk.sosi.sts.backend.cvrrid.HttpCvrRidService;
import dk.sosi.sts.backend.idsas.HttpIdsasService;
import dk.sosi.sts.backend.personinformation.HttpPersonInformationService;
import dk.sosi.sts.backend.pid.HttpPidService;
import dk.sosi.sts.backend.procuration.HttpProcurationService;
import dk.sosi.sts.backend.roles.HttpUserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.HttpUuid2CprService;
import dk.sosi.sts.exchange.TestRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator on a tiny Jetty, asked by the STS's own HTTP clients: it answers the backend contract for the demo data. */
class DemoBackendsServletTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Server jetty;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(DemoBackendsServlet.contextHandler(DemoBackendData.defaults()));
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + DemoBackendsServlet.CONTEXT_PATH);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void findRelatedCprWhenKarlHansensCertificateThenHisCpr() {
        HttpCvrRidService cvrRid = new HttpCvrRidService(endpoint(DemoBackendsServlet.CVR_RID_PATH), TIMEOUT, HTTP);

        assertEquals(Optional.of("0101701234"), cvrRid.findRelatedCpr("20921897", "46283716", TestRequests.ANY));
    }

    @Test
    void cprOfWhenKarlHansensOces3CertificateThenHisCprAndUnknownUuidEmpty() {
        HttpUuid2CprService uuid2Cpr = new HttpUuid2CprService(endpoint(DemoBackendsServlet.UUID2CPR_PATH), TIMEOUT, HTTP);

        assertEquals(Optional.of("0101701234"), uuid2Cpr.cprOf("a0368eea-b281-46cc-9dc9-fec420831906", TestRequests.ANY));
        assertEquals(Optional.empty(), uuid2Cpr.cprOf("00000000-0000-0000-0000-000000000000", TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenRidUnknownThenEmpty() {
        HttpCvrRidService cvrRid = new HttpCvrRidService(endpoint(DemoBackendsServlet.CVR_RID_PATH), TIMEOUT, HTTP);

        assertEquals(Optional.empty(), cvrRid.findRelatedCpr("20921897", "99999999", TestRequests.ANY));
    }

    @Test
    void isRelatedWhenDemoCitizensPidThenTrueOnlyForHisCpr() {
        HttpPidService pid = new HttpPidService(endpoint(DemoBackendsServlet.PID_PATH), TIMEOUT, HTTP);

        assertTrue(pid.isRelated("9208-2002-2-741852963", "0505651234", TestRequests.ANY));
        assertTrue(pid.isRelated("PID:9208-2002-2-741852963", "0505651234", TestRequests.ANY));
        assertFalse(pid.isRelated("9208-2002-2-741852963", "0101701234", TestRequests.ANY));
    }

    @Test
    void getProcurationPrivilegesWhenDemoGrantorAndDemoBorgerThenTheDemoPrivilegeAndNoneTheOtherWay() {
        HttpProcurationService procuration = new HttpProcurationService(HttpProcurationService.Version.V2,
                endpoint(DemoBackendsServlet.PROCURATION_PATH), TIMEOUT, HTTP);

        assertEquals(List.of(DemoBackendData.PROCURATION_PRIVILEGE), procuration.getProcurationPrivileges(
                DemoBackendData.PROCURATION_GRANTOR_CPR, DemoBackendData.CITIZEN_CPR, TestRequests.ANY));
        assertEquals(List.of(), procuration.getProcurationPrivileges(
                DemoBackendData.CITIZEN_CPR, DemoBackendData.PROCURATION_GRANTOR_CPR, TestRequests.ANY));
    }

    @Test
    void childrenInCustodyWhenDemoBorgerThenDemoBarnAndEveryCprValid() {
        HttpPersonInformationService persons = new HttpPersonInformationService(
                endpoint(DemoBackendsServlet.PERSON_INFORMATION_PATH), TIMEOUT, HTTP);

        assertEquals(Set.of(DemoBackendData.CHILD_CPR), persons.childrenInCustody(DemoBackendData.CITIZEN_CPR, TestRequests.ANY));
        assertEquals(Set.of(), persons.childrenInCustody(DemoBackendData.CHILD_CPR, TestRequests.ANY));
        assertTrue(persons.isValid(DemoBackendData.CHILD_CPR, TestRequests.ANY));
    }

    @Test
    void blurredOrganisationsWhenDemoBorgerThenTheDemoOrganisationAndNoneForOthers() {
        HttpIdsasService idsas = new HttpIdsasService(endpoint(DemoBackendsServlet.IDSAS_PATH), TIMEOUT, HTTP);

        assertEquals(List.of(DemoBackendData.BLURRED_ORGANISATION), idsas.blurredOrganisations(DemoBackendData.CITIZEN_CPR, TestRequests.ANY));
        assertEquals(List.of(), idsas.blurredOrganisations(DemoBackendData.CHILD_CPR, TestRequests.ANY));
    }

    @Test
    void rolesOfWhenKarlHansenThenNspLaegesekretaerAndNoneForTheSecondEmployee() {
        HttpUserRoleDirectory roles = new HttpUserRoleDirectory(endpoint(DemoBackendsServlet.ROLES_PATH), TIMEOUT, HTTP);

        assertEquals(Set.of("nspLaegesekretaer"), roles.rolesOf("0101701234", "20921897", TestRequests.ANY));
        assertEquals(Set.of(), roles.rolesOf(DemoBackendData.EMPLOYEE_WITHOUT_ROLES_CPR, "20921897", TestRequests.ANY));
        assertEquals(Set.of(), roles.rolesOf("0101701234", "11111111", TestRequests.ANY));
    }

    @Test
    void authorizationsOfWhenKarlHansenThenJ0184AndNoneForTheSecondEmployee() {
        HttpAuthorizationRegister register = new HttpAuthorizationRegister(endpoint(DemoBackendsServlet.AUTHORIZATION_PATH), TIMEOUT, HTTP);

        assertEquals(List.of(new Authorization("J0184", "7170")), register.authorizationsOf("0101701234", TestRequests.ANY));
        assertEquals(List.of(), register.authorizationsOf(DemoBackendData.EMPLOYEE_WITHOUT_ROLES_CPR, TestRequests.ANY));
    }

    @Test
    void findRelatedCprWhenEndpointMisconfiguredThenBackendUnavailableNotEmpty() {
        HttpCvrRidService wrong = new HttpCvrRidService(endpoint("/cvrrid"), TIMEOUT, HTTP);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> wrong.findRelatedCpr("20921897", "46283716", TestRequests.ANY));

        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
    }

    @Test
    void getWhenUnknownPathThen400ExplainingWhereThePathsAre() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cvr-rid/cvr/20921897")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains(DemoBackendsServlet.class.getName()), response.body());
        assertEquals("text/plain;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void postWhenAnyPathThen405() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/cvr-rid/cvr/20921897/rid/46283716"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
    }

    private static URI endpoint(String servicePath) {
        return URI.create(base + servicePath);
    }
}

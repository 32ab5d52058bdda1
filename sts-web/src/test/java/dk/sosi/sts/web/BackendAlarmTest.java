package dk.sosi.sts.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alarm page over HTTP for a backend: CVR-RID failing above its threshold (interface.xml:
 * monitorCvrRidFailureCheck, 5 %) raises the alarm; enough good calls bring it below again.
 */
class BackendAlarmTest {

    private static StsTestServer sts;
    private static IssuedCredential karl;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        karl = sts.embedded().demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES);
    }

    private static void callCvrRid(boolean failing) throws Exception {
        sts.backends().stubFor(get(urlPathEqualTo(StsBackendPaths.cvrRid(DgwsClientFixture.DEMO_CVR, DgwsClientFixture.KARL_RID)))
                .willReturn(failing ? aResponse().withStatus(500)
                        : aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("0101701234")));
        sts.post("/services/NewSecurityTokenService", DgwsClientFixture.text(DgwsClientFixture.request(
                DgwsClientFixture.userCard(karl.certificate(), "0101701234", "7170").build(), karl, SignatureAlgorithm.RSA_SHA1,
                "backend-alarm")), "text/xml; charset=utf-8");
    }

    private static boolean cprRidHealthy() throws Exception {
        return sts.get("/alarm").body().lines().anyMatch(l -> l.startsWith("CPR-RID: OK"));
    }

    @Test
    void alarmWhenCvrRidFailsAboveThresholdThenFailedAndBelowItThenOk() throws Exception {
        for (int i = 0; i < 200 && !cprRidHealthy(); i++) {
            callCvrRid(false);
        }
        assertTrue(cprRidHealthy(), "below the threshold CPR-RID is OK");

        for (int i = 0; i < 200 && cprRidHealthy(); i++) {
            callCvrRid(true);
        }
        var alarm = sts.get("/alarm");
        assertEquals(500, alarm.statusCode(), alarm.body());
        assertTrue(alarm.body().lines().anyMatch(l -> l.startsWith("CPR-RID: FAILED (") && l.endsWith("max 5%)")), alarm.body());

        for (int i = 0; i < 400 && !cprRidHealthy(); i++) {
            callCvrRid(false);
        }
        assertTrue(cprRidHealthy(), "enough good calls bring CPR-RID below its threshold again");
    }
}

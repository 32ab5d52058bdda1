package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The citizen exchanges' backends (procuration, person information, IDSAS) on the monitoring pages of the shipped configuration. */
class CitizenBackendsMonitoringTest {

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    @Test
    void checkstatusWhenShippedConfigurationThenTwoLinesPerCitizenBackendAsTheGuideShowsProcuration() throws Exception {
        HttpResponse<String> page = sts.get("/checkstatus");

        List<String> lines = page.body().lines().toList();
        for (String service : List.of("Procuration", "Person Information Client", "IDSAS")) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(service + ", latest successful call: (never|\\w{3} .*)")), page.body());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(service + ", latest failed call: ")), page.body());
        }
    }

    @Test
    void alarmWhenShippedConfigurationThenEachCitizenBackendHasItsFailureCheck() throws Exception {
        HttpResponse<String> alarm = sts.get("/alarm");

        List<String> lines = alarm.body().lines().toList();
        for (String service : List.of("Procuration", "Person Information Client", "IDSAS")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(service + ": ")), alarm.body());
        }
    }
}

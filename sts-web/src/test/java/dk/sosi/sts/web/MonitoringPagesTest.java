package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /sts/status, /sts/alarm and /sts/checkstatus over HTTP, with the database up, edited, down and back. */
class MonitoringPagesTest {

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    @Test
    void statusWhenAllIsWellThen200WithOneLinePerCheck() throws Exception {
        HttpResponse<String> status = sts.get("/status");

        assertEquals(200, status.statusCode(), status.body());
        List<String> lines = status.body().lines().toList();
        assertEquals("Sts certificate valid: OK", lines.get(0));
        assertEquals("STS-DB: OK", lines.get(1));
        assertEquals("CRA-DB: OK", lines.get(2));
        assertTrue(lines.get(3).startsWith("STS configuration: OK (loaded "), lines.get(3));
        String keystores = lines.get(lines.size() - 1); // whatever services.xml lists, the keystores come last
        assertTrue(keystores.startsWith("Keystores: OK (") && keystores.contains("stsCredential teststs-1.keystore loaded "),
                status.body());
    }

    @Test
    void alarmWhenCertificateCrlAndDatabasesWellThenTheirLinesOk() throws Exception {
        HttpResponse<String> alarm = sts.get("/alarm");

        List<String> lines = alarm.body().lines().toList();
        assertTrue(lines.containsAll(List.of("Sts certificate valid: OK", "CRL: OK", "STS-DB: OK", "CRA-DB: OK")), alarm.body());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CPR-RID: ")), alarm.body());
        assertEquals(lines.stream().allMatch(l -> l.contains(": OK")) ? 200 : 500, alarm.statusCode(), alarm.body());
    }

    @Test
    void checkstatusWhenAllIsWellThenGuideFormatEndingWithEos() throws Exception {
        HttpResponse<String> page = sts.get("/checkstatus");

        assertEquals(200, page.statusCode(), page.body());
        List<String> lines = page.body().lines().toList();
        assertTrue(lines.get(0).startsWith("Version: "));
        assertTrue(lines.get(1).matches("Local time: \\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ \\d{4}"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Started: "));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Sts certificate, valid until: ")));
        assertTrue(lines.contains("Sts certificate valid: OK"));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Requests, 24h: \\d+")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Response time, max 24h: \\d+ ms")));
        assertTrue(lines.contains("STS-DB: OK"));
        assertTrue(lines.contains("CRA-DB: OK"));
        assertTrue(lines.stream().anyMatch(l -> l.matches("CPR-RID, latest successful call: (never|\\w{3} .*)")), page.body());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CPR-PID, latest failed call: ")), page.body());
        assertEquals("EOS", lines.get(lines.size() - 1));
    }

    @Test
    void statusWhenAdminInsertsAudienceOverJdbcThenRunningStsShowsIt() throws Exception {
        int before = audiences(sts.get("/status").body());
        try (Connection c = sts.jdbc(); Statement s = c.createStatement()) {
            s.execute("use sts_audconf");
            s.executeUpdate("INSERT INTO audienceConfiguration (audience, attribute, attribute_value) VALUES ('https://test-"
                    + UUID.randomUUID() + "', 'lifetime', '300')");
        }

        awaitStatus(body -> audiences(body) == before + 1);
    }

    @Test
    void statusWhenDatabaseStopsThen500AndBackTo200WhenItReturns() throws Exception {
        sts.embedded().database().stopServer();
        try {
            HttpResponse<String> down = awaitStatus(body -> body.contains("STS-DB: FAILED"));
            assertEquals(500, down.statusCode());
            assertTrue(down.body().contains("CRA-DB: FAILED"), down.body());
            // The STS keeps serving on the configuration and CRLs it last read.
            IssuedCredential system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
            HttpResponse<String> issued = sts.post("/services/SecurityTokenService", DgwsClientFixture.text(DgwsClientFixture.request(
                    DgwsClientFixture.systemCard(system.certificate()).build(), system, SignatureAlgorithm.RSA_SHA1, "db-down")),
                    "text/xml");
            assertEquals(200, issued.statusCode());
            assertTrue(issued.body().contains("RequestSecurityTokenResponse"), issued.body());
        } finally {
            sts.embedded().database().restartServer();
        }
        HttpResponse<String> back = awaitStatus(body -> body.contains("STS-DB: OK") && body.contains("STS configuration: OK"));
        assertEquals(200, back.statusCode(), back.body());
    }

    private static HttpResponse<String> awaitStatus(Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> response;
        do {
            response = sts.get("/status");
            if (condition.test(response.body())) {
                return response;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("The status page never showed the expected state:\n" + response.body());
    }

    private static int audiences(String statusBody) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("audienceConfiguration (\\d+)").matcher(statusBody);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}

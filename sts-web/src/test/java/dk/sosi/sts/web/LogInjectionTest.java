package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Values from a request never forge or flood a log line or a fault: control characters are escaped
 * and long values cut, in the fault, in sts.log and in sla.log.
 */
class LogInjectionTest {

    private static StsTestServer sts;
    private static IssuedCredential system;
    private static IssuedCredential karl;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
        system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
        karl = sts.embedded().demo().loadClientCredential(DemoClient.EMPLOYEE_MOCES);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return sts.post("/services/NewSecurityTokenService", body, "text/xml; charset=utf-8");
    }

    @Test
    void postWhenCardVersionHoldsALineBreakAndAForgedLogLineThenFaultAndLogShowItEscaped() throws Exception {
        String request = DgwsClientFixture.systemRequest(system, "forged-line");
        String forged = request.replace(">1.0.1<", ">1.0.1\n2026-11-29T12:00:00.000Z ERROR [main] dk.sosi.sts.Admin - admin logged in<");

        try (LogCapture log = new LogCapture()) {
            SoapFaults fault = SoapFaults.of(post(forged));

            assertEquals("The sosi:IDCardVersion must be 1.0 or 1.0.1, was \"1.0.1\\n2026-11-29T12:00:00.000Z ERROR [main] "
                    + "dk.sosi.sts.Admin -…\"", fault.faultstring());
            List<ILoggingEvent> events = log.requestEvents();
            assertEquals(1, events.size(), log.requestText());
            assertFalse(events.get(0).getFormattedMessage().contains("\n"), events.get(0).getFormattedMessage());
            assertTrue(events.get(0).getFormattedMessage().contains("1.0.1\\n2026"), events.get(0).getFormattedMessage());
        }
    }

    @Test
    void postWhenRoleIs400KilobytesThenFaultAndLogLineStayShort() throws Exception {
        String role = "R".repeat(400_000);
        String request = DgwsClientFixture.text(DgwsClientFixture.request(DgwsClientFixture.userCard(karl.certificate(), "0101701234",
                "7170").userLog(Optional.of(new UserLog(Optional.of("0101701234"), "Karl", "Hansen", Optional.empty(), role,
                        Optional.empty(), Optional.empty()))).build(), karl, SignatureAlgorithm.RSA_SHA1, "huge-role"));

        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> response = post(request);

            SoapFaults fault = SoapFaults.of(response);
            assertTrue(fault.faultstring().length() < 400, fault.faultstring().length() + " characters");
            assertTrue(response.body().length() < 2_000, response.body().length() + " characters");
            assertEquals(1, log.requestEvents().size(), log.requestText());
            assertTrue(log.requestText().length() < 1_000, log.requestText().length() + " characters logged");
        }
    }

    @Test
    void postWhenSecurityIdIs900KilobytesThenTheSlaLineCarriesItCut() throws Exception {
        String messageId = "m" + "0123456789".repeat(90_000);
        Document request = DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(), system,
                SignatureAlgorithm.RSA_SHA1, messageId);

        HttpResponse<String> response = post(DgwsClientFixture.text(request));

        assertTrue(response.body().contains("RequestSecurityTokenResponse"));
        String shown = messageId.substring(0, 128) + "…";
        List<String> sla = SlaLogFile.linesOf(shown, 4);
        assertFalse(sla.isEmpty(), "SLA lines with the id cut to 128 characters");
        assertTrue(sla.stream().allMatch(line -> line.length() < 400), sla.toString());
        assertTrue(Files.readAllLines(Path.of("target", "logs", "sla.log")).stream().allMatch(line -> line.length() < 1_000),
                "no SLA line repeats the whole id");
    }
}

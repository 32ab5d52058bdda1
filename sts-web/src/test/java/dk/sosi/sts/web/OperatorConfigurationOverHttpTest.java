package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.launcher.StsServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's edit of services.xml takes effect on restart: fault HTTP status, and a broken file stops start-up. */
class OperatorConfigurationOverHttpTest {

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    @Test
    void faultWhenHttpCodeForFaultResponseIs500ThenFaultsAnswer500(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        Files.writeString(services, Files.readString(services).replace(
                "<constructor-arg value=\"200\"/>", "<constructor-arg value=\"500\"/>"));

        try (StsServer edited = StsTestServer.startAnother(folder)) {
            HttpResponse<String> response = sts.post(edited.baseUri().resolve("/sts/services/SecurityTokenService"),
                    "not xml".getBytes(), "text/xml");

            assertEquals(500, response.statusCode());
            assertEquals("wst:InvalidRequest", SoapFaults.of(response).faultcode());
        }
    }

    @Test
    void startWhenServicesXmlIsMalformedThenStartupFailsNamingFileAndLine(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        Files.writeString(services, Files.readString(services).replace("</beans>", "<bean id=\"broken\"></beans>"));

        Exception failure = assertThrows(Exception.class, () -> StsTestServer.startAnother(folder).close());

        String message = messages(failure);
        assertTrue(message.contains("services.xml") && message.contains("line"), message);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}

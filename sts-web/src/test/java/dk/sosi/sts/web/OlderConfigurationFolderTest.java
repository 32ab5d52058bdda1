package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.launcher.StsServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A services.xml of an earlier release, without the beans added since (securityTokenService, crlFetcher,
 * certificateExpiryWarning): the STS starts with the shipped defaults for them, serves tokens, and names each on
 * /sts/status as a warning, which leaves the page 200.
 */
class OlderConfigurationFolderTest {

    private static final List<String> ADDED_SINCE = List.of("securityTokenService", "crlFetcher", "certificateExpiryWarning");
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    @Test
    void startWhenServicesXmlLacksBeansAddedSinceThenTokensAndAWarningPerBeanOnStatus(@TempDir Path folder) throws Exception {
        StsTestServer.copyConfiguration(folder);
        Path services = folder.resolve("services.xml");
        String xml = Files.readString(services);
        for (String bean : ADDED_SINCE) {
            xml = withoutBean(xml, bean);
        }
        Files.writeString(services, xml);
        String request = DgwsClientFixture.systemRequest(new DgwsClientFixture(sts.embedded().demo()).client(DemoClient.SYSTEM_FOCES),
                "older-folder");

        try (StsServer older = StsTestServer.startAnother(folder)) {
            HttpResponse<String> token = sts.post(older.baseUri().resolve("/sts/services/NewSecurityTokenService"),
                    request.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
            HttpResponse<String> status = sts.get(older.baseUri().resolve("/sts/status"));

            assertEquals(200, token.statusCode(), token.body());
            Document answer = StsTestServer.xml(token.body());
            assertEquals("SOSI-STS", answer.getElementsByTagNameNS(SAML, "Issuer").item(0).getTextContent(),
                    "the id-card names the issuer of the shipped securityTokenService");
            assertEquals(200, status.statusCode(), status.body());
            List<String> lines = status.body().lines().toList();
            for (String bean : ADDED_SINCE) {
                assertTrue(lines.contains("services.xml: WARNING (bean '" + bean + "' is missing: the shipped default is used; "
                        + "copy it from the shipped services.xml)"), status.body());
            }
        }
    }

    @Test
    void statusWhenTheShippedServicesXmlThenNoBeanIsMissing() throws Exception {
        HttpResponse<String> status = sts.get("/status");

        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().lines().noneMatch(line -> line.startsWith("services.xml: ")), status.body());
    }

    /** {@code xml} without the bean {@code id}, as a services.xml of a release before it was added. */
    private static String withoutBean(String xml, String id) {
        int start = xml.indexOf("<bean id=\"" + id + "\"");
        int end = xml.indexOf("</bean>", start) + "</bean>".length();
        return xml.substring(0, start) + xml.substring(end);
    }
}

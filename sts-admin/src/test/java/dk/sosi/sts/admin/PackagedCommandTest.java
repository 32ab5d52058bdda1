package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's line: {@code java -jar sts-admin/target/sts-admin.jar …} runs the packaged command with its target/lib. */
class PackagedCommandTest {

    private static final Path JAR = Path.of(System.getProperty("sts.admin.jar", "target/sts-admin.jar")).toAbsolutePath();

    private record Run(int exit, String out) {
    }

    private static Run java(Path configDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("STS_CONFIG_DIR", configDir.toString());
        builder.environment().put("STS_JDBC_URL", AdminFixture.embedded().database().jdbcUrl());
        builder.environment().put("STS_JDBC_USER", "root");
        builder.environment().put("STS_JDBC_PASSWORD", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        return new Run(process.exitValue(), out);
    }

    @Test
    void jarWhenCheckOnTheDemoConfigurationThenExit0AndASummary() throws Exception {
        Run check = java(AdminFixture.configDir(), "check");

        assertEquals(StsAdmin.OK, check.exit(), check.out());
        assertTrue(check.out().lines().reduce((first, second) -> second).orElseThrow()
                .matches("OK: nothing to report|0 errors, \\d+ warnings?"), check.out());
    }

    @Test
    void jarWhenWhitelistThenTheInsert(@TempDir Path folder) throws Exception {
        Path cer = folder.resolve("foces.cer");
        Files.write(cer, AdminFixture.certificate(DemoClient.SYSTEM_FOCES).getEncoded());

        Run whitelist = java(AdminFixture.configDir(), "whitelist", "audienceConfiguration", "https://fmk", cer.toString(),
                "--name", "foces");

        assertEquals(StsAdmin.OK, whitelist.exit(), whitelist.out());
        assertTrue(whitelist.out().contains("VALUES ('https://fmk', 'certificate.foces', 'CVR:20921897-FID:12345678'"),
                whitelist.out());
    }

    @Test
    void jarWhenNoCommandThenUsageAndExit2() throws Exception {
        Run usage = java(AdminFixture.configDir());

        assertEquals(StsAdmin.USAGE, usage.exit());
        assertTrue(usage.out().startsWith("usage: sts-admin <command>"), usage.out());
    }
}

package dk.sosi.sts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.config.StartupException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line itself: usage, help, and a missing configuration. */
class StsAdminTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StsAdmin.run(List.of(args), () -> {
            throw new StartupException("The STS needs its configuration folder and database; missing sts.config.dir");
        }, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runWhenNoCommandThenUsageAndExit2() {
        assertEquals(StsAdmin.USAGE, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: sts-admin <command>"));
    }

    @Test
    void runWhenUnknownCommandThenItIsNamedAndExit2() {
        assertEquals(StsAdmin.USAGE, run("chek"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("sts-admin: unknown command 'chek'"));
    }

    @Test
    void runWhenHelpThenUsageOnStdoutAndExit0() {
        assertEquals(StsAdmin.OK, run("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("whitelist <table> <audience-or-issuer> <certificate-file>"));
    }

    @Test
    void runWhenTheConfigurationIsNotGivenThenItsMessageAndExit1() {
        assertEquals(StsAdmin.ERRORS, run("check"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing sts.config.dir"));
    }
}

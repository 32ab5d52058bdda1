package dk.sosi.sts.backend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SLA log lines written while a piece of code runs. The tests log through slf4j-simple, which
 * writes to whatever {@code System.err} is at the time, so the lines are caught there.
 */
public final class SlaLines {

    private SlaLines() {
    }

    /** Runs {@code action} and returns the SLA lines ({@code id=… name=… messageId=…}) it wrote. */
    public static List<String> during(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (RuntimeException e) {
            // the caller asserts on the exception separately; here only the lines count
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" id=2")).toList();
        lines.forEach(original::println);
        return lines;
    }
}

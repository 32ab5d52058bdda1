package dk.sosi.sts.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The SLA log as an operator reads it (target/logs/sla.log under the test logback.xml), written asynchronously. */
final class SlaLogFile {

    private static final Path FILE = Path.of("target", "logs", "sla.log");

    private SlaLogFile() {
    }

    /** The lines of message {@code messageId}, once at least {@code expected} of them have been written (within 5 s). */
    static List<String> linesOf(String messageId, int expected) throws Exception {
        return linesOf(messageId, lines -> lines.size() >= expected);
    }

    /** The lines of message {@code messageId}, once they are {@code complete} (or after 5 s, as they are then). */
    static List<String> linesOf(String messageId, Predicate<List<String>> complete) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<String> lines;
        do {
            lines = Files.exists(FILE) ? Files.readAllLines(FILE).stream()
                    .filter(l -> l.contains(" messageId=" + messageId + " ")).toList() : List.of();
            if (complete.test(lines)) {
                return lines;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        return lines;
    }
}

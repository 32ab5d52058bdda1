package dk.sosi.sts.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.trust.ReloadingFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keystores line: each file once, when it was loaded, and what failed first. */
class KeystoresCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    /** Reads any file but one saying "no key", as the backend keystore read for its key. */
    private static String needsKey(Path file) {
        try {
            String text = Files.readString(file);
            if (text.equals("no key")) {
                throw new IllegalStateException("The backend keystore " + file + " holds no private key to identify the STS with");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String anyText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runWhenAllReadThenOkNamingEachFileAndWhenItWasLoaded() throws IOException {
        Path nbo = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> file = ReloadingFile.read("NBOTrustStore", nbo, KeystoresCheckTest::anyText, text -> Map.of(), CLOCK);

        CheckResult result = new KeystoresCheck(() -> List.of(file)).run();

        assertEquals(Severity.OK, result.severity());
        assertEquals("Keystores: OK (NBOTrustStore nbo.jks loaded 2026-11-29T10:00:00Z [])", result.line());
        assertEquals(List.of("Keystore NBOTrustStore nbo.jks loaded 2026-11-29T10:00:00Z []"), result.checkStatusLines());
    }

    @Test
    void runWhenOneOfTwoReadingsOfAFileFailsThenListedOnceAsFailed() throws IOException {
        Path backend = Files.writeString(folder.resolve("nsp-test-rid.jks"), "key");
        ReloadingFile<String> certificates = ReloadingFile.read("backend keystore", backend, KeystoresCheckTest::anyText,
                text -> Map.of(), CLOCK);
        ReloadingFile<String> key = ReloadingFile.read("backend keystore", backend, KeystoresCheckTest::needsKey, text -> Map.of(),
                CLOCK);
        Files.writeString(backend, "no key");
        certificates.refresh();
        key.refresh();

        CheckResult result = new KeystoresCheck(() -> List.of(certificates, key)).run();

        assertEquals(Severity.WARNING, result.severity());
        assertEquals(1, result.checkStatusLines().size(), result.checkStatusLines().toString());
        assertTrue(result.status().startsWith("backend keystore " + backend + " cannot be reloaded since 2026-11-29T10:00:00Z: "
                + "The backend keystore " + backend + " holds no private key"), result.status());
    }
}

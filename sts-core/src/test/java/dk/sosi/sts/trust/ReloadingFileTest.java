package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read again when its bytes change, its last good contents kept through a bad reading. */
class ReloadingFileTest {

    private static final Instant STARTED = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path folder;

    private final AtomicInteger reads = new AtomicInteger();

    /** Reads the file's text; a file saying "broken" cannot be read, as a corrupt keystore. */
    private String read(Path file) {
        reads.incrementAndGet();
        try {
            String text = Files.readString(file);
            if (text.equals("broken")) {
                throw new IllegalStateException("Keystore was tampered with, or password was incorrect");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReloadingFile<String> watched(Path file) {
        return ReloadingFile.read("NBOTrustStore", file, this::read, text -> Map.of(), Clock.fixed(STARTED, ZoneOffset.UTC));
    }

    @Test
    void refreshWhenBytesUnchangedThenNotReadAgainEvenIfTouched() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> watched = watched(file);
        Files.setLastModifiedTime(file, FileTime.from(STARTED.plusSeconds(60)));

        watched.refresh();
        watched.refresh();

        assertEquals("one", watched.get());
        assertEquals(1, reads.get());
    }

    @Test
    void refreshWhenBytesChangedThenNewContentsInUse() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> watched = watched(file);
        Files.writeString(file, "two"); // same size, maybe the same second

        watched.refresh();

        assertEquals("two", watched.get());
        assertEquals(Optional.empty(), watched.status().failure());
    }

    @Test
    void refreshWhenFileBrokenThenLastGoodKeptAndFailureNamedUntilMended() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> watched = watched(file);

        Files.writeString(file, "broken");
        watched.refresh();
        watched.refresh();

        assertEquals("one", watched.get());
        assertEquals(2, reads.get()); // the broken bytes are tried once, not every interval
        assertEquals("Keystore was tampered with, or password was incorrect", watched.status().failure().orElseThrow().reason());
        assertEquals(STARTED, watched.status().loadedAt());

        Files.writeString(file, "three");
        watched.refresh();

        assertEquals("three", watched.get());
        assertEquals(Optional.empty(), watched.status().failure());
    }

    @Test
    void refreshWhenFileRestoredToWhatIsInUseThenFailureClearedWithoutReading() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> watched = watched(file);
        Files.writeString(file, "broken");
        watched.refresh();

        Files.writeString(file, "one");
        watched.refresh();

        assertEquals(Optional.empty(), watched.status().failure());
        assertEquals(2, reads.get());
    }

    @Test
    void refreshWhenFileRemovedThenFailureSaysSoAndItsReturnIsSeen() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "one");
        ReloadingFile<String> watched = watched(file);
        Files.delete(file);

        watched.refresh();

        assertEquals("one", watched.get());
        assertEquals("The file " + file + " does not exist", watched.status().failure().orElseThrow().reason());

        Files.writeString(file, "one");
        watched.refresh();

        assertEquals(Optional.empty(), watched.status().failure());
    }

    @Test
    void readWhenFileBrokenAtStartThenThrowsWhatTheReaderSays() throws IOException {
        Path file = Files.writeString(folder.resolve("nbo.jks"), "broken");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> watched(file));

        assertTrue(e.getMessage().contains("tampered"), e.getMessage());
    }
}

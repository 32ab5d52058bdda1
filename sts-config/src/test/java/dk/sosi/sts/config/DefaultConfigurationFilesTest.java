package dk.sosi.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultConfigurationFilesTest {

    @Test
    void installWhenFolderEmptyThenAllFourFilesWritten(@TempDir Path folder) {
        List<Path> written = DefaultConfigurationFiles.installMissing(folder);

        assertEquals(OperatorConfiguration.FILES.size(), written.size());
        OperatorConfiguration.FILES.forEach(name -> assertTrue(Files.isRegularFile(folder.resolve(name))));
    }

    @Test
    void installWhenOperatorEditedAFileThenItIsKept(@TempDir Path folder) throws Exception {
        DefaultConfigurationFiles.installMissing(folder);
        Path services = folder.resolve("services.xml");
        String edited = Files.readString(services).replace("value=\"200\"", "value=\"500\"");
        Files.writeString(services, edited);

        List<Path> written = DefaultConfigurationFiles.installMissing(folder);

        assertTrue(written.isEmpty());
        assertEquals(edited, Files.readString(services));
    }

    @Test
    void installWhenUneditedFileFromAnOlderReleaseThenReplacedByTheNewDefault(@TempDir Path folder) throws Exception {
        DefaultConfigurationFiles.installMissing(folder);
        Path idsas = folder.resolve("idsas.xml");
        String shipped = Files.readString(idsas);
        // what an older release shipped, with its hash recorded as written
        Files.writeString(idsas, "<beans/>");
        Files.writeString(folder.resolve(".idsas.xml.shipped"),
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("<beans/>".getBytes())));

        List<Path> written = DefaultConfigurationFiles.installMissing(folder);

        assertEquals(List.of(idsas), written);
        assertEquals(shipped, Files.readString(idsas));
        assertNotEquals("<beans/>", Files.readString(idsas));
    }
}

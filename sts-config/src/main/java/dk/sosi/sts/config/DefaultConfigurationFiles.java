package dk.sosi.sts.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped defaults of the operator's Spring XML files. The embedded demo writes the missing ones
 * into its configuration folder; an operator starts a production folder from them and edits in place.
 */
public final class DefaultConfigurationFiles {

    private static final String LOCATION = "/dk/sosi/sts/config/defaults/";

    private DefaultConfigurationFiles() {
    }

    /** Writes each of {@link OperatorConfiguration#FILES} that {@code folder} lacks; never overwrites an edit. Returns what it wrote. */
    public static List<Path> installMissing(Path folder) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (String name : OperatorConfiguration.FILES) {
                Path target = folder.resolve(name);
                if (Files.exists(target)) {
                    continue;
                }
                try (InputStream in = DefaultConfigurationFiles.class.getResourceAsStream(LOCATION + name)) {
                    if (in == null) {
                        throw new IllegalStateException("The default " + name + " is missing from the STS build");
                    }
                    Path temporary = Files.createTempFile(folder, name, ".tmp");
                    Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    written.add(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the default configuration files to " + folder, e);
        }
        return written;
    }
}

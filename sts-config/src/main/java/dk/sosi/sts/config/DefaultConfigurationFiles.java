package dk.sosi.sts.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The shipped defaults of the operator's Spring XML files. The embedded demo writes them into its
 * configuration folder and keeps them current: a file is replaced by a newer default only while it is
 * still exactly what was shipped (its hash is kept beside it in {@code .<name>.shipped}), so an
 * operator's edit is never overwritten. A production folder is started from them and edited in place.
 */
public final class DefaultConfigurationFiles {

    static final String LOCATION = "/dk/sosi/sts/config/defaults/";

    private DefaultConfigurationFiles() {
    }

    /** Writes each of {@link OperatorConfiguration#FILES} that {@code folder} lacks or still holds unedited; returns what it wrote. */
    public static List<Path> installMissing(Path folder) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (String name : OperatorConfiguration.FILES) {
                Path target = folder.resolve(name);
                Path shipped = folder.resolve("." + name + ".shipped");
                byte[] current = shippedDefault(name);
                if (Files.exists(target) && !(Files.exists(shipped) && unedited(target, shipped))) {
                    continue;
                }
                if (Files.exists(target) && MessageDigest.isEqual(Files.readAllBytes(target), current)) {
                    continue;
                }
                write(folder, target, current);
                write(folder, shipped, sha256(current).getBytes(StandardCharsets.US_ASCII));
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the default configuration files to " + folder, e);
        }
        return written;
    }

    private static boolean unedited(Path target, Path shipped) throws IOException {
        return sha256(Files.readAllBytes(target)).equals(Files.readString(shipped, StandardCharsets.US_ASCII).trim());
    }

    private static byte[] shippedDefault(String name) throws IOException {
        try (InputStream in = DefaultConfigurationFiles.class.getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("The default " + name + " is missing from the STS build");
            }
            return in.readAllBytes();
        }
    }

    private static void write(Path folder, Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}

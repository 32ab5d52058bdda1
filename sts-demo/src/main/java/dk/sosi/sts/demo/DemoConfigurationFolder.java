package dk.sosi.sts.demo;

import dk.sosi.sts.testkit.pki.AtomicFiles;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. Makes sure a folder holds the demo PKI: the keystores of the production
 * configuration folder ({@code /pack/sts}), filled with demo keys, plus client credentials and
 * CRLs for the demo client. The Spring XML files and logback.xml are not its business.
 *
 * <p>A folder is generated once and then reused: {@value DemoConfiguration#PROPERTIES_FILE} is
 * written last and marks it complete. A generation that stopped halfway is recognised by the
 * in-progress marker it wrote first and is redone. A folder that holds any of the keystore names
 * without either marker belongs to someone else and is never overwritten.
 */
public final class DemoConfigurationFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoConfigurationFolder.class);
    /** Written before the first generated file, deleted after the last. */
    static final String IN_PROGRESS_MARKER = ".demo-pki.generating";
    /** Serialises processes (demo launcher started twice, parallel test JVMs) on one folder. */
    static final String LOCK_FILE = ".demo-pki.lock";
    /** FileLock is per process; this serialises the threads of this JVM in front of it. */
    private static final Object JVM_LOCK = new Object();

    private DemoConfigurationFolder() {
    }

    /** As {@link #ensure(Path, Clock, KeyPairSource)} with fresh keys. */
    public static DemoConfiguration ensure(Path folder, Clock clock) {
        return ensure(folder, clock, KeyPairSource.fresh());
    }

    /**
     * Reuses the demo PKI in {@code folder}, re-signing a CRL that is about to expire and adding the
     * client credentials of later versions that it lacks, or generates it (a second or two: fifteen
     * RSA-2048 keys from {@code keys}).
     *
     * @throws IllegalStateException if the folder holds keystores it did not generate, or a
     *                               generated folder has lost files
     * @throws UncheckedIOException  if the folder cannot be read or written
     */
    public static DemoConfiguration ensure(Path folder, Clock clock, KeyPairSource keys) {
        Path absolute = folder.toAbsolutePath().normalize();
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(absolute);
                try (FileChannel channel = FileChannel.open(absolute.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // released when the channel closes
                    return ensureLocked(absolute, clock.instant(), keys);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the demo configuration folder " + absolute, e);
            }
        }
    }

    private static DemoConfiguration ensureLocked(Path folder, Instant now, KeyPairSource keys) throws IOException {
        Path inProgress = folder.resolve(IN_PROGRESS_MARKER);
        if (Files.exists(folder.resolve(DemoConfiguration.PROPERTIES_FILE))) {
            DemoConfiguration existing = read(folder);
            Files.deleteIfExists(inProgress);
            DemoPki.refreshStaleCrls(existing, now);
            DemoPki.issueAddedClients(existing, now);
            LOG.info("Using the demo configuration folder {} generated {}", folder, existing.createdAt());
            return existing;
        }
        if (!Files.exists(inProgress)) {
            refuseForeignFiles(folder);
        } else {
            LOG.warn("The demo PKI generation in {} was interrupted; generating it again", folder);
        }
        AtomicFiles.write(inProgress, new byte[0]);
        long started = System.nanoTime();
        DemoConfiguration generated = new DemoPki(folder, now, keys).generate();
        Files.delete(inProgress);
        LOG.info("Generated the demo PKI in {} in {} ms; see {}", folder,
                (System.nanoTime() - started) / 1_000_000, DemoConfiguration.README_FILE);
        return generated;
    }

    private static void refuseForeignFiles(Path folder) {
        List<String> present = DemoPki.GENERATED_FILES.stream()
                .filter(name -> Files.exists(folder.resolve(name)))
                .toList();
        if (!present.isEmpty()) {
            throw new IllegalStateException("The folder " + folder + " holds " + present
                    + " but no " + DemoConfiguration.PROPERTIES_FILE + ", so the demo did not make them;"
                    + " refusing to overwrite them. Point the demo at an empty folder.");
        }
    }

    private static DemoConfiguration read(Path folder) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(DemoConfiguration.PROPERTIES_FILE))) {
            properties.load(in);
        }
        List<String> added = DemoPki.ADDED_CLIENTS.stream()
                .map(client -> DemoConfiguration.CLIENT_FOLDER + "/" + client.fileName()).toList();
        List<String> missing = DemoPki.GENERATED_FILES.stream()
                .filter(name -> !Files.isRegularFile(folder.resolve(name)) && !added.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The demo configuration folder " + folder + " lacks " + missing
                    + ". Delete the folder to have the demo generate a new one.");
        }
        return new DemoConfiguration(folder,
                Instant.parse(required(properties, "created", folder)),
                required(properties, "password", folder),
                URI.create(required(properties, "crl.url", folder)));
    }

    private static String required(Properties properties, String key, Path folder) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The demo configuration " + folder.resolve(DemoConfiguration.PROPERTIES_FILE)
                    + " lacks '" + key + "'. Delete the folder to have the demo generate a new one.");
        }
        return value;
    }
}

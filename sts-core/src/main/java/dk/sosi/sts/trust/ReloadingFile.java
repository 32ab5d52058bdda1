package dk.sosi.sts.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. A keystore file read into a value and read again when its contents change, so that an
 * operator's new keystore is used without a restart. {@link #get()} is one volatile read: request threads
 * never wait for a reload. {@link #refresh()} (called at an interval) compares the SHA-256 of the file's
 * bytes with the last one it tried: a touch or a copy of the same bytes changes nothing, while a change
 * within the same second and of the same size is still seen. A file that fails to read keeps the last good
 * value and records why, until the file is mended.
 *
 * @param <T> what the file is read into, e.g. a {@link TrustStore}
 */
public final class ReloadingFile<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingFile.class);

    private final String label;
    private final Path file;
    private final Function<Path, T> reader;
    private final Function<T, Map<String, X509Certificate>> certificates;
    private final Clock clock;
    private volatile Loaded<T> loaded;
    private volatile Failure failure;
    private byte[] attempted; // guarded by this: the digest last read, loaded or not

    private ReloadingFile(String label, Path file, Function<Path, T> reader, Function<T, Map<String, X509Certificate>> certificates,
            Clock clock) {
        this.label = Objects.requireNonNull(label, "label");
        this.file = Objects.requireNonNull(file, "file");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads {@code file} now; whatever {@code reader} throws for a bad file is thrown here, so that start-up
     * fails naming it.
     *
     * @param label what the file is for, as the monitoring pages name it, e.g. {@code NBOTrustStore}
     * @param reader reads the file, throwing a {@link RuntimeException} whose message says what is wrong
     * @param certificates the certificates in use from a value, by alias, which the pages fingerprint
     */
    public static <T> ReloadingFile<T> read(String label, Path file, Function<Path, T> reader,
            Function<T, Map<String, X509Certificate>> certificates, Clock clock) {
        ReloadingFile<T> reloading = new ReloadingFile<>(label, file, reader, certificates, clock);
        byte[] digest = digest(file);
        reloading.loaded = new Loaded<>(reader.apply(file), clock.instant(), digest);
        reloading.attempted = digest;
        return reloading;
    }

    /** The value of the file's last good contents. */
    @Override
    public T get() {
        return loaded.value();
    }

    /** Reads the file again if its contents changed since the last attempt; never throws. */
    public synchronized void refresh() {
        byte[] digest;
        try {
            digest = digest(file);
        } catch (RuntimeException e) {
            attempted = null; // whatever comes back must be looked at
            fail(reason(e));
            return;
        }
        if (Arrays.equals(digest, attempted)) {
            return;
        }
        attempted = digest;
        if (Arrays.equals(digest, loaded.digest())) {
            failure = null; // put back as it was: what is in use is what the file holds
            return;
        }
        try {
            loaded = new Loaded<>(reader.apply(file), clock.instant(), digest);
            failure = null;
            LOG.info("Reloaded the {} keystore {}", label, file);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a hostile or huge file must not end the reloading of every other one on the same thread
            fail(reason(e));
        }
    }

    /** What the pages show of this file: when its contents in use were loaded, their certificates, and any failure since. */
    public Status status() {
        Loaded<T> current = loaded;
        return new Status(label, file, current.loadedAt(), certificates.apply(current.value()), Optional.ofNullable(failure));
    }

    private void fail(String reason) {
        Failure previous = failure;
        if (previous == null || !previous.reason().equals(reason)) {
            LOG.warn("The {} keystore {} cannot be reloaded, its last good contents stay in use: {}", label, file, reason);
            failure = new Failure(reason, clock.instant());
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static byte[] digest(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The file " + file + " does not exist"); // the cause would say no more
        } catch (IOException e) {
            throw new IllegalStateException("The file " + file + " cannot be read: " + e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    private record Loaded<T>(T value, Instant loadedAt, byte[] digest) {
    }

    /** Immutable. Why the file's current contents could not be used, and since when. */
    public record Failure(String reason, Instant since) {
    }

    /**
     * Immutable. One file as the monitoring pages show it.
     *
     * @param certificates the certificates in use, by alias
     * @param failure why the file's current contents are not in use, when they are not
     */
    public record Status(String label, Path file, Instant loadedAt, Map<String, X509Certificate> certificates,
            Optional<Failure> failure) {

        public Status {
            certificates = Map.copyOf(certificates);
        }
    }
}

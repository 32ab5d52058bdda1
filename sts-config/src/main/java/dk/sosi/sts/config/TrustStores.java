package dk.sosi.sts.config;

import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.KeystoresCheck;
import dk.sosi.sts.pki.PkiException;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;

/**
 * Thread-safe. Every keystore file of the configuration, each read once and shared by all that use it:
 * the federation trust store serves the DGWS signer check, the CRL fetcher and {@code /sts/certificates};
 * NBOTrustStore and JWTTrustStore serve their exchanges and their monitoring checks; the STS's own
 * keystore serves every signer. Once {@link #start() started}, each file is read again every
 * {@code interval} when its contents changed; a file that fails keeps its last good contents and is
 * named by {@link #check()}. It is the infrastructure bean {@value BeanNames#TRUST_STORES}.
 */
public final class TrustStores implements AutoCloseable {

    /** How often files are looked at when nobody says: at most a minute, as the README promises operators. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Duration interval;
    private final Clock clock;
    private final Map<Path, ReloadingFile<TrustStore>> trustStores = new HashMap<>();
    private final Map<Path, List<Consumer<TrustStore>>> requirements = new HashMap<>();
    private final List<ReloadingFile<?>> files = new ArrayList<>();
    private ScheduledExecutorService reloader;

    /** Files that are read once: a bean built on its own, outside a running STS. */
    public TrustStores() {
        this(DEFAULT_INTERVAL, Clock.systemUTC());
    }

    /** @param interval how often the files are looked at once started */
    public TrustStores(Duration interval, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new StartupException("The keystore reload interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The store in {@code file}, read on first use.
     *
     * @param label what the store is for, named in a start-up failure and on the pages, e.g. {@code NBOTrustStore}
     * @throws StartupException naming the file when it is missing, unreadable or has no certificate
     */
    public ReloadingFile<TrustStore> load(String file, String password, String label) {
        return load(file, password, label, store -> {
        });
    }

    /**
     * The store in {@code file}, read on first use; a reading that {@code requirement} refuses (with an
     * {@link IllegalArgumentException} saying why) is a failed one, whoever else uses the same file.
     */
    public synchronized ReloadingFile<TrustStore> load(String file, String password, String label, Consumer<TrustStore> requirement) {
        if (file == null || password == null) {
            throw new StartupException("The " + label + " needs a keystore file and its password");
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        List<Consumer<TrustStore>> required = requirements.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        ReloadingFile<TrustStore> store = trustStores.get(path);
        if (store == null) {
            required.add(requirement);
            store = watch(label, path, p -> readTrustStore(p, password, label, required), TrustStore::certificates);
            trustStores.put(path, store);
        } else {
            require(requirement, store.get(), label, path);
            required.add(requirement);
        }
        return store;
    }

    /**
     * Any other keystore file, such as the STS's own, read now with {@code reader} and watched like the trust stores.
     *
     * @throws StartupException naming the file when {@code reader} cannot read it
     */
    public synchronized <T> ReloadingFile<T> watch(String label, Path file, Function<Path, T> reader,
            Function<T, Map<String, X509Certificate>> certificates) {
        ReloadingFile<T> watched;
        Path normalized = file.toAbsolutePath().normalize(); // one file, one entry on the pages, however it was named
        try {
            watched = ReloadingFile.read(label, normalized, reader, certificates, clock);
        } catch (StartupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StartupException("Cannot read the " + label + " keystore " + normalized + ": " + e.getMessage(), e);
        }
        files.add(watched);
        return watched;
    }

    /** Starts looking at the files every interval. */
    public synchronized void start() {
        if (reloader == null) {
            reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "keystore-reloader");
                thread.setDaemon(true);
                return thread;
            });
            reloader.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Looks at every file now. */
    public void refresh() {
        files().forEach(ReloadingFile::refresh);
    }

    /** The check {@code Keystores} of {@code /sts/status} and {@code /sts/alarm}: when each file was loaded, and what failed. */
    public Check check() {
        return new KeystoresCheck(this::files);
    }

    private synchronized List<ReloadingFile<?>> files() {
        return List.copyOf(files);
    }

    @Override
    public synchronized void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    private static TrustStore readTrustStore(Path path, String password, String label, List<Consumer<TrustStore>> requirements) {
        TrustStore store;
        try {
            store = TrustStore.load(path, password.toCharArray());
        } catch (UncheckedIOException | PkiException e) {
            throw new StartupException("Cannot read the " + label + " keystore " + path + ": " + e.getMessage(), e);
        }
        if (store.certificates().isEmpty()) {
            throw new StartupException("The " + label + " keystore " + path + " holds no certificates");
        }
        for (Consumer<TrustStore> requirement : requirements) {
            require(requirement, store, label, path);
        }
        return store;
    }

    private static void require(Consumer<TrustStore> requirement, TrustStore store, String label, Path path) {
        try {
            requirement.accept(store);
        } catch (IllegalArgumentException e) {
            throw new StartupException("The " + label + " keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** The registry of {@code beans} when it has one (a running STS), else a new one (a bean built on its own). */
    public static TrustStores of(BeanFactory beans) {
        Objects.requireNonNull(beans, "beans");
        return beans.containsBean(BeanNames.TRUST_STORES) ? beans.getBean(BeanNames.TRUST_STORES, TrustStores.class)
                : new TrustStores();
    }
}

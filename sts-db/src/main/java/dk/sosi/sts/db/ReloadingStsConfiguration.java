package dk.sosi.sts.db;

import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.configuration.ReloadStatus;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.db.internal.Causes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The database configuration as a snapshot that is read again every refresh interval
 * on one background thread ({@value #THREAD_NAME}) and swapped in atomically, so that readers never
 * wait for the database and an admin's SQL takes effect within the interval, without a restart.
 *
 * <p>A failed reload keeps the last good snapshot, logs one warning line and is recorded in
 * {@link #status()}. If the database is down at start, {@link #start()} still returns:
 * {@link #current()} then throws {@link ConfigurationUnavailableException} until a reload succeeds.
 * While no snapshot is loaded, or the last attempt failed, the thread retries every
 * {@value #RETRY_SECONDS} seconds (or the refresh interval, if shorter), so the STS recovers soon
 * after the database is back.
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} at shutdown.
 */
public final class ReloadingStsConfiguration implements StsConfiguration, AutoCloseable {

    /** The refresh interval when none is given. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

    /** The guide promises that database changes take effect within 10 minutes. */
    static final Duration GUIDE_MAXIMUM_DELAY = Duration.ofMinutes(10);

    static final String THREAD_NAME = "sts-config-reload";
    static final int RETRY_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingStsConfiguration.class);

    private final ConfigurationLoader loader;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Duration retryInterval;
    private final AtomicReference<ConfigurationSnapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<ReloadStatus> status = new AtomicReference<>(ReloadStatus.neverReloaded());
    private final Object reloadLock = new Object();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by reloadLock.
    private Instant lastAttempt = Instant.MIN;
    private String lastLoggedFailure; // the Causes.kind of the last failure logged at WARN
    private int consecutiveFailures;
    private boolean started;

    /**
     * @param refreshInterval how often the tables are read again; must be positive. Keep it at most
     *     10 minutes, which is the delay the operations guide promises admins.
     */
    public ReloadingStsConfiguration(ConfigurationLoader loader, Duration refreshInterval, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be > 0, was " + refreshInterval);
        }
        Duration retry = Duration.ofSeconds(RETRY_SECONDS);
        this.retryInterval = refreshInterval.compareTo(retry) < 0 ? refreshInterval : retry;
        if (refreshInterval.compareTo(GUIDE_MAXIMUM_DELAY) > 0) {
            LOG.warn("The STS configuration refresh interval {} is longer than the {} within which the operations "
                    + "guide promises that database changes take effect", refreshInterval, GUIDE_MAXIMUM_DELAY);
        }
    }

    /** Reads the tables through a {@link JdbcConfigurationLoader} on {@code dataSource}. */
    public ReloadingStsConfiguration(DataSource dataSource, Duration refreshInterval, Clock clock) {
        this(new JdbcConfigurationLoader(dataSource, clock), refreshInterval, clock);
    }

    public ReloadingStsConfiguration(ConfigurationLoader loader, Duration refreshInterval) {
        this(loader, refreshInterval, Clock.systemUTC());
    }

    public ReloadingStsConfiguration(ConfigurationLoader loader) {
        this(loader, DEFAULT_REFRESH_INTERVAL);
    }

    /**
     * Reads the configuration once on the calling thread, then starts the background refresh. Never
     * throws because the database is unreachable: that is recorded in {@link #status()}.
     *
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public void start() {
        synchronized (reloadLock) {
            if (started || scheduler.isShutdown()) {
                throw new IllegalStateException("ReloadingStsConfiguration can only be started once");
            }
            started = true;
            reload();
        }
        // The thread wakes up at the retry pace and reloads when due; see reloadIfDue.
        long tickMillis = Math.max(1, retryInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::reloadIfDue, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the configuration now, e.g. after an admin's change that should not wait for the
     * interval.
     *
     * @return whether a fresh snapshot is now current; on {@code false} the previous one stays and
     *     {@link #status()} says why
     */
    public boolean reloadNow() {
        synchronized (reloadLock) {
            return reload();
        }
    }

    @Override
    public ConfigurationSnapshot current() {
        ConfigurationSnapshot current = snapshot.get();
        if (current == null) {
            throw new ConfigurationUnavailableException(status.get().lastFailureCause().orElse(null));
        }
        return current;
    }

    @Override
    public ReloadStatus status() {
        return status.get();
    }

    /** Stops the background refresh; {@link #current()} keeps answering with the last snapshot. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void reloadIfDue() {
        synchronized (reloadLock) {
            boolean due = snapshot.get() == null
                    || status.get().failing()
                    || !clock.instant().isBefore(lastAttempt.plus(refreshInterval));
            if (due) {
                reload();
            }
        }
    }

    // Called with reloadLock held, so attempts never overlap and a slow old read cannot replace a newer one.
    private boolean reload() {
        lastAttempt = clock.instant();
        ConfigurationSnapshot fresh;
        try {
            fresh = loader.load();
        } catch (Exception e) { // the loader's SQLException, or a row the model refuses; both keep the old snapshot
            recordFailure(e);
            return false;
        }
        ConfigurationSnapshot previous = snapshot.getAndSet(fresh);
        status.updateAndGet(current -> current.succeeded(fresh.loadedAt()));
        logSuccess(previous, fresh);
        consecutiveFailures = 0;
        lastLoggedFailure = null;
        return true;
    }

    private void recordFailure(Exception e) {
        String cause = Causes.describe(e);
        status.updateAndGet(current -> current.failed(clock.instant(), cause));
        consecutiveFailures++;
        ConfigurationSnapshot kept = snapshot.get();
        // One line per kind of failure: a database that stays down must not fill the log.
        String kind = Causes.kind(e);
        if (!kind.equals(lastLoggedFailure)) {
            lastLoggedFailure = kind;
            if (kept == null) {
                LOG.warn("Could not load the STS configuration from the database; no configuration is loaded yet, "
                        + "retrying every {} ms: {}", retryInterval.toMillis(), cause);
            } else {
                LOG.warn("Could not reload the STS configuration from the database; keeping the configuration "
                        + "loaded at {}: {}", kept.loadedAt(), cause);
            }
        } else {
            LOG.debug("Reloading the STS configuration failed again ({} times in a row): {}", consecutiveFailures, cause);
        }
    }

    private void logSuccess(ConfigurationSnapshot previous, ConfigurationSnapshot fresh) {
        if (consecutiveFailures > 0) {
            LOG.info("Loaded the STS configuration from the database after {} failed attempt(s)", consecutiveFailures);
        }
        if (previous == null || !sameContent(previous, fresh)) {
            LOG.info("STS configuration {}: {} iboConfig, {} audienceConfiguration, {} trustedIdpConfiguration, "
                            + "{} trustedIdpCitizenConfiguration, {} ehdsiAudienceConfiguration audiences/issuers; "
                            + "{} roleDefinitions, {} trustedCvr, {} ehdsiPoliciesConfiguration rows",
                    previous == null ? "loaded" : "changed",
                    fresh.iboConfig().size(), fresh.audienceConfiguration().keys().size(),
                    fresh.trustedIdpConfiguration().keys().size(), fresh.trustedIdpCitizenConfiguration().keys().size(),
                    fresh.ehdsiAudienceConfiguration().keys().size(), fresh.roleDefinitions().size(),
                    fresh.trustedCvr().size(), fresh.ehdsiPoliciesConfiguration().size());
        }
    }

    private static boolean sameContent(ConfigurationSnapshot a, ConfigurationSnapshot b) {
        return a.iboConfig().equals(b.iboConfig())
                && a.audienceConfiguration().equals(b.audienceConfiguration())
                && a.trustedIdpConfiguration().equals(b.trustedIdpConfiguration())
                && a.trustedIdpCitizenConfiguration().equals(b.trustedIdpCitizenConfiguration())
                && a.roleDefinitions().equals(b.roleDefinitions())
                && a.trustedCvr().equals(b.trustedCvr())
                && a.ehdsiAudienceConfiguration().equals(b.ehdsiAudienceConfiguration())
                && a.ehdsiPoliciesConfiguration().equals(b.ehdsiPoliciesConfiguration());
    }
}

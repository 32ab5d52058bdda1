package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.CRL;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.db.internal.Causes;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.KeyIdentifiers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The CRA in {@code sts_cra.crl}: one current revocation list per issuing CA key (issuer
 * name and authority key identifier), shared by all STS nodes.
 *
 * <p>Reads never touch the database: every certificate validation asks, and none may wait for it.
 * They answer from the last snapshot, which a background thread, {@value #THREAD_NAME}, reads again
 * every refresh interval after {@link #start()}; a refresh only downloads the lists whose row changed
 * (CRLs run to megabytes). While the database is down or hangs, the snapshot stays in use (the CRA-DB
 * check on the status page shows the outage, and the CRL check shows when lists get old); the first
 * failure logs a warning, the recovery an info line.
 */
public final class JdbcCrlStore implements CrlStore, AutoCloseable {

    /** How often the snapshot is read again, for lists stored by other nodes, when none is given. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);
    public static final String THREAD_NAME = "sts-cra-refresh";

    private static final String TABLE = qualified(STS_CRA, CRL);
    private static final String NO_KEY_ID = "";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCrlStore.class);

    // Assignments of ON DUPLICATE KEY UPDATE run left to right, so this_update is assigned last and
    // every IF before it still compares with the stored list's this_update. A list replaces the
    // stored one only when it is at least as new, so a slow node cannot put an old list back.
    // VALUES() is understood by MySQL 8 and MariaDB alike.
    private static final String UPSERT = "INSERT INTO " + TABLE
            + " (issuer_hash, issuer_dn, authority_key_id, crl, this_update, next_update, source_url, stored_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE"
            + " issuer_dn = IF(VALUES(this_update) >= this_update, VALUES(issuer_dn), issuer_dn),"
            + " crl = IF(VALUES(this_update) >= this_update, VALUES(crl), crl),"
            + " next_update = IF(VALUES(this_update) >= this_update, VALUES(next_update), next_update),"
            + " source_url = IF(VALUES(this_update) >= this_update, VALUES(source_url), source_url),"
            + " stored_at = IF(VALUES(this_update) >= this_update, VALUES(stored_at), stored_at),"
            + " this_update = GREATEST(this_update, VALUES(this_update))";
    // A list stored before the lists were kept per key has no key in its row: once its key's newer list is
    // stored, it is that key's old list.
    private static final String DELETE_UNKEYED = "DELETE FROM " + TABLE
            + " WHERE issuer_hash = ? AND authority_key_id = '' AND this_update <= ?";
    private static final String SELECT_VERSIONS = "SELECT issuer_hash, authority_key_id, stored_at, this_update FROM " + TABLE;
    private static final String SELECT_ONE = "SELECT crl, source_url, stored_at, this_update FROM " + TABLE
            + " WHERE issuer_hash = ? AND authority_key_id = ?";

    private final DataSource dataSource;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final ScheduledThreadPoolExecutor scheduler;

    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private boolean failing; // guarded by refreshLock
    private boolean started;

    /**
     * @param refreshInterval how often the background thread reads the lists again; must be positive
     */
    public JdbcCrlStore(DataSource dataSource, Duration refreshInterval, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be > 0, was " + refreshInterval);
        }
        // No thread exists until start().
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
    }

    public JdbcCrlStore(DataSource dataSource, Clock clock) {
        this(dataSource, DEFAULT_REFRESH_INTERVAL, clock);
    }

    public JdbcCrlStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /**
     * Reads the lists now, on the calling thread (so that the first request knows them when the database
     * answers), then every refresh interval on the background thread.
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The CRA store has started already");
        }
        started = true;
        refreshNow();
        scheduler.scheduleWithFixedDelay(this::scheduledRefresh, refreshInterval.toMillis(), refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void scheduledRefresh() {
        // A task that throws is never run again: nothing may leave it, not even a list too large to parse.
        try {
            refreshNow();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.warn("Could not read the CRLs in {}; trying again in {}", TABLE, refreshInterval, e);
        }
    }

    /**
     * Reads the changed lists into a new snapshot now, after any refresh in progress.
     *
     * @return false when the database could not be read; the previous snapshot stays in use
     */
    public boolean refreshNow() {
        refreshLock.lock();
        try {
            snapshot = new Snapshot(read(snapshot.byRow()));
            if (failing) {
                LOG.info("The CRLs in {} are read again ({} list(s))", TABLE, snapshot.all().size());
            }
            failing = false;
            return true;
        } catch (SQLException e) {
            if (!failing) {
                LOG.warn("Could not read the CRLs in {}; keeping the {} list(s) read before until it answers: {}", TABLE,
                        snapshot.all().size(), Causes.describe(e));
            }
            failing = true;
            return false;
        } finally {
            refreshLock.unlock();
        }
    }

    /** Stops the background thread, interrupting a refresh in progress. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    @Override
    public List<StoredCrl> all() {
        return snapshot.all();
    }

    /**
     * Stores {@code crl} unless the stored list of its issuer and CA key has a later thisUpdate; a list
     * with the same thisUpdate replaces it (a re-download may come from another URL). Then reads the
     * snapshot again, so that this node uses the new list at once.
     *
     * @throws IllegalStateException when the database cannot be written; the caller (the fetcher)
     *     tries again at its next run
     */
    @Override
    public void store(X509CRL crl, String sourceUrl) {
        Objects.requireNonNull(crl, "crl");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        X500Principal issuer = crl.getIssuerX500Principal();
        Optional<String> keyId = KeyIdentifiers.authorityKeyId(crl);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, issuerHash(issuer));
            upsert.setString(2, issuer.getName());
            upsert.setString(3, keyId.orElse(NO_KEY_ID));
            upsert.setBytes(4, crl.getEncoded());
            upsert.setObject(5, toUtc(crl.getThisUpdate().toInstant()));
            upsert.setObject(6, crl.getNextUpdate() == null ? null : toUtc(crl.getNextUpdate().toInstant()));
            upsert.setString(7, sourceUrl);
            upsert.setObject(8, toUtc(clock.instant()));
            upsert.executeUpdate();
            if (keyId.isPresent() && hasUnkeyedListOfKey(issuer, keyId.get())) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE_UNKEYED)) {
                    delete.setString(1, issuerHash(issuer));
                    delete.setObject(2, toUtc(crl.getThisUpdate().toInstant()));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException | CRLException e) {
            throw new IllegalStateException("Could not store the CRL of " + issuer.getName() + " from " + sourceUrl
                    + " in " + TABLE + ": " + Causes.describe(e), e);
        }
        LOG.debug("Stored the CRL of {} (key {}, thisUpdate {}) from {}", issuer.getName(), keyId.orElse("not named"),
                crl.getThisUpdate().toInstant(), sourceUrl);
        refreshNow();
    }

    /** Whether a row without a key holds a list of {@code issuer} whose own extension names {@code keyId}. */
    private boolean hasUnkeyedListOfKey(X500Principal issuer, String keyId) {
        CachedCrl unkeyed = snapshot.byRow().get(new RowKey(issuerHash(issuer), NO_KEY_ID));
        return unkeyed != null && unkeyed.stored().authorityKeyId().equals(Optional.of(keyId));
    }

    private Map<RowKey, CachedCrl> read(Map<RowKey, CachedCrl> previous) throws SQLException {
        Map<RowKey, CachedCrl> fresh = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<RowKey, RowVersion> versions = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(SELECT_VERSIONS)) {
                while (result.next()) {
                    versions.put(new RowKey(result.getString("issuer_hash"), result.getString("authority_key_id")),
                            new RowVersion(fromUtc(result.getObject("stored_at", LocalDateTime.class)),
                                    fromUtc(result.getObject("this_update", LocalDateTime.class))));
                }
            }
            for (Map.Entry<RowKey, RowVersion> row : versions.entrySet()) {
                CachedCrl cached = previous.get(row.getKey());
                if (cached != null && cached.version().equals(row.getValue())) {
                    fresh.put(row.getKey(), cached);
                } else {
                    readOne(connection, row.getKey()).ifPresent(crl -> fresh.put(row.getKey(), crl));
                }
            }
        }
        return Map.copyOf(fresh);
    }

    private Optional<CachedCrl> readOne(Connection connection, RowKey row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setString(1, row.issuerHash());
            statement.setString(2, row.authorityKeyId());
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty(); // deleted between the two queries
                }
                RowVersion version = new RowVersion(fromUtc(result.getObject("stored_at", LocalDateTime.class)),
                        fromUtc(result.getObject("this_update", LocalDateTime.class)));
                byte[] der = result.getBytes("crl");
                try {
                    X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                            .generateCRL(new ByteArrayInputStream(der));
                    return Optional.of(new CachedCrl(
                            new StoredCrl(crl, result.getString("source_url"), version.storedAt()), version));
                } catch (CertificateException | CRLException e) {
                    // One damaged row must not hide the other issuers' lists.
                    LOG.warn("Ignoring the CRL with issuer_hash {} and authority_key_id '{}' in {}: it is not a DER-encoded"
                            + " X.509 CRL: {}", row.issuerHash(), row.authorityKeyId(), TABLE, Causes.describe(e));
                    return Optional.empty();
                }
            }
        }
    }

    /** SHA-256 of the canonical name, so that equal names encoded differently are one issuer. */
    static String issuerHash(X500Principal issuer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(issuer.getName(X500Principal.CANONICAL).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    // DATETIME has no zone: the columns hold UTC, truncated to the column's milliseconds so that the
    // comparison in UPSERT sees what was stored.
    private static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant fromUtc(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private record RowKey(String issuerHash, String authorityKeyId) {
    }

    private record RowVersion(Instant storedAt, Instant thisUpdate) {
    }

    private record CachedCrl(StoredCrl stored, RowVersion version) {
    }

    /** Immutable. The lists as last read, by row, and in the order pages list them (issuer, then key). */
    private record Snapshot(Map<RowKey, CachedCrl> byRow, List<StoredCrl> all) {

        static final Snapshot EMPTY = new Snapshot(Map.of());

        Snapshot(Map<RowKey, CachedCrl> byRow) {
            this(byRow, byRow.values().stream().map(CachedCrl::stored)
                    .sorted(Comparator.comparing((StoredCrl stored) -> stored.crl().getIssuerX500Principal().getName())
                            .thenComparing(stored -> stored.authorityKeyId().orElse(NO_KEY_ID)))
                    .toList());
        }
    }
}

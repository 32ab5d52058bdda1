package dk.sosi.sts.db;

import static dk.sosi.sts.db.StsDatabaseNames.CRL;
import static dk.sosi.sts.db.StsDatabaseNames.STS_CRA;
import static dk.sosi.sts.db.StsDatabaseNames.qualified;

import dk.sosi.sts.db.internal.Causes;
import dk.sosi.sts.trust.CrlStore;
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
import java.util.concurrent.locks.ReentrantLock;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. The CRA in {@code sts_cra.crl}: one current revocation list per issuing CA, shared by
 * all STS nodes.
 *
 * <p>Reads come from memory, refreshed from the database at most once per refresh interval, because
 * every certificate validation asks and must not cost a database round trip. A refresh only
 * downloads the lists whose row changed (CRLs run to megabytes). When the database is down, the
 * cached lists stay in use and each failed refresh logs one line; the CRL check on the status page
 * shows when lists get old.
 */
public final class JdbcCrlStore implements CrlStore {

    /** How often reads look for lists stored by other nodes, when none is given. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);

    private static final String TABLE = qualified(STS_CRA, CRL);
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCrlStore.class);

    // Assignments of ON DUPLICATE KEY UPDATE run left to right, so this_update is assigned last and
    // every IF before it still compares with the stored list's this_update. A list replaces the
    // stored one only when it is at least as new, so a slow node cannot put an old list back.
    // VALUES() is understood by MySQL 8 and MariaDB alike.
    private static final String UPSERT = "INSERT INTO " + TABLE
            + " (issuer_hash, issuer_dn, crl, this_update, next_update, source_url, stored_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE"
            + " issuer_dn = IF(VALUES(this_update) >= this_update, VALUES(issuer_dn), issuer_dn),"
            + " crl = IF(VALUES(this_update) >= this_update, VALUES(crl), crl),"
            + " next_update = IF(VALUES(this_update) >= this_update, VALUES(next_update), next_update),"
            + " source_url = IF(VALUES(this_update) >= this_update, VALUES(source_url), source_url),"
            + " stored_at = IF(VALUES(this_update) >= this_update, VALUES(stored_at), stored_at),"
            + " this_update = GREATEST(this_update, VALUES(this_update))";
    private static final String SELECT_VERSIONS = "SELECT issuer_hash, stored_at, this_update FROM " + TABLE;
    private static final String SELECT_ONE = "SELECT crl, source_url, stored_at, this_update FROM " + TABLE
            + " WHERE issuer_hash = ?";

    private final DataSource dataSource;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();

    private volatile Map<String, CachedCrl> cache = Map.of();
    private volatile boolean loaded;
    private volatile Instant nextRefresh = Instant.MIN;

    /**
     * @param refreshInterval how long reads may use the cache before looking for lists stored by
     *     other nodes; must be positive
     */
    public JdbcCrlStore(DataSource dataSource, Duration refreshInterval, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be > 0, was " + refreshInterval);
        }
    }

    public JdbcCrlStore(DataSource dataSource, Clock clock) {
        this(dataSource, DEFAULT_REFRESH_INTERVAL, clock);
    }

    public JdbcCrlStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    @Override
    public Optional<X509CRL> forIssuer(X500Principal issuer) {
        Objects.requireNonNull(issuer, "issuer");
        refreshIfDue();
        return Optional.ofNullable(cache.get(issuerHash(issuer))).map(cached -> cached.stored().crl());
    }

    @Override
    public List<StoredCrl> all() {
        refreshIfDue();
        return cache.values().stream()
                .map(CachedCrl::stored)
                .sorted(Comparator.comparing(stored -> stored.crl().getIssuerX500Principal().getName()))
                .toList();
    }

    /**
     * Stores {@code crl} unless the stored list of its issuer has a later thisUpdate; a list with
     * the same thisUpdate replaces it (a re-download may come from another URL).
     *
     * @throws IllegalStateException when the database cannot be written; the caller (the fetcher)
     *     tries again at its next run
     */
    @Override
    public void store(X509CRL crl, String sourceUrl) {
        Objects.requireNonNull(crl, "crl");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        X500Principal issuer = crl.getIssuerX500Principal();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, issuerHash(issuer));
            upsert.setString(2, issuer.getName());
            upsert.setBytes(3, crl.getEncoded());
            upsert.setObject(4, toUtc(crl.getThisUpdate().toInstant()));
            upsert.setObject(5, crl.getNextUpdate() == null ? null : toUtc(crl.getNextUpdate().toInstant()));
            upsert.setString(6, sourceUrl);
            upsert.setObject(7, toUtc(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException | CRLException e) {
            throw new IllegalStateException("Could not store the CRL of " + issuer.getName() + " from " + sourceUrl
                    + " in " + TABLE + ": " + Causes.describe(e), e);
        }
        LOG.debug("Stored the CRL of {} (thisUpdate {}) from {}", issuer.getName(), crl.getThisUpdate().toInstant(),
                sourceUrl);
        // Waits for the lock, so that this node's readers see the new list at once, even when another
        // thread's refresh started before the upsert.
        refreshLock.lock();
        try {
            refresh();
        } finally {
            refreshLock.unlock();
        }
    }

    private void refreshIfDue() {
        if (clock.instant().isBefore(nextRefresh)) {
            return;
        }
        // Once something is cached, readers never queue behind a refresh: one refreshes, the others
        // use the cache. Before the first load they wait, since an empty cache answers "no CRL".
        if (loaded) {
            if (!refreshLock.tryLock()) {
                return;
            }
        } else {
            refreshLock.lock();
        }
        try {
            if (!clock.instant().isBefore(nextRefresh)) {
                refresh();
            }
        } finally {
            refreshLock.unlock();
        }
    }

    // Called with refreshLock held.
    private void refresh() {
        try {
            cache = read(cache);
            loaded = true;
        } catch (SQLException e) {
            LOG.warn("Could not read the CRLs in {}; keeping the {} cached list(s): {}", TABLE, cache.size(),
                    Causes.describe(e));
        } finally {
            nextRefresh = clock.instant().plus(refreshInterval);
        }
    }

    private Map<String, CachedCrl> read(Map<String, CachedCrl> previous) throws SQLException {
        Map<String, CachedCrl> fresh = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, RowVersion> versions = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(SELECT_VERSIONS)) {
                while (result.next()) {
                    versions.put(result.getString("issuer_hash"), new RowVersion(
                            fromUtc(result.getObject("stored_at", LocalDateTime.class)),
                            fromUtc(result.getObject("this_update", LocalDateTime.class))));
                }
            }
            for (Map.Entry<String, RowVersion> row : versions.entrySet()) {
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

    private Optional<CachedCrl> readOne(Connection connection, String issuerHash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setString(1, issuerHash);
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
                    LOG.warn("Ignoring the CRL with issuer_hash {} in {}: it is not a DER-encoded X.509 CRL: {}",
                            issuerHash, TABLE, Causes.describe(e));
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

    private record RowVersion(Instant storedAt, Instant thisUpdate) {
    }

    private record CachedCrl(StoredCrl stored, RowVersion version) {
    }
}

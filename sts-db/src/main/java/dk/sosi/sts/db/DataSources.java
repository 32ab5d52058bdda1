package dk.sosi.sts.db;

import com.mysql.cj.jdbc.AbandonedConnectionCleanupThread;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;

/** Builds the connection pools of the STS and CRA databases (MySQL 8 or MariaDB, Connector/J). */
public final class DataSources {

    /** How long a request waits for a connection before it fails; short, so that a dead database fails fast. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    static final String DRIVER_CLASS_NAME = "com.mysql.cj.jdbc.Driver";
    static final int MAXIMUM_POOL_SIZE = 8;
    static final int MINIMUM_IDLE = 2;
    /** A query that hangs longer on a live socket means a hung server; frees the thread instead of waiting forever. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private DataSources() {
    }

    /** A pool named {@code sts-db} with the default connection timeout. */
    public static HikariDataSource create(String jdbcUrl, String user, String password) {
        return create("sts-db", jdbcUrl, user, password, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * A small pool that is built even while the database is down (requests then fail after
     * {@code connectionTimeout} and the pool connects once the database is back).
     *
     * @param poolName shown in the pool's log lines, e.g. {@code sts-db} or {@code cra-db}
     * @param jdbcUrl e.g. {@code jdbc:mysql://db.example:3306/?sslMode=REQUIRED}
     * @param password may be {@code null} or empty (the embedded database's root)
     * @param connectionTimeout at least 250 ms (HikariCP's minimum)
     */
    public static HikariDataSource create(
            String poolName, String jdbcUrl, String user, String password, Duration connectionTimeout) {
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        // Named explicitly: inside a webapp DriverManager refuses a driver registered by another class loader.
        config.setDriverClassName(DRIVER_CLASS_NAME);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
        config.setMinimumIdle(MINIMUM_IDLE);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.max(250, connectionTimeout.toMillis() / 2));
        // -1: build the pool even when the database is down at start; the STS must start and recover by itself.
        config.setInitializationFailTimeout(-1);
        // Connector/J's own connect timeout defaults to the OS's (minutes) for a host that does not answer.
        config.addDataSourceProperty("connectTimeout", String.valueOf(connectionTimeout.toMillis()));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        return new HikariDataSource(config);
    }

    /**
     * Stops what the MySQL driver started in this class loader: its abandoned-connection cleanup thread,
     * and its {@link DriverManager} registration. Called when the web application stops, after its pools
     * have closed: either would keep every class of an undeployed application loaded.
     */
    public static void releaseDriver() {
        AbandonedConnectionCleanupThread.checkedShutdown();
        ClassLoader ours = DataSources.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // deregistering only fails for a driver that is not registered
                }
            }
        }
    }
}

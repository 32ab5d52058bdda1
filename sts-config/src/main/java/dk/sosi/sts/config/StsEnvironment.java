package dk.sosi.sts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Immutable. Where this STS finds its database and configuration folder, read once at start-up from
 * system properties ({@code -Dsts.jdbc.url=…}) or, failing those, environment variables
 * ({@code STS_JDBC_URL=…}). The embedded launcher sets them for its own database and demo folder.
 *
 * @param configDir  the configuration folder, {@code /pack/sts} in production ({@value #CONFIG_DIR})
 * @param jdbcUrl    the MySQL server holding {@code sts_audconf}, {@code sts_ehdsiconf} ({@value #JDBC_URL})
 * @param craJdbcUrl the server holding the CRA schema {@code sts_cra}; defaults to {@code jdbcUrl} ({@value #CRA_JDBC_URL})
 * @param configRefresh how often the configuration tables are re-read ({@value #CONFIG_REFRESH}, ISO-8601
 *     such as {@code PT5M}, or seconds); at most 10 minutes, as the guide promises admins
 * @param craRefresh how often the CRLs in the CRA database are re-read ({@value #CRA_REFRESH}, same form), in
 *     the background, so no request waits for the CRA database: a CRL that another node fetched is used here
 *     at the latest this long after it was stored
 * @param keystoreReload how often the keystore files are looked at ({@value #KEYSTORE_RELOAD}, same form): a
 *     changed keystore is used at the latest this long after it was written, without a restart
 */
public record StsEnvironment(Path configDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
        String craJdbcUrl, String craJdbcUser, String craJdbcPassword, Duration configRefresh, Duration craRefresh,
        Duration keystoreReload) {

    public static final Duration DEFAULT_CONFIG_REFRESH = Duration.ofMinutes(5);
    public static final Duration MAX_CONFIG_REFRESH = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CRA_REFRESH = Duration.ofMinutes(1);
    public static final Duration DEFAULT_KEYSTORE_RELOAD = Duration.ofMinutes(1);

    public static final String CONFIG_DIR = "sts.config.dir";
    public static final String JDBC_URL = "sts.jdbc.url";
    public static final String JDBC_USER = "sts.jdbc.user";
    public static final String JDBC_PASSWORD = "sts.jdbc.password";
    public static final String CRA_JDBC_URL = "sts.cra.jdbc.url";
    public static final String CRA_JDBC_USER = "sts.cra.jdbc.user";
    public static final String CRA_JDBC_PASSWORD = "sts.cra.jdbc.password";
    public static final String CONFIG_REFRESH = "sts.config.refresh";
    public static final String CRA_REFRESH = "sts.cra.refresh";
    public static final String KEYSTORE_RELOAD = "sts.keystore.reload";

    public StsEnvironment {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(jdbcUser, "jdbcUser");
        Objects.requireNonNull(jdbcPassword, "jdbcPassword");
        Objects.requireNonNull(craJdbcUrl, "craJdbcUrl");
        Objects.requireNonNull(craJdbcUser, "craJdbcUser");
        Objects.requireNonNull(craJdbcPassword, "craJdbcPassword");
        Objects.requireNonNull(configRefresh, "configRefresh");
        Objects.requireNonNull(craRefresh, "craRefresh");
        Objects.requireNonNull(keystoreReload, "keystoreReload");
        if (configRefresh.isNegative() || configRefresh.isZero() || configRefresh.compareTo(MAX_CONFIG_REFRESH) > 0) {
            throw new StartupException(CONFIG_REFRESH + " must be between 0 and " + MAX_CONFIG_REFRESH + ", was " + configRefresh);
        }
        if (craRefresh.isNegative() || craRefresh.isZero() || craRefresh.compareTo(MAX_CONFIG_REFRESH) > 0) {
            throw new StartupException(CRA_REFRESH + " must be between 0 and " + MAX_CONFIG_REFRESH + ", was " + craRefresh);
        }
        if (keystoreReload.isNegative() || keystoreReload.isZero() || keystoreReload.compareTo(MAX_CONFIG_REFRESH) > 0) {
            throw new StartupException(KEYSTORE_RELOAD + " must be between 0 and " + MAX_CONFIG_REFRESH + ", was " + keystoreReload);
        }
    }

    /** Reads the settings from this JVM's system properties and environment. */
    public static StsEnvironment fromSystem() {
        return from(System::getProperty, System.getenv());
    }

    /** Reads the settings from {@code properties}, falling back to {@code environment} ({@code sts.jdbc.url} → {@code STS_JDBC_URL}). */
    public static StsEnvironment from(UnaryOperator<String> properties, Map<String, String> environment) {
        UnaryOperator<String> lookup = key -> Optional.ofNullable(properties.apply(key))
                .orElseGet(() -> environment.get(environmentName(key)));
        List<String> missing = Stream.of(CONFIG_DIR, JDBC_URL).filter(key -> isBlank(lookup.apply(key))).toList();
        if (!missing.isEmpty()) {
            throw new StartupException("The STS needs its configuration folder and database; missing " + missing.stream()
                    .map(key -> key + " (-D" + key + "=… or environment variable " + environmentName(key) + ")")
                    .collect(Collectors.joining(" and ")) + ". It never starts without them.");
        }
        String configDir = lookup.apply(CONFIG_DIR);
        String jdbcUrl = lookup.apply(JDBC_URL);
        String user = Optional.ofNullable(lookup.apply(JDBC_USER)).orElse("root");
        String password = Optional.ofNullable(lookup.apply(JDBC_PASSWORD)).orElse("");
        return new StsEnvironment(Path.of(configDir), jdbcUrl, user, password,
                Optional.ofNullable(lookup.apply(CRA_JDBC_URL)).orElse(jdbcUrl),
                Optional.ofNullable(lookup.apply(CRA_JDBC_USER)).orElse(user),
                Optional.ofNullable(lookup.apply(CRA_JDBC_PASSWORD)).orElse(password),
                Optional.ofNullable(lookup.apply(CONFIG_REFRESH)).map(text -> duration(CONFIG_REFRESH, text))
                        .orElse(DEFAULT_CONFIG_REFRESH),
                Optional.ofNullable(lookup.apply(CRA_REFRESH)).map(text -> duration(CRA_REFRESH, text)).orElse(DEFAULT_CRA_REFRESH),
                Optional.ofNullable(lookup.apply(KEYSTORE_RELOAD)).map(text -> duration(KEYSTORE_RELOAD, text))
                        .orElse(DEFAULT_KEYSTORE_RELOAD));
    }

    private static Duration duration(String key, String text) {
        try {
            return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new StartupException(key + " must be a duration such as PT5M or a number of seconds, was " + text);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code sts.jdbc.url} → {@code STS_JDBC_URL}. */
    static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_');
    }
}

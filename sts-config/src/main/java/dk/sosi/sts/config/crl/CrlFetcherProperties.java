package dk.sosi.sts.config.crl;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.trust.CrlFetcher;
import dk.sosi.sts.trust.CrlFetcherSettings;
import dk.sosi.sts.trust.CrlSources;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean {@code crlFetcher} in services.xml: downloads the CRL of every URL in
 * {@code sts_cra.crl_source} into the CRA database. Properties:
 * <ul>
 * <li>{@code refreshIntervalSeconds}: how often every source is downloaded (default
 * {@value #DEFAULT_REFRESH_INTERVAL_SECONDS}); after a failed download sooner, within
 * {@link CrlFetcher#RETRY_AFTER_FAILURE};</li>
 * <li>{@code connectTimeoutMillis}: the longest wait for a connection (default {@value #DEFAULT_CONNECT_TIMEOUT_MILLIS});</li>
 * <li>{@code requestTimeoutMillis}: the longest wait for a whole CRL (default {@value #DEFAULT_REQUEST_TIMEOUT_MILLIS});</li>
 * <li>{@code trustStoreFile}, {@code trustStorePassword}: the CA certificates whose CRLs are accepted,
 * normally the federation trust store {@code federation-trust.jks};</li>
 * <li>{@code crlSources}, {@code crlStore}, {@code serviceInfoCollector}, {@code clock}: the STS's beans
 * of those names.</li>
 * </ul>
 * Checked and built once, at start-up; the STS starts the fetcher once the whole configuration has
 * loaded, and it stops when the configuration closes.
 */
public final class CrlFetcherProperties implements FactoryBean<CrlFetcher>, InitializingBean, DisposableBean, BeanFactoryAware {

    public static final int DEFAULT_REFRESH_INTERVAL_SECONDS = 3600;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 30000;

    private int refreshIntervalSeconds = DEFAULT_REFRESH_INTERVAL_SECONDS;
    private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private int requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
    private String trustStoreFile;
    private String trustStorePassword;
    private CrlSources crlSources;
    private CrlStore crlStore;
    private ServiceInfoCollector serviceInfoCollector;
    private Clock clock;
    private TrustStores trustStores = new TrustStores();
    private CrlFetcher fetcher;

    /** Shares the trust store with the other beans of a running STS. */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        trustStores = TrustStores.of(beanFactory);
    }

    public void setRefreshIntervalSeconds(int refreshIntervalSeconds) {
        this.refreshIntervalSeconds = refreshIntervalSeconds;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public void setRequestTimeoutMillis(int requestTimeoutMillis) {
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    public void setTrustStoreFile(String trustStoreFile) {
        this.trustStoreFile = trustStoreFile;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public void setCrlSources(CrlSources crlSources) {
        this.crlSources = crlSources;
    }

    public void setCrlStore(CrlStore crlStore) {
        this.crlStore = crlStore;
    }

    public void setServiceInfoCollector(ServiceInfoCollector serviceInfoCollector) {
        this.serviceInfoCollector = serviceInfoCollector;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** The settings in their units, checked. */
    public CrlFetcherSettings toSettings() {
        positive(refreshIntervalSeconds, "refreshIntervalSeconds");
        positive(connectTimeoutMillis, "connectTimeoutMillis");
        positive(requestTimeoutMillis, "requestTimeoutMillis");
        return new CrlFetcherSettings(Duration.ofSeconds(refreshIntervalSeconds), Duration.ofMillis(connectTimeoutMillis),
                Duration.ofMillis(requestTimeoutMillis));
    }

    /** Checks the settings, reads the trust store and builds the (not yet started) fetcher. */
    @Override
    public synchronized void afterPropertiesSet() {
        if (fetcher != null) {
            return;
        }
        CrlFetcherSettings settings = toSettings();
        fetcher = new CrlFetcher(required(crlSources, "crlSources"), trustedCas(), required(crlStore, "crlStore"),
                required(serviceInfoCollector, "serviceInfoCollector"), settings, required(clock, "clock"));
    }

    @Override
    public synchronized CrlFetcher getObject() {
        afterPropertiesSet();
        return fetcher;
    }

    @Override
    public Class<?> getObjectType() {
        return CrlFetcher.class;
    }

    @Override
    public synchronized void destroy() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** The trust store's certificates as last (re)loaded: a CA added to the file gets its CRLs fetched without a restart. */
    private Supplier<Collection<X509Certificate>> trustedCas() {
        required(trustStoreFile, "trustStoreFile");
        required(trustStorePassword, "trustStorePassword");
        ReloadingFile<TrustStore> store = trustStores.load(trustStoreFile, trustStorePassword, "CRL trust store");
        return () -> store.get().certificates().values();
    }

    private static void positive(int value, String property) {
        if (value <= 0) {
            throw new StartupException(property + " must be positive, was " + value);
        }
    }

    private static <T> T required(T value, String property) {
        if (value == null) {
            throw new StartupException("Property " + property + " is missing");
        }
        return value;
    }
}

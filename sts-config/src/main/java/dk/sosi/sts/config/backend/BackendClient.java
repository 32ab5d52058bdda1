package dk.sosi.sts.config.backend;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.InitializingBean;

/**
 * How the STS calls its backends (bean {@code backendClient} in cvr-rid.xml): timeouts and the TLS
 * identity shared by the CVR-RID, UUID2CPR, PID, role and authorisation services. Properties:
 * <ul>
 * <li>{@code connectTimeoutMillis}: the longest wait for a connection (default {@value #DEFAULT_CONNECT_TIMEOUT_MILLIS});</li>
 * <li>{@code requestTimeoutMillis}: the longest wait for a complete answer, connecting included
 * (default {@value #DEFAULT_REQUEST_TIMEOUT_MILLIS});</li>
 * <li>{@code keystoreFile}, {@code keystorePassword}: the STS's client certificate for https
 * endpoints ({@code nsp-test-rid.jks}); leave out for none;</li>
 * <li>{@code truststoreFile}, {@code truststorePassword}: the servers to trust for https endpoints
 * ({@code testtdc.keystore}); leave out for the JDK's default trust.</li>
 * </ul>
 * Plain http endpoints ignore the TLS settings. Checked and built once, at start-up; unmodifiable afterwards,
 * except that the two keystore files are read again when they change (bean {@code trustStores}), for new connections.
 */
public final class BackendClient implements InitializingBean, BeanFactoryAware {

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 5000;

    private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private int requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
    private String keystoreFile;
    private String keystorePassword;
    private String truststoreFile;
    private String truststorePassword;

    private TrustStores trustStores = new TrustStores();
    private HttpClient httpClient;
    private Duration requestTimeout;

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        unlessInitialized();
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public void setRequestTimeoutMillis(int requestTimeoutMillis) {
        unlessInitialized();
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    public void setKeystoreFile(String keystoreFile) {
        unlessInitialized();
        this.keystoreFile = blankToNull(keystoreFile);
    }

    public void setKeystorePassword(String keystorePassword) {
        unlessInitialized();
        this.keystorePassword = keystorePassword;
    }

    public void setTruststoreFile(String truststoreFile) {
        unlessInitialized();
        this.truststoreFile = blankToNull(truststoreFile);
    }

    public void setTruststorePassword(String truststorePassword) {
        unlessInitialized();
        this.truststorePassword = truststorePassword;
    }

    /** Watches the keystores with the others, in a running STS. */
    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        trustStores = TrustStores.of(beanFactory);
    }

    /** Checks the settings and builds the HTTP client; Spring calls it once the properties are set. */
    @Override
    public synchronized void afterPropertiesSet() {
        if (httpClient != null) {
            return;
        }
        if (connectTimeoutMillis <= 0) {
            throw new StartupException("connectTimeoutMillis must be positive, was " + connectTimeoutMillis);
        }
        if (requestTimeoutMillis <= 0) {
            throw new StartupException("requestTimeoutMillis must be positive, was " + requestTimeoutMillis);
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (keystoreFile != null || truststoreFile != null) {
            builder.sslContext(BackendSslContext.create(
                    keystoreFile == null ? null : Path.of(keystoreFile), chars(keystorePassword),
                    truststoreFile == null ? null : Path.of(truststoreFile), chars(truststorePassword), trustStores));
        }
        requestTimeout = Duration.ofMillis(requestTimeoutMillis);
        httpClient = builder.build();
    }

    /** The client every backend of this bean shares (its connections too). */
    public synchronized HttpClient httpClient() {
        afterPropertiesSet();
        return httpClient;
    }

    /** {@code requestTimeoutMillis} as a duration. */
    public synchronized Duration requestTimeout() {
        afterPropertiesSet();
        return requestTimeout;
    }

    /**
     * The keystore and truststore files set (those with a password), for the certificate inventory
     * ({@code /sts/certificates}), which reads them through the bean {@code trustStores}.
     */
    public List<StoreFile> storeFiles() {
        List<StoreFile> files = new ArrayList<>();
        if (keystoreFile != null && keystorePassword != null) {
            files.add(new StoreFile("backend keystore", keystoreFile, keystorePassword));
        }
        if (truststoreFile != null && truststorePassword != null) {
            files.add(new StoreFile("backend truststore", truststoreFile, truststorePassword));
        }
        return List.copyOf(files);
    }

    /** Immutable. A keystore file of this client: what it is for, where, and its password. */
    public record StoreFile(String label, String file, String password) {

        @Override
        public String toString() {
            return label + " " + file; // never the password
        }
    }

    private void unlessInitialized() {
        if (httpClient != null) {
            throw new IllegalStateException("The backend client is in use; its settings cannot change");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }
}

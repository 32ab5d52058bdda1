package dk.sosi.sts.trust;

import dk.sosi.sts.ServiceInfoCollector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. Keeps the CRA store current: downloads the CRL of every configured source
 * ({@link CrlSources}) on one daemon thread, {@value #THREAD_NAME}, first right at {@link #start()}
 * and then every refresh interval, and stores each list whose signature verifies with the
 * certificate of a trusted CA. A list that cannot be downloaded, is no CRL, comes from an unknown CA,
 * has a bad signature or a thisUpdate in the future is never stored: it is a failed download, counted
 * in {@link #serviceInfo()} (for {@code /sts/checkstatus}) and kept as the source's
 * {@link CrlSourceStatus} (for the CRL check's alarm).
 */
public final class CrlFetcher implements CrlDownloads, AutoCloseable {

    public static final String THREAD_NAME = "sts-crl-fetch";
    /** A round with a failed download is followed after this long, or the refresh interval if shorter. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    /** How far ahead of ours a CA's clock may run. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The largest CRL read; the national CAs' lists run to megabytes. */
    static final int MAX_CRL_BYTES = 64 * 1024 * 1024;

    static final String NOT_HTTP = "not an http or https URL";
    static final String HTTP_STATUS = "answered HTTP %d";
    static final String NO_CONNECTION = "no connection within %d ms";
    static final String NO_ANSWER = "no complete answer within %d ms";
    static final String CANNOT_CONNECT = "cannot connect";
    static final String TOO_LARGE = "answered more than %d bytes";
    static final String NOT_A_CRL = "the answer is not an X.509 CRL (DER or PEM)";
    static final String UNTRUSTED_ISSUER = "the CRL is issued by %s, which is not a trusted CA";
    static final String BAD_SIGNATURE = "the signature of the CRL of %s does not verify with the CA's certificate";
    static final String FROM_THE_FUTURE = "the CRL of %s has thisUpdate %s, which is in the future";
    static final String NOT_STORED = "cannot store the CRL: %s";

    private static final Logger LOG = LoggerFactory.getLogger(CrlFetcher.class);
    /** The cRLSign bit of KeyUsage (RFC 5280, 4.2.1.3). */
    private static final int CRL_SIGN = 6;

    private final CrlSources sources;
    private final Supplier<? extends Collection<X509Certificate>> trustedCas;
    private final CrlStore store;
    private final ServiceInfoCollector downloads;
    private final CrlFetcherSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ReentrantLock rounds = new ReentrantLock();
    private final Map<String, CrlSourceStatus> statuses = new ConcurrentHashMap<>();
    private boolean started;

    /**
     * @param trustedCas the CA certificates whose CRLs are accepted, e.g. the federation trust store's, asked at every
     *                   use so that a reloaded store applies to the next round
     * @param downloads  records every download, successful or failed; this fetcher's own
     */
    public CrlFetcher(CrlSources sources, Supplier<? extends Collection<X509Certificate>> trustedCas, CrlStore store,
            ServiceInfoCollector downloads, CrlFetcherSettings settings, Clock clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.trustedCas = Objects.requireNonNull(trustedCas, "trustedCas");
        this.store = Objects.requireNonNull(store, "store");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (trustedCas.get().isEmpty()) {
            throw new IllegalArgumentException("The CRL fetcher needs at least one trusted CA certificate");
        }
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        // No thread exists until start() schedules the first round.
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts fetching: the first round now, on the fetcher's thread, then one every refresh interval. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The CRL fetcher has started already");
        }
        started = true;
        scheduleRound(Duration.ZERO);
        LOG.info("Fetching CRLs every {} from the sources in the CRA database", settings.refreshInterval());
    }

    /**
     * Downloads from every configured source now, on the calling thread, after any round in progress.
     *
     * @return the status of every configured source afterwards
     * @throws IllegalStateException when the sources cannot be read
     */
    public List<CrlSourceStatus> fetchNow() {
        rounds.lock();
        try {
            List<String> urls = sources.urls();
            statuses.keySet().retainAll(Set.copyOf(urls)); // a removed source no longer alarms
            for (String url : urls) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // closing
                }
                download(url);
            }
            return bySource();
        } finally {
            rounds.unlock();
        }
    }

    /** Every CA whose CRLs this fetcher accepts: each must have one, or its revocations are never seen. */
    @Override
    public List<X509Certificate> expectedCas() {
        return trustedCas.get().stream().filter(CrlFetcher::maySignCrls).toList();
    }

    @Override
    public List<CrlSourceStatus> bySource() {
        return statuses.values().stream().sorted(Comparator.comparing(CrlSourceStatus::url)).toList();
    }

    /** Every download, successful or failed: the guide's {@code CRL, latest successful download} lines. */
    public ServiceInfoCollector serviceInfo() {
        return downloads;
    }

    /** Stops fetching: interrupts a download in progress and waits up to 10 seconds for it to end. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The CRL fetcher did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduleRound(Duration delay) {
        try {
            scheduler.schedule(this::scheduledRound, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void scheduledRound() {
        Duration next = settings.refreshInterval();
        Duration soon = next.compareTo(RETRY_AFTER_FAILURE) < 0 ? next : RETRY_AFTER_FAILURE;
        // Whatever fails, the next round must be scheduled: a task that throws is never run again.
        try {
            if (fetchNow().stream().anyMatch(CrlSourceStatus::failing)) {
                next = soon;
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the CRL sources; trying again in {}: {}", soon, e.getMessage());
            next = soon;
        }
        if (!Thread.currentThread().isInterrupted()) {
            scheduleRound(next);
        }
    }

    private void download(String url) {
        long start = System.nanoTime();
        CrlSourceStatus previous = statuses.getOrDefault(url, CrlSourceStatus.untried(url));
        try {
            X509CRL crl = verified(parse(get(uri(url))));
            storeIfNewer(crl, url);
            downloads.recordSuccess(Duration.ofNanos(System.nanoTime() - start));
            statuses.put(url, previous.succeeded(clock.instant()));
            if (previous.failing()) {
                LOG.info("The CRL from {} is downloaded again", url);
            }
        } catch (Refused e) {
            downloads.recordFailure(Duration.ofNanos(System.nanoTime() - start));
            statuses.put(url, previous.failed(clock.instant(), e.getMessage()));
            if (previous.failure().equals(Optional.of(e.getMessage()))) {
                LOG.debug("The CRL from {} still fails: {}", url, e.getMessage());
            } else {
                LOG.warn("Cannot use the CRL from {}: {}", url, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: neither a success nor a failure
        }
    }

    private static URI uri(String url) throws Refused {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new Refused(NOT_HTTP);
    }

    private byte[] get(URI uri) throws Refused, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET().build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> info.statusCode() == 200
                ? new LimitedBody(MAX_CRL_BYTES)
                : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the headers; this covers the whole list.
            response = future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Refused(String.format(NO_ANSWER, settings.requestTimeout().toMillis()));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new Refused(describe(e.getCause()));
        }
        if (response.statusCode() != 200) {
            throw new Refused(String.format(HTTP_STATUS, response.statusCode()));
        }
        return response.body();
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return String.format(NO_CONNECTION, settings.connectTimeout().toMillis());
        }
        if (failure instanceof HttpTimeoutException) {
            return String.format(NO_ANSWER, settings.requestTimeout().toMillis());
        }
        if (failure instanceof TooLargeException) {
            return failure.getMessage();
        }
        if (failure instanceof ConnectException) {
            return CANNOT_CONNECT + (failure.getMessage() != null ? " (" + failure.getMessage() + ")" : "");
        }
        return "the download failed (" + failure + ")";
    }

    /** DER, or PEM ({@code -----BEGIN X509 CRL-----}), which the JDK's factory reads as well. */
    private static X509CRL parse(byte[] body) throws Refused {
        try {
            CRL crl = CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
            if (crl instanceof X509CRL x509) {
                return x509;
            }
        } catch (CRLException e) {
            // refused below
        } catch (CertificateException e) {
            throw new IllegalStateException("Every Java runtime has an X.509 certificate factory", e);
        }
        throw new Refused(NOT_A_CRL);
    }

    private X509CRL verified(X509CRL crl) throws Refused {
        X500Principal issuer = crl.getIssuerX500Principal();
        // A renewed CA keeps its name with a new key: each certificate of that name is a candidate.
        List<X509Certificate> candidates = trustedCas.get().stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(issuer) && maySignCrls(ca))
                .toList();
        if (candidates.isEmpty()) {
            throw new Refused(String.format(UNTRUSTED_ISSUER, issuer.getName()));
        }
        if (candidates.stream().noneMatch(ca -> signedBy(crl, ca))) {
            throw new Refused(String.format(BAD_SIGNATURE, issuer.getName()));
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new Refused(String.format(FROM_THE_FUTURE, issuer.getName(), thisUpdate));
        }
        return crl;
    }

    private static boolean maySignCrls(X509Certificate ca) {
        boolean[] usage = ca.getKeyUsage();
        return usage == null || (usage.length > CRL_SIGN && usage[CRL_SIGN]);
    }

    private static boolean signedBy(X509CRL crl, X509Certificate ca) {
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Storing rewrites a blob of up to megabytes that every node then reads again, so an unchanged
     * list, or one older than what is stored, is not stored.
     */
    private void storeIfNewer(X509CRL crl, String url) throws Refused {
        Optional<X509CRL> stored = store.storedListOf(crl);
        if (stored.isPresent() && (stored.get().equals(crl) || stored.get().getThisUpdate().after(crl.getThisUpdate()))) {
            return;
        }
        try {
            store.store(crl, url);
        } catch (IllegalStateException e) {
            throw new Refused(String.format(NOT_STORED, e.getMessage()));
        }
    }

    /** Why a download cannot be used; its message is the status text. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int limit) {
            super(String.format(TOO_LARGE, limit));
        }
    }

    /** Not thread-safe (the HTTP client calls it serially). Collects a body of at most {@code limit} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private Flow.Subscription subscription;
        private long received;
        private boolean failed;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (failed) {
                return;
            }
            received += items.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > limit) {
                failed = true;
                subscription.cancel();
                bytes.onError(new TooLargeException(limit));
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable failure) {
            if (!failed) {
                bytes.onError(failure);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                bytes.onComplete();
            }
        }
    }
}

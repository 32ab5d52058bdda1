package dk.sosi.sts.trust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.backend.BackendStub;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CRL fetcher against WireMock serving CRLs of a test PKI. */
class CrlFetcherTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUING_PATH = "/crl/issuing.crl";
    /** Timeouts that a busy build machine still answers within, well below the slow stubs' 4 s. */
    private static final CrlFetcherSettings SETTINGS =
            new CrlFetcherSettings(Duration.ofHours(1), Duration.ofMillis(1500), Duration.ofMillis(1500));

    private static CertificateAuthority root;
    private static CertificateAuthority issuing;
    private static CertificateAuthority impostor;
    private static CertificateAuthority stranger;

    private final MapCrlStore store = new MapCrlStore();
    private final ServiceInfoCollector downloads = new ServiceInfoCollector(24, CLOCK);
    private final List<String> urls = new CopyOnWriteArrayList<>();
    private CrlFetcher fetcher;

    /** A CRA store that keeps what it is given, the last per issuer, and counts the writes. */
    private static final class MapCrlStore implements CrlStore {
        private final Map<X500Principal, X509CRL> crls = new HashMap<>();
        private int writes;

        @Override
        public synchronized Optional<X509CRL> forIssuer(X500Principal issuer) {
            return Optional.ofNullable(crls.get(issuer));
        }

        @Override
        public synchronized List<StoredCrl> all() {
            return crls.values().stream().map(crl -> new StoredCrl(crl, "test", NOW)).toList();
        }

        @Override
        public synchronized void store(X509CRL crl, String sourceUrl) {
            crls.put(crl.getIssuerX500Principal(), crl);
            writes++;
        }

        synchronized int writes() {
            return writes;
        }
    }

    @BeforeAll
    static void pki() {
        root = CertificateAuthority.createRoot("CN=Test Root, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
        issuing = root.issueIntermediate("CN=Test Issuing CA, C=DK", NOW.minus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(3000)));
        // Same name as the issuing CA, another key: its CRLs carry a signature the trusted certificate refutes.
        impostor = root.issueIntermediate("CN=Test Issuing CA, C=DK", NOW.minus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(3000)));
        stranger = CertificateAuthority.createRoot("CN=Stranger CA, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
    }

    @BeforeEach
    void fetcher() {
        BackendStub.reset();
        urls.add(BackendStub.endpoint(ISSUING_PATH).toString());
        fetcher = new CrlFetcher(() -> List.copyOf(urls), () -> List.of(root.certificate(), issuing.certificate()), store, downloads,
                SETTINGS, CLOCK);
    }

    @AfterEach
    void close() {
        fetcher.close();
    }

    private static X509CRL crl(CertificateAuthority ca, Instant thisUpdate, BigInteger... revoked) {
        return ca.crl(Set.of(revoked), thisUpdate, thisUpdate.plus(Duration.ofDays(7)));
    }

    private static void serve(String path, byte[] body) {
        BackendStub.stub(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    private static byte[] der(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CrlSourceStatus onlyStatus() {
        List<CrlSourceStatus> statuses = fetcher.bySource();
        assertEquals(1, statuses.size(), statuses.toString());
        return statuses.get(0);
    }

    private void assertRefused(String failure) {
        fetcher.fetchNow();

        assertEquals(Optional.empty(), store.forIssuer(issuing.certificate().getSubjectX500Principal()));
        CrlSourceStatus status = onlyStatus();
        assertEquals(Optional.of(failure), status.failure());
        assertEquals(Optional.of(NOW), status.latestFailure());
        assertEquals(Optional.empty(), status.latestSuccess());
        assertEquals(1, downloads.totalFailures());
        assertEquals(Optional.of(NOW), downloads.latestFailure());
        assertEquals(Optional.empty(), downloads.latestSuccess());
    }

    @Test
    void fetchNowWhenSourceServesCrlOfTrustedCaThenStoredAndSuccessRecorded() {
        BigInteger revoked = BigInteger.valueOf(4711);
        X509CRL crl = crl(issuing, NOW.minus(Duration.ofHours(1)), revoked);
        serve(ISSUING_PATH, der(crl));

        List<CrlSourceStatus> statuses = fetcher.fetchNow();

        X509CRL stored = store.forIssuer(issuing.certificate().getSubjectX500Principal()).orElseThrow();
        assertEquals(crl, stored);
        assertNotNull(stored.getRevokedCertificate(revoked));
        assertEquals(List.of(new CrlSourceStatus(BackendStub.endpoint(ISSUING_PATH).toString(), Optional.of(NOW),
                Optional.empty(), Optional.empty())), statuses);
        assertEquals(1, downloads.totalCalls());
        assertEquals(0, downloads.totalFailures());
        assertEquals(Optional.of(NOW), downloads.latestSuccess());
    }

    @Test
    void fetchNowWhenCrlIsPemThenStored() {
        X509CRL crl = crl(issuing, NOW.minus(Duration.ofHours(1)));
        String pem = "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der(crl)) + "\n-----END X509 CRL-----\n";
        serve(ISSUING_PATH, pem.getBytes(StandardCharsets.US_ASCII));

        fetcher.fetchNow();

        assertEquals(Optional.of(crl), store.forIssuer(issuing.certificate().getSubjectX500Principal()));
        assertFalse(onlyStatus().failing());
    }

    @Test
    void fetchNowWhenSignatureDoesNotVerifyThenNotStoredAndFailureRecorded() {
        serve(ISSUING_PATH, der(crl(impostor, NOW.minus(Duration.ofHours(1)))));

        assertRefused(String.format(CrlFetcher.BAD_SIGNATURE, "CN=Test Issuing CA,C=DK"));
    }

    /** The trust store reloaded with a new CA: its CRL is accepted from the next round, without a new fetcher. */
    @Test
    void fetchNowWhenTheTrustedCasGrowThenTheNewCasCrlIsStoredInTheNextRound() {
        List<X509Certificate> trusted = new CopyOnWriteArrayList<>(List.of(root.certificate()));
        serve(ISSUING_PATH, der(crl(stranger, NOW.minus(Duration.ofHours(1)))));
        CrlFetcher reloading = new CrlFetcher(() -> List.copyOf(urls), () -> List.copyOf(trusted), store, downloads, SETTINGS, CLOCK);
        try {
            reloading.fetchNow();
            assertEquals(List.of(), store.all());

            trusted.add(stranger.certificate());
            reloading.fetchNow();

            assertEquals(1, store.all().size());
            assertEquals(List.of(stranger.certificate()), reloading.expectedCas().stream()
                    .filter(ca -> ca.getSubjectX500Principal().getName().startsWith("CN=Stranger")).toList());
        } finally {
            reloading.close();
        }
    }

    @Test
    void fetchNowWhenIssuerNotTrustedThenNotStoredAndFailureRecorded() {
        serve(ISSUING_PATH, der(crl(stranger, NOW.minus(Duration.ofHours(1)))));

        fetcher.fetchNow();

        assertEquals(List.of(), store.all());
        assertEquals(Optional.of(String.format(CrlFetcher.UNTRUSTED_ISSUER, "CN=Stranger CA,C=DK")), onlyStatus().failure());
        assertEquals(1, downloads.totalFailures());
    }

    @Test
    void fetchNowWhenAnswerIsNotACrlThenNotStoredAndFailureRecorded() {
        serve(ISSUING_PATH, "<html>Moved to the new portal</html>".getBytes(StandardCharsets.UTF_8));

        assertRefused(CrlFetcher.NOT_A_CRL);
    }

    @Test
    void fetchNowWhenSourceAnswers500ThenNotStoredAndFailureRecorded() {
        BackendStub.stub(get(urlEqualTo(ISSUING_PATH)).willReturn(aResponse().withStatus(500).withBody(der(crl(issuing, NOW)))));

        assertRefused(String.format(CrlFetcher.HTTP_STATUS, 500));
    }

    @Test
    void fetchNowWhenSourceTooSlowThenNotStoredAndFailureRecorded() {
        BackendStub.stub(get(urlEqualTo(ISSUING_PATH)).willReturn(aResponse().withStatus(200)
                .withBody(der(crl(issuing, NOW.minus(Duration.ofHours(1))))).withFixedDelay(4000)));

        assertRefused(String.format(CrlFetcher.NO_ANSWER, 1500));
    }

    @Test
    void fetchNowWhenBodyArrivesTooSlowlyThenNotStoredAndFailureRecorded() {
        BackendStub.stub(get(urlEqualTo(ISSUING_PATH)).willReturn(aResponse().withStatus(200)
                .withBody(der(crl(issuing, NOW.minus(Duration.ofHours(1))))).withChunkedDribbleDelay(5, 4000)));

        assertRefused(String.format(CrlFetcher.NO_ANSWER, 1500));
    }

    @Test
    void fetchNowWhenConnectionRefusedThenFailureNamesIt() {
        urls.set(0, BackendStub.refusedEndpoint("/crl/issuing.crl").toString());

        fetcher.fetchNow();

        assertTrue(onlyStatus().failure().orElseThrow().startsWith(CrlFetcher.CANNOT_CONNECT), onlyStatus().toString());
        assertEquals(List.of(), store.all());
    }

    @Test
    void fetchNowWhenUrlNotHttpThenFailureNamesIt() {
        urls.set(0, "ldap://crl.example/cn=Test%20Issuing%20CA");

        fetcher.fetchNow();

        assertEquals(Optional.of(CrlFetcher.NOT_HTTP), onlyStatus().failure());
    }

    @Test
    void fetchNowWhenThisUpdateBeyondClockSkewThenNotStored() {
        Instant future = NOW.plus(CrlFetcher.MAX_CLOCK_SKEW).plusSeconds(1);
        serve(ISSUING_PATH, der(crl(issuing, future)));

        assertRefused(String.format(CrlFetcher.FROM_THE_FUTURE, "CN=Test Issuing CA,C=DK", future));
    }

    @Test
    void fetchNowWhenThisUpdateWithinClockSkewThenStored() {
        serve(ISSUING_PATH, der(crl(issuing, NOW.plus(CrlFetcher.MAX_CLOCK_SKEW))));

        fetcher.fetchNow();

        assertFalse(onlyStatus().failing());
        assertEquals(1, store.all().size());
    }

    @Test
    void fetchNowWhenNewerCrlServedThenItReplacesTheOlderAndAnOlderOneNever() {
        X509CRL monday = crl(issuing, NOW.minus(Duration.ofDays(1)), BigInteger.ONE);
        X509CRL tuesday = crl(issuing, NOW.minus(Duration.ofHours(1)), BigInteger.ONE, BigInteger.TWO);
        serve(ISSUING_PATH, der(monday));
        fetcher.fetchNow();

        serve(ISSUING_PATH, der(tuesday));
        fetcher.fetchNow();
        X500Principal issuer = issuing.certificate().getSubjectX500Principal();
        assertEquals(Optional.of(tuesday), store.forIssuer(issuer));

        serve(ISSUING_PATH, der(monday)); // a mirror lagging behind
        fetcher.fetchNow();
        serve(ISSUING_PATH, der(tuesday)); // unchanged: no rewrite of the stored blob
        fetcher.fetchNow();

        assertEquals(Optional.of(tuesday), store.forIssuer(issuer));
        assertEquals(2, store.writes());
        assertEquals(4, downloads.totalCalls());
        assertEquals(0, downloads.totalFailures());
    }

    @Test
    void fetchNowWhenSourceRecoversThenNoLongerFailingButFailureTimeKept() {
        BackendStub.stub(get(urlEqualTo(ISSUING_PATH)).willReturn(aResponse().withStatus(404)));
        fetcher.fetchNow();
        assertTrue(onlyStatus().failing());

        serve(ISSUING_PATH, der(crl(issuing, NOW.minus(Duration.ofHours(1)))));
        fetcher.fetchNow();

        CrlSourceStatus status = onlyStatus();
        assertFalse(status.failing());
        assertEquals(Optional.of(NOW), status.latestFailure());
        assertEquals(Optional.of(NOW), status.latestSuccess());
    }

    @Test
    void fetchNowWhenSourceRemovedThenItsStatusIsForgotten() {
        BackendStub.stub(get(urlEqualTo(ISSUING_PATH)).willReturn(aResponse().withStatus(404)));
        fetcher.fetchNow();
        assertTrue(onlyStatus().failing());

        urls.clear();
        List<CrlSourceStatus> statuses = fetcher.fetchNow();

        assertEquals(List.of(), statuses);
        assertEquals(List.of(), fetcher.bySource());
    }

    @Test
    void fetchNowWhenOneSourceFailsThenTheOthersAreStillFetched() {
        urls.add(0, BackendStub.endpoint("/crl/gone.crl").toString());
        urls.add(BackendStub.endpoint("/crl/root.crl").toString());
        serve(ISSUING_PATH, der(crl(issuing, NOW.minus(Duration.ofHours(1)))));
        serve("/crl/root.crl", der(crl(root, NOW.minus(Duration.ofHours(1)))));

        fetcher.fetchNow();

        assertEquals(2, store.all().size());
        assertEquals(List.of(true, false, false), fetcher.bySource().stream().map(CrlSourceStatus::failing).toList());
    }

    @Test
    void startWhenStartedThenFirstRoundRunsAtOnceOnTheFetcherThread() throws Exception {
        List<String> threads = new ArrayList<>();
        CrlFetcher started = new CrlFetcher(() -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " (daemon)" : ""));
                threads.notifyAll();
            }
            return List.of();
        }, () -> List.of(root.certificate()), store, downloads, SETTINGS, CLOCK);
        try {
            started.start();
            synchronized (threads) {
                long deadline = System.currentTimeMillis() + 5000;
                while (threads.isEmpty() && System.currentTimeMillis() < deadline) {
                    threads.wait(100);
                }
            }
        } finally {
            started.close();
        }

        assertEquals(List.of(CrlFetcher.THREAD_NAME + " (daemon)"), threads);
    }

    @Test
    void startWhenSourcesUnreadableThenTheScheduleGoesOn() throws Exception {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        CrlFetcher started = new CrlFetcher(() -> {
            attempts.add(Instant.now());
            throw new IllegalStateException("Cannot read sts_cra.crl_source: connection refused");
        }, () -> List.of(root.certificate()), store, downloads,
                new CrlFetcherSettings(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(500)), CLOCK);
        try {
            started.start();
            long deadline = System.currentTimeMillis() + 5000;
            while (attempts.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            started.close();
        }

        assertTrue(attempts.size() >= 2, "the schedule survives a failed round: " + attempts);
    }
}

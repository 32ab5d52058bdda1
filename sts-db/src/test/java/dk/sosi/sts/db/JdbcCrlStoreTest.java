package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.trust.CrlStore.StoredCrl;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcCrlStoreTest {

    private static final String ISSUER = "CN=Den Danske Stat OCES udstedende-CA 1,O=Den Danske Stat,C=DK";
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration REFRESH = Duration.ofSeconds(60);

    private final TestClock clock = new TestClock(MONDAY.plus(Duration.ofHours(1)));
    private final JdbcCrlStore store = new JdbcCrlStore(TestDatabase.dataSource(), REFRESH, clock);

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabase.clearTables();
    }

    @Test
    void storeWhenIssuerHasNoListThenTheListReadsBack() throws Exception {
        X509CRL crl = TestCrls.crl(ISSUER, MONDAY, 17, 42);

        store.store(crl, "http://crl.oces.certifikat.dk/oces.crl");

        X509CRL read = store.forIssuer(new X500Principal(ISSUER)).orElseThrow();
        assertArrayEquals(crl.getEncoded(), read.getEncoded());
        assertNotNull(read.getRevokedCertificate(BigInteger.valueOf(42)));
        List<StoredCrl> all = store.all();
        assertEquals(1, all.size());
        assertEquals("http://crl.oces.certifikat.dk/oces.crl", all.get(0).sourceUrl());
        assertEquals(clock.instant(), all.get(0).storedAt());
        assertEquals(Optional.empty(), store.forIssuer(new X500Principal("CN=Someone Else,C=DK")));
    }

    @Test
    void storeWhenNewerListArrivesThenItReplacesTheStoredOne() throws Exception {
        store.store(TestCrls.crl(ISSUER, MONDAY, 17), "http://a.example/ca.crl");
        X509CRL newer = TestCrls.crl(ISSUER, MONDAY.plus(Duration.ofHours(1)), 17, 99);

        store.store(newer, "http://b.example/ca.crl");

        assertArrayEquals(newer.getEncoded(), store.forIssuer(new X500Principal(ISSUER)).orElseThrow().getEncoded());
        assertEquals("http://b.example/ca.crl", store.all().get(0).sourceUrl());
        assertEquals(1, rows());
    }

    @Test
    void storeWhenOlderListArrivesThenTheNewerOneStays() throws Exception {
        X509CRL newer = TestCrls.crl(ISSUER, MONDAY.plus(Duration.ofHours(1)), 17, 99);
        store.store(newer, "http://b.example/ca.crl");

        store.store(TestCrls.crl(ISSUER, MONDAY, 17), "http://a.example/ca.crl");

        assertArrayEquals(newer.getEncoded(), store.forIssuer(new X500Principal(ISSUER)).orElseThrow().getEncoded());
        assertEquals("http://b.example/ca.crl", store.all().get(0).sourceUrl());
        assertArrayEquals(newer.getEncoded(), storedDer());
    }

    @Test
    void forIssuerWhenAnotherNodeStoresAListThenItShowsAfterTheNextRefresh() throws Exception {
        JdbcCrlStore otherNode = new JdbcCrlStore(TestDatabase.dataSource(), REFRESH, clock);
        assertEquals(Optional.empty(), store.forIssuer(new X500Principal(ISSUER)));

        otherNode.store(TestCrls.crl(ISSUER, MONDAY, 17), "http://a.example/ca.crl");

        assertEquals(Optional.empty(), store.forIssuer(new X500Principal(ISSUER)), "served from the snapshot");
        assertTrue(store.refreshNow());
        assertTrue(store.forIssuer(new X500Principal(ISSUER)).isPresent());
    }

    @Test
    void startWhenAnotherNodeStoresAListLaterThenTheBackgroundRefreshReadsIt() throws Exception {
        JdbcCrlStore otherNode = new JdbcCrlStore(TestDatabase.dataSource(), REFRESH, clock);
        try (JdbcCrlStore started = new JdbcCrlStore(TestDatabase.dataSource(), Duration.ofMillis(100), clock)) {
            started.start();
            assertEquals(List.of(), started.all());

            otherNode.store(TestCrls.crl(ISSUER, MONDAY, 17), "http://a.example/ca.crl");

            ReloadingStsConfigurationTest.awaitTrue(() -> started.forIssuer(new X500Principal(ISSUER)).isPresent());
        }
    }

    @Test
    void storeWhenTwoKeysOfOneIssuerEachHaveAListThenBothAreKeptAndEachIsReplacedOnlyByItsOwn() throws Exception {
        X509CRL oldKey = TestCrls.crlOfKey(ISSUER, "0a0b0c", MONDAY, 17);
        X509CRL newKey = TestCrls.crlOfKey(ISSUER, "1a1b1c", MONDAY.plus(Duration.ofMinutes(5)), 42);
        store.store(oldKey, "http://a.example/old.crl");

        store.store(newKey, "http://a.example/new.crl");

        assertEquals(2, rows());
        assertEquals(List.of(Optional.of("0a0b0c"), Optional.of("1a1b1c")),
                store.all().stream().map(StoredCrl::authorityKeyId).toList());
        X509CRL newerOfOldKey = TestCrls.crlOfKey(ISSUER, "0a0b0c", MONDAY.plus(Duration.ofMinutes(10)), 17, 18);
        store.store(newerOfOldKey, "http://a.example/old.crl");
        assertEquals(List.of(newerOfOldKey, newKey), store.all().stream().map(StoredCrl::crl).toList());
        assertEquals(Optional.of(newerOfOldKey), store.forIssuer(new X500Principal(ISSUER)), "the newest of either key");
    }

    @Test
    void storeWhenAListWasStoredBeforeListsWereKeptPerKeyThenItsKeysNextListReplacesIt() throws Exception {
        store.store(TestCrls.crlOfKey(ISSUER, "0a0b0c", MONDAY, 17), "http://a.example/ca.crl");
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            connection.createStatement().executeUpdate("UPDATE sts_cra.crl SET authority_key_id = ''"); // as V5 left it
        }
        assertTrue(store.refreshNow());
        X509CRL next = TestCrls.crlOfKey(ISSUER, "0a0b0c", MONDAY.plus(Duration.ofHours(1)), 17, 99);

        store.store(next, "http://a.example/ca.crl");

        assertEquals(1, rows());
        assertEquals(List.of(next), store.all().stream().map(StoredCrl::crl).toList());
    }

    private static int rows() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM sts_cra.crl")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static byte[] storedDer() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT crl FROM sts_cra.crl")) {
            result.next();
            return result.getBytes(1);
        }
    }
}

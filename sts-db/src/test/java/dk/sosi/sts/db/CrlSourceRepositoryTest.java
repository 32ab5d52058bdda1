package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrlSourceRepositoryTest {

    private final CrlSourceRepository repository = new CrlSourceRepository(TestDatabase.dataSource());

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabase.clearTables();
    }

    @Test
    void urlsWhenAdminInsertedSourcesThenAllInUrlOrder() throws Exception {
        TestDatabase.execute(
                "INSERT INTO sts_cra.crl_source (url, comment) VALUES ('http://crl.b.example/issuing.crl', 'OCES issuing CA')",
                "INSERT INTO sts_cra.crl_source (url) VALUES ('http://crl.a.example/root.crl')");

        assertEquals(List.of("http://crl.a.example/root.crl", "http://crl.b.example/issuing.crl"), repository.urls());
    }

    @Test
    void addIfAbsentWhenUrlListedAlreadyThenRowKeptAsItWas() throws Exception {
        repository.addIfAbsent(new CrlSource("http://crl.a.example/ca.crl", "the admin's comment"));

        repository.addIfAbsent(new CrlSource("http://crl.a.example/ca.crl", "demo"));
        repository.addIfAbsent(new CrlSource("http://crl.b.example/ca.crl", null));

        assertEquals(List.of(new CrlSource("http://crl.a.example/ca.crl", "the admin's comment"),
                new CrlSource("http://crl.b.example/ca.crl", null)), repository.findAll());
    }
}

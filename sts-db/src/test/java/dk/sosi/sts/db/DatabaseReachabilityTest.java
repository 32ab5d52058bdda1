package dk.sosi.sts.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class DatabaseReachabilityTest {

    @Test
    void probeWhenSchemaIsMigratedThenBothDatabasesAnswer() {
        assertDoesNotThrow(() -> DatabaseReachability.stsDatabase(TestDatabase.dataSource()).probe());
        assertDoesNotThrow(() -> DatabaseReachability.craDatabase(TestDatabase.dataSource()).probe());
    }
}

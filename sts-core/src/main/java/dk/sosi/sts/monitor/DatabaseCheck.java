package dk.sosi.sts.monitor;

import java.util.Objects;

/** Thread-safe. Reports whether a database answers: the guide's {@code STS-DB} and {@code CRA-DB} lines. */
public final class DatabaseCheck implements Check {

    private final String label;
    private final Reachability database;

    public DatabaseCheck(String label, Reachability database) {
        this.label = Objects.requireNonNull(label, "label");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public CheckResult run() {
        try {
            database.probe();
            return CheckResult.ok(label);
        } catch (Exception e) {
            return CheckResult.failed(label, "FAILED (no connection: " + e.getMessage() + ")");
        }
    }
}

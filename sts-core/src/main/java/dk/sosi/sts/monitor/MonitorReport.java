package dk.sosi.sts.monitor;

import java.util.List;

/** Immutable. The results of running a page's checks, in the configured order. */
public record MonitorReport(List<CheckResult> results) {

    public MonitorReport {
        results = List.copyOf(results);
    }

    /** Runs {@code checks} in order. */
    public static MonitorReport run(List<? extends Check> checks) {
        return new MonitorReport(checks.stream().map(Check::run).toList());
    }

    /**
     * Whether a page that fails at {@code failAt} answers 200 rather than 500: no result is that bad
     * or worse.
     */
    public boolean healthy(Severity failAt) {
        return results.stream().noneMatch(r -> r.severity().compareTo(failAt) >= 0);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.healthy()).toList();
    }
}

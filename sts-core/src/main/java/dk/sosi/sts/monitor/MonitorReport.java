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

    /** True when every check is healthy: the page answers 200, else 500. */
    public boolean healthy() {
        return results.stream().allMatch(CheckResult::healthy);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.healthy()).toList();
    }
}

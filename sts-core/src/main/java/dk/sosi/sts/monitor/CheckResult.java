package dk.sosi.sts.monitor;

import java.util.Objects;

/**
 * Immutable. The outcome of one {@link Check}: a label as the pages print it (e.g. {@code STS-DB}),
 * whether it is healthy, and a human-readable status ({@code OK}, or what is wrong).
 */
public record CheckResult(String label, boolean healthy, String status) {

    public CheckResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
    }

    public static CheckResult ok(String label) {
        return new CheckResult(label, true, "OK");
    }

    public static CheckResult failed(String label, String reason) {
        return new CheckResult(label, false, reason);
    }

    /** The line a page prints: {@code label: status}. */
    public String line() {
        return label + ": " + status;
    }
}

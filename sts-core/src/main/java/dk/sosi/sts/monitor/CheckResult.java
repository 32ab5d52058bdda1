package dk.sosi.sts.monitor;

import java.util.List;
import java.util.Objects;

/**
 * Immutable. The outcome of one {@link Check}: a label as the pages print it (e.g. {@code STS-DB}),
 * how much it matters, a human-readable status ({@code OK}, or what is wrong), and optionally detail
 * lines that itemise it on the old status page (one per trusted certificate).
 */
public record CheckResult(String label, Severity severity, String status, List<String> details) {

    public CheckResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        details = List.copyOf(details);
    }

    /** A result without details that is {@link Severity#OK} when {@code healthy}, else {@link Severity#FAILED}. */
    public CheckResult(String label, boolean healthy, String status) {
        this(label, healthy ? Severity.OK : Severity.FAILED, status, List.of());
    }

    public static CheckResult ok(String label) {
        return new CheckResult(label, true, "OK");
    }

    public static CheckResult warning(String label, String reason) {
        return new CheckResult(label, Severity.WARNING, reason, List.of());
    }

    public static CheckResult failed(String label, String reason) {
        return new CheckResult(label, false, reason);
    }

    /** Whether the STS works as far as this check sees: true unless {@link Severity#FAILED}. */
    public boolean healthy() {
        return severity != Severity.FAILED;
    }

    /** The line a page prints: {@code label: status}. */
    public String line() {
        return label + ": " + status;
    }

    /** What {@code /sts/checkstatus} prints for this result: its details when it has any, else {@link #line()}. */
    public List<String> checkStatusLines() {
        return details.isEmpty() ? List.of(line()) : details;
    }
}

package dk.sosi.sts.monitor;

/**
 * Immutable. How much a {@link CheckResult} matters, worst last. Each page answers 500 from its own
 * threshold (see {@link MonitorReport#healthy(Severity)}): {@code /sts/status} and {@code /sts/checkstatus}
 * at {@link #FAILED}, {@code /sts/alarm} already at {@link #WARNING}.
 */
public enum Severity {

    /** Nothing to do. */
    OK,

    /** The STS works, but an operator must act soon, e.g. a certificate expires within the warning horizon. */
    WARNING,

    /** Something is broken now, e.g. a certificate has expired or the database does not answer. */
    FAILED
}

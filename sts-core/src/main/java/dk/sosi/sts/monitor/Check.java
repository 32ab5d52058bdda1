package dk.sosi.sts.monitor;

/**
 * Thread-safe. One condition the monitoring pages report on; which checks a page runs is decided by
 * the lists {@code statusServletList}, {@code alarmServletList} and {@code monitorServletList} in services.xml.
 */
public interface Check {

    /** Runs the check now; never throws: a failure to check is itself a failed result. */
    CheckResult run();
}

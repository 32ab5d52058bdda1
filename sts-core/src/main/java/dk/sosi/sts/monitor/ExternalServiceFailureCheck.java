package dk.sosi.sts.monitor;

import dk.sosi.sts.ServiceInfoCollector;
import java.util.Locale;
import java.util.Objects;

/**
 * Thread-safe. The guide's alarm "XX % of the calls to an external service failed within the last
 * YYYY period": fails when more than {@code maxFailedPercent} % of the calls recorded in the service's
 * {@link ServiceInfoCollector} window (the {@code serviceInfoCollector} hours) failed. Declared in
 * interface.xml as the guide shows it:
 * <pre>{@code
 * <bean id="monitorPidFailureCheck" class="dk.sosi.sts.monitor.ExternalServiceFailureCheck">
 *     <constructor-arg ref="pidService"/>
 *     <constructor-arg value="CPR-PID" />
 *     <constructor-arg value="5" /> <!-- Max % of calls that can fail before it causes an alarm -->
 * </bean>}</pre>
 * Its line reads {@code CPR-PID: OK (604 calls, 3 failed)} or
 * {@code CPR-PID: FAILED (6.3% of 604 calls failed in the last 24h, max 5%)}. With no calls in the
 * window it is healthy.
 */
public final class ExternalServiceFailureCheck implements Check {

    private final MonitoredService service;
    private final String name;
    private final int maxFailedPercent;

    /**
     * @param service          the monitored backend, e.g. bean {@code pidService}
     * @param name             the label on the monitoring pages, e.g. {@code CPR-PID}
     * @param maxFailedPercent the largest share of failed calls, 0–100, that is still healthy
     */
    public ExternalServiceFailureCheck(MonitoredService service, String name, int maxFailedPercent) {
        this.service = Objects.requireNonNull(service, "service");
        this.name = Objects.requireNonNull(name, "name");
        if (maxFailedPercent < 0 || maxFailedPercent > 100) {
            throw new IllegalArgumentException("The max % of failed calls to " + name + " must be 0-100, was " + maxFailedPercent);
        }
        this.maxFailedPercent = maxFailedPercent;
    }

    /** The two lines /sts/checkstatus prints for this service: latest successful and latest failed call. */
    public ServiceLine serviceLine() {
        return new ServiceLine(name, "call", service.serviceInfo());
    }

    @Override
    public CheckResult run() {
        try {
            ServiceInfoCollector collector = service.serviceInfo();
            ServiceInfoCollector.Window window = collector.window();
            if (window.failedPercent() <= maxFailedPercent) {
                return new CheckResult(name, true, "OK (" + window.calls() + " calls, " + window.failures() + " failed)");
            }
            return CheckResult.failed(name, "FAILED (" + percent(window.failedPercent()) + "% of " + window.calls()
                    + " calls failed in the last " + collector.windowLength().toHours() + "h, max " + maxFailedPercent + "%)");
        } catch (RuntimeException e) {
            return CheckResult.failed(name, "FAILED (cannot read the calls to " + service.name() + ": " + e.getMessage() + ")");
        }
    }

    /** {@code 6.3}, or {@code 100} when whole. */
    private static String percent(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }
}

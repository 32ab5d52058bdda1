package dk.sosi.sts.monitor;

import dk.sosi.sts.ServiceInfoCollector;
import java.util.Objects;

/**
 * Immutable. A service the old status page reports on with two lines, as in the guide's example:
 * {@code CRL, latest successful download: <date>} and {@code CRL, latest failed download: never}.
 *
 * @param name     as the page prints it, e.g. {@code CRL}, {@code CPR-RID}
 * @param activity what one use of the service is called, e.g. {@code download}, {@code call}
 */
public record ServiceLine(String name, String activity, ServiceInfoCollector collector) {

    public ServiceLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(collector, "collector");
    }
}

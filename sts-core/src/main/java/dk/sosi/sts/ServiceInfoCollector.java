package dk.sosi.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. Records calls to one service (an external backend, or the STS's own endpoints) over the
 * last {@code hours} hours, as the guide's {@code serviceInfoCollector} bean: counts, failures and
 * response times per minute in a fixed ring, so memory stays constant whatever the load.
 */
public final class ServiceInfoCollector {

    private final Clock clock;
    private final int minutes;
    private final Bucket[] buckets;
    private long totalCalls;
    private long totalFailures;
    private Instant latestSuccess;
    private Instant latestFailure;

    /** As the guide writes it: {@code <constructor-arg value="24"/>}, hours to record calls. */
    public ServiceInfoCollector(int hours) {
        this(hours, Clock.systemUTC());
    }

    public ServiceInfoCollector(int hours, Clock clock) {
        if (hours <= 0) {
            throw new IllegalArgumentException("Hours to record calls must be positive, was " + hours);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minutes = hours * 60;
        this.buckets = new Bucket[minutes];
    }

    /** The window over which {@link #window()} reports. */
    public Duration windowLength() {
        return Duration.ofMinutes(minutes);
    }

    public synchronized void recordSuccess(Duration responseTime) {
        Instant now = clock.instant();
        bucket(now).add(false, responseTime.toMillis());
        totalCalls++;
        latestSuccess = now;
    }

    public synchronized void recordFailure(Duration responseTime) {
        Instant now = clock.instant();
        bucket(now).add(true, responseTime.toMillis());
        totalCalls++;
        totalFailures++;
        latestFailure = now;
    }

    /** The calls within the window ending now. */
    public synchronized Window window() {
        long nowMinute = clock.instant().getEpochSecond() / 60;
        long calls = 0;
        long failures = 0;
        long sumMillis = 0;
        long maxMillis = 0;
        for (Bucket b : buckets) {
            if (b != null && b.minute > nowMinute - minutes) {
                calls += b.calls;
                failures += b.failures;
                sumMillis += b.sumMillis;
                maxMillis = Math.max(maxMillis, b.maxMillis);
            }
        }
        return new Window(calls, failures, calls == 0 ? 0 : sumMillis / calls, maxMillis);
    }

    public synchronized long totalCalls() {
        return totalCalls;
    }

    public synchronized long totalFailures() {
        return totalFailures;
    }

    public synchronized Optional<Instant> latestSuccess() {
        return Optional.ofNullable(latestSuccess);
    }

    public synchronized Optional<Instant> latestFailure() {
        return Optional.ofNullable(latestFailure);
    }

    private Bucket bucket(Instant now) {
        long minute = now.getEpochSecond() / 60;
        int index = (int) Math.floorMod(minute, (long) minutes);
        Bucket b = buckets[index];
        if (b == null || b.minute != minute) {
            b = new Bucket(minute);
            buckets[index] = b;
        }
        return b;
    }

    /** Immutable. Calls within the window: counts, failure share, average and max response time. */
    public record Window(long calls, long failures, long averageMillis, long maxMillis) {

        /** Failed calls as a percentage of all calls; 0 when there were none. */
        public double failedPercent() {
            return calls == 0 ? 0 : 100.0 * failures / calls;
        }
    }

    private static final class Bucket {
        final long minute;
        long calls;
        long failures;
        long sumMillis;
        long maxMillis;

        Bucket(long minute) {
            this.minute = minute;
        }

        void add(boolean failed, long millis) {
            calls++;
            if (failed) {
                failures++;
            }
            sumMillis += millis;
            maxMillis = Math.max(maxMillis, millis);
        }
    }
}

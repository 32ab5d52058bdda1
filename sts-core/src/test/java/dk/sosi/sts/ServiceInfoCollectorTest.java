package dk.sosi.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceInfoCollectorTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void windowWhenCallsRecordedThenCountsFailuresAverageAndMax() {
        MovingClock clock = new MovingClock();
        ServiceInfoCollector collector = new ServiceInfoCollector(24, clock);

        collector.recordSuccess(Duration.ofMillis(10));
        collector.recordSuccess(Duration.ofMillis(30));
        collector.recordFailure(Duration.ofMillis(50));
        collector.recordFailure(Duration.ofMillis(10));

        ServiceInfoCollector.Window window = collector.window();
        assertEquals(4, window.calls());
        assertEquals(2, window.failures());
        assertEquals(50.0, window.failedPercent());
        assertEquals(25, window.averageMillis());
        assertEquals(50, window.maxMillis());
        assertEquals(Optional.of(clock.now), collector.latestFailure());
    }

    @Test
    void windowWhenCallsAreOlderThanTheHoursThenForgottenButTotalsKept() {
        MovingClock clock = new MovingClock();
        ServiceInfoCollector collector = new ServiceInfoCollector(1, clock);
        collector.recordFailure(Duration.ofMillis(5));

        clock.now = clock.now.plus(Duration.ofMinutes(61));
        collector.recordSuccess(Duration.ofMillis(7));

        assertEquals(1, collector.window().calls());
        assertEquals(0, collector.window().failures());
        assertEquals(2, collector.totalCalls());
        assertEquals(1, collector.totalFailures());
    }

    @Test
    void constructWhenHoursNotPositiveThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceInfoCollector(0));
    }
}

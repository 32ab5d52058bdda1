package dk.sosi.sts.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for something the STS does within a refresh interval (1 s in tests), failing with what it last saw. */
final class Await {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Await() {
    }

    /** Calls {@code probe} every 200 ms until {@code condition} holds for its value; fails after {@link #PATIENCE}. */
    static <T> T until(Callable<T> probe, Predicate<T> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        T value;
        do {
            value = probe.call();
            if (condition.test(value)) {
                return value;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Not within " + PATIENCE + ":\n" + value);
    }
}

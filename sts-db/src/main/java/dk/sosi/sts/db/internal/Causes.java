package dk.sosi.sts.db.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns an exception chain into one log line, so that an unreachable database costs one line, not a stack trace. */
public final class Causes {

    private static final int MAX_DEPTH = 5;

    private Causes() {
    }

    /**
     * The messages of {@code failure} and its causes, joined by {@code " <- "}, without repeats
     * (drivers and pools often repeat their cause's message).
     */
    public static String describe(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        List<String> parts = new ArrayList<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            String message = current.getMessage() == null ? "" : current.getMessage().strip().replaceAll("\\s+", " ");
            boolean repeated = !message.isEmpty() && parts.stream().anyMatch(part -> part.contains(message));
            if (!repeated) {
                parts.add(current.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
            }
        }
        return String.join(" <- ", parts);
    }

    /**
     * The exception types of {@code failure}'s chain, e.g.
     * {@code SQLTransientConnectionException <- CommunicationsException <- ConnectException}: equal
     * for repeats of one failure, whose messages differ in counters and milliseconds.
     */
    public static String kind(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        List<String> types = new ArrayList<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            types.add(current.getClass().getSimpleName());
        }
        return String.join(" <- ", types);
    }
}

package dk.sosi.sts.fault;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The caller's request was refused: carries the fault code, a message that tells the
 * caller what to fix, and, where a check other than the STS's own refused it, the {@code faultactor}
 * (otherwise the endpoint family's envelope writer names the STS). The message is made safe once, here
 * ({@link CallerText}): it may repeat values from the request, and it goes both to the caller and to the
 * log. Thrown only for the caller's errors; the STS's own failures are other exceptions that
 * {@link FaultMapper} turns into {@link FaultCode#REQUEST_FAILED}.
 */
public final class StsFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FaultCode code;
    private final String actor;

    /** A refusal by the STS itself. */
    public StsFault(FaultCode code, String message) {
        super(CallerText.limit(Objects.requireNonNull(message, "message"), CallerText.MAX_MESSAGE), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.actor = null;
    }

    /** A refusal by {@code actor}, e.g. {@link FaultCode#AUTHORIZATION_ACTOR}. */
    public StsFault(FaultCode code, String message, String actor) {
        super(CallerText.limit(Objects.requireNonNull(message, "message"), CallerText.MAX_MESSAGE), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    public FaultCode code() {
        return code;
    }

    /** The {@code faultactor} when not the STS itself. */
    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }
}
